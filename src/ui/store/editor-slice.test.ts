import { describe, expect, it } from 'vitest';
import { setIn } from '../editor/paths';
import { engine } from '../engine-source';
import { createSimStore } from './create-sim-store';
import { canRedo, canUndo, HISTORY_LIMIT, workingScenario } from './editor-slice';

const CIDR = ['hosts', 0, 'interfaces', 0, 'addrs', 0, 'cidr'] as const;

const make = (id = 'nat-lab') => {
  const store = createSimStore({ engine });
  store.getState().loadScenario(id);
  return store;
};

describe('editScenario', () => {
  it('re-simulates a valid edit at once and keeps the playback step', () => {
    const store = make();
    store.getState().seekTo(4);
    store.getState().editScenario((s) => setIn(s, ['hosts', 0, 'apps', 0, 'requests'], 2));
    const s = store.getState();
    expect(s.cursor).toBe(4);
    expect(s.problems).toEqual([]);
    expect(s.scenario?.hosts[0]?.apps?.[0]).toMatchObject({ requests: 2 });
  });

  it('clamps the step when the new trace is shorter', () => {
    const store = make();
    store.getState().seekLast();
    store.getState().editScenario((s) => setIn(s, ['hosts', 0, 'apps', 0, 'requests'], 1));
    const s = store.getState();
    expect(s.cursor).toBe(s.steps.length - 1);
  });

  it('keeps an invalid edit in the working copy with its problem at the path, and the last valid scenario simulating', () => {
    const store = make();
    const before = store.getState().scenario;
    const hi = before?.hosts.findIndex((h) => h.routes?.[0]?.via !== undefined) ?? -1;
    store.getState().editScenario((s) => setIn(s, ['hosts', hi, 'routes', 0, 'via'], '99.99.99.99'));
    const s = store.getState();
    expect(s.scenario).toBe(before);
    expect(workingScenario(s)?.hosts[hi]?.routes?.[0]?.via).toBe('99.99.99.99');
    expect(s.problems[0]).toMatchObject({ path: `hosts[${hi}].routes[0].via`, code: 'route.gateway-off-link' });
  });
});

describe('undo and redo', () => {
  it('undo restores the previous snapshot and redo re-applies it', () => {
    const store = make();
    const original = store.getState().scenario;
    store.getState().editScenario((s) => setIn(s, CIDR, '20.20.20.23/24'));
    expect(canUndo(store.getState())).toBe(true);
    store.getState().undo();
    expect(store.getState().scenario).toEqual(original);
    expect(canRedo(store.getState())).toBe(true);
    store.getState().redo();
    expect(workingScenario(store.getState())?.hosts[0]?.interfaces[0]?.addrs[0]?.cidr).toBe('20.20.20.23/24');
  });

  it('squashes edits of one field in a row into one undo step', () => {
    const store = make();
    for (const c of ['20.20.20.2/24', '20.20.20.23/24']) store.getState().editScenario((s) => setIn(s, CIDR, c), 'cidr');
    expect(store.getState().past).toHaveLength(1);
  });

  it('keeps at most HISTORY_LIMIT snapshots', () => {
    const store = make();
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) store.getState().editScenario((s) => setIn(s, ['hosts', 0, 'name', 'en'], `C${i}`));
    expect(store.getState().past).toHaveLength(HISTORY_LIMIT);
  });

  it('forgets the history when another scenario is picked', () => {
    const store = make();
    store.getState().editScenario((s) => setIn(s, ['hosts', 0, 'name', 'en'], 'X'));
    store.getState().loadScenario('dr-lab');
    expect(canUndo(store.getState())).toBe(false);
    expect(workingScenario(store.getState())?.id).toBe('dr-lab');
  });
});

describe('importScenario and resetToPreset', () => {
  it('refuses JSON of the wrong shape with a message and changes nothing', () => {
    const store = make();
    const before = store.getState().scenario;
    const r = store.getState().importScenario({ version: 1, hosts: 'no' });
    expect(r).toMatchObject({ ok: false, problem: { path: 'id', code: 'shape.missing' } });
    expect(store.getState().scenario).toBe(before);
  });

  it('opens a valid file as an undoable edit, and reset returns the preset', () => {
    const store = make();
    const other = engine.getPreset('dr-lab');
    expect(store.getState().importScenario(JSON.parse(JSON.stringify(other)))).toEqual({ ok: true });
    expect(store.getState().scenario?.id).toBe('dr-lab');
    store.getState().editScenario((s) => setIn(s, ['hosts', 0, 'name', 'en'], 'X'));
    store.getState().resetToPreset();
    expect(store.getState().scenario).toEqual(other);
    for (let i = 0; i < 3; i++) store.getState().undo();
    expect(store.getState().scenario?.id).toBe('nat-lab');
  });
});
