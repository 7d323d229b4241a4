/**
 * The autosaved working copy: what the editor holds (valid or not) and the last scenario that
 * simulated, written to localStorage a moment after each change, so a reload or a closed tab
 * loses nothing. Read back as untrusted data: a damaged entry is ignored, never a crash.
 */
import type { StoreApi } from 'zustand/vanilla';
import { type Scenario, parseScenarioShape, validateScenario } from '../../engine';
import { workingScenario } from '../store/editor-slice';
import type { SimStore } from '../store/types';

export const AUTOSAVE_KEY = 'lvs-flow.working';
export const AUTOSAVE_DELAY_MS = 400;

export interface Autosaved {
  valid: Scenario;
  working: Scenario;
}

export function readAutosave(storage: Pick<Storage, 'getItem'> | undefined): Autosaved | null {
  try {
    const text = storage?.getItem(AUTOSAVE_KEY);
    if (!text) return null;
    const json = JSON.parse(text) as { valid?: unknown; working?: unknown };
    const valid = validateScenario(json.valid);
    if (!valid.ok) return null;
    // The working copy may not simulate, but the editor needs its shape to show it.
    const shaped = parseScenarioShape(json.working);
    return { valid: valid.value, working: shaped.ok ? (json.working as Scenario) : valid.value };
  } catch {
    return null;
  }
}

/** Open an autosaved copy in the store: the valid scenario simulates, the draft is shown. */
export function restoreAutosave(store: StoreApi<SimStore>, saved: Autosaved): void {
  store.getState().loadScenario(saved.valid);
  if (saved.working !== saved.valid && JSON.stringify(saved.working) !== JSON.stringify(saved.valid)) {
    store.getState().restoreWorking(saved.working);
  }
}

/**
 * Save after every scenario change from now on. A link in the address bar describes what was
 * opened, not what has been edited since, so the first edit also drops it: a reload then
 * restores the working copy instead of re-opening the old link.
 */
export function startAutosave(store: StoreApi<SimStore>, storage: Pick<Storage, 'setItem'> | undefined): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    const s = store.getState();
    const working = workingScenario(s);
    if (!s.scenario || !working) return;
    try {
      storage?.setItem(AUTOSAVE_KEY, JSON.stringify({ valid: s.scenario, working }));
    } catch {
      // Storage full or disabled (private mode): editing still works, only the safety net is gone.
    }
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.scenario === prev.scenario && s.draft === prev.draft) return;
    // An edit (a new draft), not a link or preset being opened, which the address already names.
    if (s.draft !== prev.draft && typeof location !== 'undefined' && location.hash) history.replaceState(null, '', `${location.pathname}${location.search}`);
    clearTimeout(timer);
    timer = setTimeout(save, AUTOSAVE_DELAY_MS);
  });
  const flush = () => { if (timer !== undefined) { clearTimeout(timer); save(); } };
  if (typeof window !== 'undefined') window.addEventListener('pagehide', flush);
  return () => {
    unsubscribe();
    flush();
    if (typeof window !== 'undefined') window.removeEventListener('pagehide', flush);
  };
}
