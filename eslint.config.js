import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const ENGINE_WHY = 'the engine must run unchanged in Node, workers and the browser: no UI, DOM or Node imports';

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
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*', 'd3', 'd3-*', 'motion', 'motion/*', 'framer-motion', 'node:*', 'fs', 'path', 'os', 'crypto'], message: ENGINE_WHY },
          { group: ['**/ui/**', '**/cli/**', '**/share/**'], message: 'the engine imports nothing outside itself' },
        ],
      }],
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
          { group: ['**/ui/**', '**/cli/**'], message: 'share imports only the engine' },
        ],
      }],
    },
  },
);
