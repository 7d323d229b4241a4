/**
 * createSimStore(): one store per provider and per test, never a module singleton (STYLE 7).
 * The engine comes in as an argument, so tests pass a fixture engine.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Scenario, WorldView } from '../../engine';
import type { SimEngine } from '../engine-port';
import type { Lang } from '../i18n/i18n';
import { cursorAtOrBefore, visibleSteps, type Depth } from '../trace/depth';
import { buildHostIndex } from '../trace/host-index';
import { createEditorSlice } from './editor-slice';
import { DEFAULT_SPEED_INDEX, SPEEDS, type SimStore } from './types';

export interface CreateSimStoreOptions {
  engine: SimEngine;
  language?: Lang;
  depth?: Depth;
}

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

function cachedWorld(engine: SimEngine, scenario: Scenario): (i: number) => WorldView | null {
  const cache = new Map<number, WorldView>();
  return (i) => {
    const hit = cache.get(i);
    if (hit) return hit;
    try {
      const view = engine.worldViewAt(scenario, {}, i);
      // A handful of recent steps is enough for stepping back and forth.
      if (cache.size > 64) cache.delete(cache.keys().next().value as number);
      cache.set(i, view);
      return view;
    } catch {
      return null;
    }
  };
}

export function createSimStore(opts: CreateSimStoreOptions): StoreApi<SimStore> {
  return createStore<SimStore>()((set, get) => {
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
      worldAt: () => null,
      depth: opts.depth ?? 'course',
      steps: [],
      cursor: 0,
      playing: false,
      speedIndex: DEFAULT_SPEED_INDEX,
      selectedHost: null,
      language: opts.language ?? 'en',
      viewport: { x: 0, y: 0, k: 1 },
      fitRequest: 0,

      loadScenario(idOrScenario) {
        const { engine, depth } = get();
        const scenario = typeof idOrScenario === 'string' ? engine.getPreset(idOrScenario) : idOrScenario;
        if (!scenario) {
          set({ error: `unknown scenario ${String(idOrScenario)}`, playing: false });
          return;
        }
        try {
          const { trace, stopReason } = engine.simulate(scenario, {});
          const director = scenario.hosts.find((h) => h.role === 'director' || h.role === 'proxy');
          set({
            scenario, trace, stopReason, error: null,
            hostIndex: buildHostIndex(scenario, trace),
            worldAt: cachedWorld(engine, scenario),
            steps: visibleSteps(trace, depth), cursor: 0, playing: false,
            selectedHost: director?.id ?? null,
            fitRequest: get().fitRequest + 1,
          });
        } catch (e) {
          set({ scenario, trace: null, hostIndex: null, steps: [], cursor: 0, playing: false, error: e instanceof Error ? e.message : String(e) });
        }
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
    };
  });
}
