/**
 * createSimStore(): one store per provider and per test, never a module singleton (STYLE 7).
 * The engine comes in as an argument, so tests pass a fixture engine.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { SimEngine, SimOptions } from '../engine-port';
import type { Lang } from '../i18n/i18n';
import { cursorAtOrBefore, visibleSteps, type Depth } from '../trace/depth';
import { buildHostIndex } from '../trace/host-index';
import { createConsoleSlice } from './console-slice';
import { createEditorSlice } from './editor-slice';
import { createLoadSlice } from './load-slice';
import { createQuizSlice } from './quiz-slice';
import { DEFAULT_SPEED_INDEX, SPEEDS, type SimStore } from './types';
import { browserIdle, createWorldStepper, type IdleScheduler, type WorldStepper } from './world-stepper';

export interface CreateSimStoreOptions {
  engine: SimEngine;
  language?: Lang;
  depth?: Depth;
  /** Where the inspector's checkpoints are built (default: the browser's idle callbacks, if any). */
  idle?: IdleScheduler;
  /** How every scenario runs (e.g. each client's number of requests, for a long trace). */
  run?: SimOptions;
}

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

export function createSimStore(opts: CreateSimStoreOptions): StoreApi<SimStore> {
  return createStore<SimStore>()((set, get) => {
    let stepper: WorldStepper | null = null;
    const seek = (cursor: number) => {
      const { steps, cursor: prev } = get();
      const next = clamp(Math.round(cursor), 0, Math.max(0, steps.length - 1));
      if (next !== prev) set({ cursor: next });
    };
    const atEnd = () => get().cursor >= get().steps.length - 1;
    return {
      engine: opts.engine,
      presets: opts.engine.listPresets(),
      scenario: null,
      trace: null,
      stopReason: '',
      error: null,
      hostIndex: null,
      worldAt: () => ({ ok: false, error: 'no scenario loaded' }),
      checkpoints: { built: 0, total: 0 },
      depth: opts.depth ?? 'course',
      steps: [],
      cursor: 0,
      playing: false,
      speedIndex: DEFAULT_SPEED_INDEX,
      selectedHost: null,
      language: opts.language ?? 'en',
      viewport: { x: 0, y: 0, k: 1 },
      fitRequest: 0,
      hostTabRequest: 0,

      loadScenario(idOrScenario) {
        const { engine, depth } = get();
        const scenario = typeof idOrScenario === 'string' ? engine.getPreset(idOrScenario) : idOrScenario;
        if (!scenario) {
          set({ error: `unknown scenario ${String(idOrScenario)}`, playing: false });
          return;
        }
        try {
          const run = opts.run ?? {};
          const { trace, stopReason } = engine.simulate(scenario, run);
          const director = scenario.hosts.find((h) => h.role === 'director' || h.role === 'proxy');
          stepper?.dispose();
          const own: WorldStepper = createWorldStepper({
            open: () => engine.openWorldCursor(scenario, run),
            events: trace.events.length,
            idle: 'idle' in opts ? opts.idle : browserIdle,
            onProgress: (checkpoints) => {
              if (stepper === own) set({ checkpoints });
            },
          });
          stepper = own;
          set({
            scenario, trace, stopReason, error: null,
            hostIndex: buildHostIndex(scenario, trace),
            worldAt: own.at,
            checkpoints: own.progress(),
            steps: visibleSteps(trace, depth), cursor: 0, playing: false,
            selectedHost: director?.id ?? null,
            fitRequest: get().fitRequest + 1,
            // Another scenario on screen: the lines typed were typed over the previous one.
            consoleLines: [], consoleBase: null,
          });
        } catch (e) {
          stepper?.dispose();
          stepper = null;
          set({ scenario, trace: null, hostIndex: null, steps: [], cursor: 0, playing: false, error: e instanceof Error ? e.message : String(e), consoleLines: [], consoleBase: null });
        }
      },
      previewScenario(id) {
        const scenario = get().engine.getPreset(id);
        if (!scenario) return;
        const director = scenario.hosts.find((h) => h.role === 'director' || h.role === 'proxy');
        stepper?.dispose();
        stepper = null;
        set({
          scenario, trace: null, hostIndex: null, error: null, steps: [], cursor: 0, playing: false,
          worldAt: () => ({ ok: false, error: 'not simulated yet' }), checkpoints: { built: 0, total: 0 },
          selectedHost: director?.id ?? null, fitRequest: get().fitRequest + 1,
        });
      },
      stepForward: () => seek(get().cursor + 1),
      stepBack: () => seek(get().cursor - 1),
      seekTo: seek,
      seekFirst: () => seek(0),
      seekLast: () => seek(get().steps.length - 1),
      restart() {
        seek(0);
        set({ playing: get().steps.length > 1 });
      },
      play() {
        if (atEnd()) seek(0);
        set({ playing: get().steps.length > 1 });
      },
      pause: () => set({ playing: false }),
      togglePlay: () => (get().playing ? get().pause() : get().play()),
      setSpeed: (index) => set({ speedIndex: clamp(index, 0, SPEEDS.length - 1) }),
      setDepth(depth) {
        const { trace, steps, cursor } = get();
        if (depth === get().depth) return;
        if (!trace) return set({ depth });
        const current = steps[cursor] ?? 0;
        const next = visibleSteps(trace, depth);
        set({ depth, steps: next, cursor: cursorAtOrBefore(next, current) });
      },
      toggleDepth: () => get().setDepth(get().depth === 'course' ? 'full' : 'course'),
      selectHost: (hostId) => set({ selectedHost: hostId }),
      inspectHost: (hostId) => set({ selectedHost: hostId, hostTabRequest: get().hostTabRequest + 1 }),
      selectEvent(eventIndex) {
        const { steps, trace } = get();
        if (!trace || eventIndex < 0 || eventIndex >= trace.events.length) return;
        if (!steps.includes(eventIndex)) get().setDepth('full');
        seek(get().steps.indexOf(eventIndex));
      },
      setLanguage: (language) => set({ language }),
      setViewport(v) {
        const p = get().viewport;
        if (p.x !== v.x || p.y !== v.y || p.k !== v.k) set({ viewport: v });
      },
      requestFit: () => set({ fitRequest: get().fitRequest + 1 }),
      ...createEditorSlice(set, get),
      ...createConsoleSlice(set, get),
      ...createLoadSlice(set),
      ...createQuizSlice(set),
    };
  });
}
