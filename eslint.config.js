import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const ENGINE_WHY = 'the engine must run unchanged in Node, workers and the browser: no UI, DOM or Node imports';

// Import rules are lists of no-restricted-imports patterns; a file matched by two config blocks
// gets only the later block's list, so each block below names every pattern that applies to it.
const ENGINE_PURE = [
  { group: ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*', 'd3', 'd3-*', 'motion', 'motion/*', 'framer-motion', 'node:*', 'fs', 'path', 'os', 'crypto'], message: ENGINE_WHY },
  { group: ['**/ui/**', '**/cli/**', '**/share/**', '**/shell/**'], message: 'the engine imports nothing outside itself' },
];
// Any path into the engine's folders (…/engine/<folder>/…), but not the engine itself (…/engine).
const ENGINE_ONLY_BY_INDEX = {
  regex: '(^|/)engine/(?!index(\\.ts)?$).+',
  message: 'import the engine from its index (src/engine/index.ts): export what you need there',
};
// The pure kernels (decisions and formats that know nothing of the simulated world), and the
// records they read (an interface, its segment), so no kernel reaches sim/ through them either.
const KERNELS = [
  'src/engine/arp/arp-policy.ts', 'src/engine/route/table.ts', 'src/engine/route/source-select.ts',
  'src/engine/route/validate-source.ts', 'src/engine/l2/fdb.ts', 'src/engine/wire/**/*.ts', 'src/engine/addr/**/*.ts',
  'src/engine/host/iface.ts', 'src/engine/l2/types.ts',
];
const KERNEL_NO_SIM = {
  group: ['**/sim/**', '**/sim'],
  message: 'a kernel takes plain values and returns a decision: it never imports the simulator (sim/)',
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'docs/**/*.png'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ENGINE_PURE }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'performance'],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'use the seeded PRNG in sim/prng.ts' },
        { object: 'Date', property: 'now', message: 'time is simulated: take `now` as an argument' }],
    },
  },
  {
    files: ['src/share/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-dom', 'zustand', 'd3', 'd3-*', 'motion', 'node:*'], message: 'the share codec is pure: it runs under Node tests, the CLI and the browser' },
          { group: ['**/ui/**', '**/cli/**', '**/shell/**'], message: 'share imports only the engine' },
          ENGINE_ONLY_BY_INDEX,
        ],
      }],
    },
  },
  {
    files: KERNELS,
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...ENGINE_PURE, KERNEL_NO_SIM] }] },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/cli/**/*.ts', 'src/shell/**/*.{ts,tsx}', 'src/labs/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ENGINE_ONLY_BY_INDEX] }] },
  },
  {
    // The quiz's questions and checks: pure like the labs, drawn by src/ui/quiz.
    files: ['src/quiz/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*', 'd3', 'd3-*', 'motion', 'node:*'], message: 'the quiz logic is pure: src/ui/quiz draws it' },
          { group: ['**/ui/**', '**/cli/**'], message: 'the quiz logic imports only the engine' },
          ENGINE_ONLY_BY_INDEX,
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage'],
    },
  },
);
