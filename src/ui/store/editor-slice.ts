/**
 * The editor's part of the store: the working copy, a bounded undo history of scenario
 * snapshots, and the link error the banner shows. Every edit goes through `editScenario`, so
 * every edit is undoable. A valid edit re-simulates at once and keeps the playback step where
 * it still exists; an invalid one stays in the working copy with its problems (codes at their
 * paths, as the engine's checkScenario reports them) while the last valid scenario keeps
 * simulating.
 */
import type { StoreApi } from 'zustand/vanilla';
import { type Scenario, type Problem, checkScenario, validateScenario } from '../../engine';
import type { SimStore } from './types';

/** Snapshots kept for undo; a scenario is a few KB, so this stays well under a megabyte. */
export const HISTORY_LIMIT = 100;

export interface EditorState {
  /** The last edit, valid or not, and the simulated scenario it was made over. */
  draft: { scenario: Scenario; over: Scenario | null } | null;
  /** checkScenario's problems with the working copy, each at its path; [] when it simulates. */
  problems: Problem[];
  past: Scenario[];
  future: Scenario[];
  /** Edits of one field in a row squash into one undo step. */
  lastEditKey: string | null;
  /** Why the link in the address bar could not be opened; shown until dismissed. */
  linkError: Problem | null;
  editorOpen: boolean;
}

export interface EditorActions {
  /** Apply a change to the working copy; `key` names the field so typing is one undo step. */
  editScenario(recipe: (s: Scenario) => Scenario, key?: string): void;
  undo(): void;
  redo(): void;
  resetToPreset(): void;
  /** Untrusted JSON from a file: opened as an undoable edit, or the first problem and nothing changed. */
  importScenario(json: unknown): { ok: true } | { ok: false; problem: Problem };
  /** Start the working copy from a scenario that may not simulate (an autosave). */
  restoreWorking(scenario: Scenario): void;
  setLinkError(problem: Problem | null): void;
  setEditorOpen(open: boolean): void;
}

export type EditorSlice = EditorState & EditorActions;

type Get = () => SimStore;
type Set = StoreApi<SimStore>['setState'];

/** The draft is stale once a scenario was loaded some other way (the picker, a link). */
const liveDraft = (s: Pick<SimStore, 'draft' | 'scenario'>) => (s.draft && s.draft.over === s.scenario ? s.draft : null);

/** The scenario the editor shows and edits. */
export const workingScenario = (s: Pick<SimStore, 'draft' | 'scenario'>): Scenario | null => liveDraft(s)?.scenario ?? s.scenario;
export const canUndo = (s: SimStore): boolean => liveDraft(s) !== null && s.past.length > 0;
export const canRedo = (s: SimStore): boolean => liveDraft(s) !== null && s.future.length > 0;

export function createEditorSlice(set: Set, get: Get): EditorSlice {
  /** Load a valid scenario without losing the view: same step (clamped), selection, framing. */
  const resimulate = (scenario: Scenario) => {
    const { cursor, selectedHost, fitRequest, viewport } = get();
    get().loadScenario(scenario);
    const { steps } = get();
    const keepHost = selectedHost !== null && scenario.hosts.some((h) => h.id === selectedHost);
    set({
      cursor: Math.max(0, Math.min(cursor, steps.length - 1)),
      ...(keepHost ? { selectedHost } : {}),
      fitRequest,
      viewport,
    });
  };
  const show = (scenario: Scenario) => {
    const r = checkScenario(scenario);
    if (r.ok) resimulate(scenario);
    set({ draft: { scenario, over: get().scenario }, problems: r.ok ? [] : r.error });
  };
  const commit = (next: Scenario, key: string | null) => {
    const s = get();
    const cur = workingScenario(s);
    if (!cur || next === cur) return;
    const past = liveDraft(s) ? s.past : [];
    const squash = key !== null && key === s.lastEditKey && past.length > 0;
    set({ past: squash ? past : [...past, cur].slice(-HISTORY_LIMIT), future: [], lastEditKey: key });
    show(next);
  };

  return {
    draft: null,
    problems: [],
    past: [],
    future: [],
    lastEditKey: null,
    linkError: null,
    editorOpen: false,

    editScenario(recipe, key) {
      const cur = workingScenario(get());
      if (cur) commit(recipe(cur), key ?? null);
    },
    undo() {
      const s = get();
      const cur = workingScenario(s);
      const prev = s.past[s.past.length - 1];
      if (!canUndo(s) || !cur || !prev) return;
      set({ past: s.past.slice(0, -1), future: [cur, ...s.future].slice(0, HISTORY_LIMIT), lastEditKey: null });
      show(prev);
    },
    redo() {
      const s = get();
      const cur = workingScenario(s);
      const [next, ...rest] = s.future;
      if (!canRedo(s) || !cur || !next) return;
      set({ past: [...s.past, cur].slice(-HISTORY_LIMIT), future: rest, lastEditKey: null });
      show(next);
    },
    resetToPreset() {
      const cur = workingScenario(get());
      const preset = cur ? get().engine.getPreset(cur.id) : undefined;
      if (preset) commit(preset, null);
    },
    importScenario(json) {
      const r = validateScenario(json);
      if (!r.ok) return { ok: false, problem: r.error };
      if (!workingScenario(get())) get().loadScenario(r.value);
      else commit(r.value, null);
      return { ok: true };
    },
    restoreWorking(scenario) {
      set({ past: [], future: [], lastEditKey: null });
      show(scenario);
    },
    setLinkError: (linkError) => set({ linkError }),
    setEditorOpen: (editorOpen) => set({ editorOpen }),
  };
}
