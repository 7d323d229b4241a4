/**
 * The engine runs unchanged in Node, workers and the browser: nothing under src/engine may
 * import UI libraries, Node built-ins or the app's other packages, or read the wall clock, real
 * timers or Math.random. src/share is pure too (it may import the engine only). ESLint says the
 * same; this test is the net under it, since a lint rule can be switched off on one line.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UI_LIBRARIES, scanSource, type ScanRules } from './purity-scan';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const ENGINE_RULES: ScanRules = {
  forbiddenModules: UI_LIBRARIES,
  forbiddenDirs: ['src/ui/', 'src/cli/', 'src/share/', 'src/test/'],
  platformGlobals: true,
};

const SHARE_RULES: ScanRules = {
  forbiddenModules: UI_LIBRARIES,
  forbiddenDirs: ['src/ui/', 'src/cli/', 'src/test/'],
  platformGlobals: false,
};

/** Repo-relative paths of the non-test .ts files under `dir`. */
function sourceFiles(dir: string): string[] {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(relative(ROOT, p).split('\\').join('/'));
    }
  };
  walk(abs);
  return out;
}

function violations(files: readonly string[], rules: ScanRules): string[] {
  return files.flatMap((f) => scanSource(f, readFileSync(join(ROOT, f), 'utf8'), rules).map((x) => `${f}:${x.line}: ${x.what}`));
}

describe('scanSource', () => {
  const scan = (text: string, file = 'src/engine/sim/x.ts'): string[] => scanSource(file, text, ENGINE_RULES).map((f) => `${f.line}: ${f.what}`);

  it('flags imports of UI libraries, Node built-ins and other packages, naming the line', () => {
    const text = [
      "import { useState } from 'react';",
      "import * as d3 from 'd3-zoom';",
      "import { readFileSync } from 'fs';",
      "import type { X } from 'node:path';",
      "export { y } from '../../ui/store/types';",
      "const z = await import('../../cli/main');",
      "import { animate } from 'motion/react';",
      "import { ok } from '../addr/result';",
    ].join('\n');
    expect(scan(text)).toEqual([
      '1: imports "react"',
      '2: imports "d3-zoom"',
      '3: imports the Node built-in "fs"',
      '4: imports the Node built-in "node:path"',
      '5: imports "../../ui/store/types" from src/ui/',
      '6: imports "../../cli/main" from src/cli/',
      '7: imports "motion/react"',
    ]);
  });

  it('flags the wall clock, real timers, Math.random and browser globals, but not comments or strings', () => {
    const text = [
      '// Math.random and Date.now are banned; window. document. too',
      "const s = 'setTimeout(window.document)';",
      'const a = Math.random();',
      'const b = Date.now() + performance.now();',
      'setTimeout(() => 0, 1);',
      'window.alert(document.title);',
      'const o = { window: 1, setInterval: 2 }; o.window; o.localStorage;',
      'const d = new Date();',
    ].join('\n');
    expect(scan(text)).toEqual([
      '3: uses Math.random',
      '4: uses Date.now',
      '4: uses performance.now',
      '5: uses the global setTimeout',
      '6: uses the global window',
      '6: uses the global document',
      '8: reads the wall clock (new Date())',
    ]);
  });
});

describe('the engine', () => {
  const files = sourceFiles('src/engine');

  it('is found by the walk (so an empty list cannot pass by accident)', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files).toContain('src/engine/index.ts');
  });

  it('imports no UI library, no Node built-in and nothing from src/ui, src/cli or src/share', () => {
    expect(violations(files, { ...ENGINE_RULES, platformGlobals: false })).toEqual([]);
  });

  it('never reads the wall clock, real timers, Math.random or browser and Node globals', () => {
    expect(violations(files, { ...ENGINE_RULES, forbiddenModules: [], forbiddenDirs: [] })).toEqual([]);
  });
});

describe('the share codec', () => {
  it('imports no UI library, no Node built-in and nothing from src/ui or src/cli', () => {
    expect(violations(sourceFiles('src/share'), SHARE_RULES)).toEqual([]);
  });
});

describe('the shell, the build labs and the quiz', () => {
  // They run in the browser's console and the CLI alike, on simulated time only.
  const rules: ScanRules = { forbiddenModules: UI_LIBRARIES, forbiddenDirs: ['src/ui/', 'src/cli/', 'src/test/'], platformGlobals: true };

  it.each(['src/shell', 'src/labs', 'src/quiz'])('%s imports no UI library, no Node built-in, and reads no clock or browser global', (dir) => {
    const files = sourceFiles(dir).filter((f) => !f.includes('/test/'));
    expect(files.length).toBeGreaterThan(5);
    expect(violations(files, rules)).toEqual([]);
  });
});
