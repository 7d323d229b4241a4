// @vitest-environment node
/**
 * A small edit of any preset re-simulates cleanly: the store takes it as valid and shows a trace.
 * How long that takes is a figure of `npm run bench` (edit_ms), not a test: a busy machine
 * would fail a timed test with no code change.
 */
import { describe, expect, it } from 'vitest';
import { engine } from '../engine-source';
import { createSimStore } from '../store/create-sim-store';
import { setIn } from './paths';

describe('an edit of every preset', () => {
  it.each(engine.listPresets().map((p) => p.id))('re-simulates %s with no problems', (id) => {
    const store = createSimStore({ engine });
    store.getState().loadScenario(id);
    // The first host's display name: the run stays as long as the preset's own.
    store.getState().editScenario((s) => setIn(s, ['hosts', 0, 'name'], { en: 'edited', zh: 'edited' }));
    const s = store.getState();
    expect(s.problems).toEqual([]);
    expect(s.error).toBeNull();
    expect(s.scenario?.hosts[0]?.name).toEqual({ en: 'edited', zh: 'edited' });
    expect(s.trace?.events.length).toBeGreaterThan(0);
  });
});
