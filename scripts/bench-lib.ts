/**
 * Helpers for scripts/bench.ts: loading the engine (as the app ships it, or as tsx runs it),
 * best-of-N timing after a warm-up, a forced GC, and a heap sampler that rides inside a
 * simulated run as a periodic timer (the run is one synchronous call, so a real timer could
 * never fire during it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type * as EngineModule from './bench-engine';
import type { BuildHooks, World } from './bench-engine';

export type Engine = typeof EngineModule;

/**
 * The engine compiled the way the app ships it: a Vite library build of bench-engine.ts (no
 * minification), from `entry` (another checkout's scripts/bench-engine.ts for an A/B). tsx compiles with esbuild's keepNames, which wraps every closure the engine
 * creates in a defineProperty call, so the sources under tsx run measurably slower than the app.
 */
export async function loadEngine(how: 'bundle' | 'tsx', entry = new URL('./bench-engine.ts', import.meta.url).pathname): Promise<Engine> {
  if (how === 'tsx') return import('./bench-engine');
  const { build } = await import('vite');
  const outDir = mkdtempSync(join(tmpdir(), 'lvs-flow-bench-'));
  try {
    await build({
      configFile: false,
      logLevel: 'silent',
      publicDir: false,
      build: {
        lib: { entry, formats: ['es'], fileName: () => 'engine.mjs' },
        outDir, minify: false, emptyOutDir: true, target: 'es2022', write: true,
        // The temporary directory has no package.json saying "type": "module": every chunk the
        // entry imports must be .mjs too, or Node reads it as CommonJS and the import fails.
        rollupOptions: { output: { chunkFileNames: '[name]-[hash].mjs' } },
      },
    });
    return (await import(pathToFileURL(join(outDir, 'engine.mjs')).href)) as Engine;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** A full, synchronous GC: --expose-gc's gc(), or the same switched on at run time. */
export function getGc(): () => void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

export interface Timed<T> {
  ms: number;
  result: T;
  /** Every run's time, fastest first (the median says how steady the machine was). */
  allMs: number[];
}

/** Runs `warmUp` (default: `fn`) once for the JIT, then `fn` `runs` times; the fastest run and its result. */
export function bestOf<T>(runs: number, fn: () => T, warmUp: () => unknown = fn): Timed<T> {
  warmUp();
  let best: { ms: number; result: T } | undefined;
  const allMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const result = fn();
    const ms = performance.now() - t0;
    allMs.push(ms);
    if (!best || ms < best.ms) best = { ms, result };
  }
  const b = best as { ms: number; result: T };
  return { ms: b.ms, result: b.result, allMs: allMs.sort((x, y) => x - y) };
}

export interface HeapSampler {
  /** Build hooks for runScenario: attach IPVS as usual, then start sampling. */
  hooks: BuildHooks;
  /** Largest live heap seen (bytes, each sample taken right after a full GC). */
  peak(): number;
  samples(): number;
}

/**
 * Samples the live heap every `periodMs` of *simulated* time: a timer in the run's own queue
 * forces a GC and reads heapUsed. The timer changes no trace event and draws no random number,
 * and the queue orders by (time, insertion), so the simulation itself is unchanged.
 */
export function heapSampler(engine: Engine, periodMs: number, gc: () => void): HeapSampler {
  let peak = 0;
  let count = 0;
  let started = false;
  const sample = (): void => {
    gc();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    count++;
  };
  const { attachDirector, schedule } = engine;
  const start = (w: World): void => {
    if (started) return;
    started = true;
    const tick = (): void => {
      sample();
      // Stop ticking once the clients are done, so the sampler cannot keep the run alive.
      if (w.activeClients > 0) schedule(w, periodMs, tick);
    };
    schedule(w, periodMs, tick);
  };
  return {
    hooks: {
      attachDirector(w, host, spec) {
        attachDirector(w, host, spec);
        start(w);
      },
    },
    peak: () => {
      sample();
      return peak;
    },
    samples: () => count,
  };
}

export interface Figure {
  name: string;
  value: number;
  target: number;
  /** 'min': the value must be at least the target; 'max': at most. */
  kind: 'min' | 'max';
  unit: string;
}

export const meets = (f: Figure): boolean => (f.kind === 'min' ? f.value >= f.target : f.value <= f.target);

const num = (n: number): string => (Number.isInteger(n) || Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(3));

/** One aligned line: name, value, target and ✓ or ✗. */
export function figureLine(f: Figure): string {
  const target = `target ${f.kind === 'min' ? '≥' : '≤'} ${num(f.target)}`;
  return `  ${f.name.padEnd(26)} ${num(f.value).padStart(13)} ${f.unit.padEnd(8)} ${target.padEnd(22)} ${meets(f) ? '✓' : '✗'}`;
}
