import { describe, expect, it } from 'vitest';
import type { SimEngine, SimOptions } from '../engine-port';
import { createFixtureEngine } from '../test/fixtures/fixture-engine';
import { createSimStore } from './create-sim-store';
import { currentEventIndex, skippedBefore } from './selectors';

const make = () => {
  const store = createSimStore({ engine: createFixtureEngine() });
  store.getState().loadScenario('nat-course');
  return store;
};

describe('createSimStore', () => {
  it('makes independent stores: no module singleton', () => {
    const a = make(), b = make();
    a.getState().stepForward();
    expect(a.getState().cursor).toBe(1);
    expect(b.getState().cursor).toBe(0);
  });

  it('loadScenario simulates, starts at step 0 and selects the director', () => {
    const s = make().getState();
    expect(s.trace?.events.length).toBeGreaterThan(0);
    expect(s.cursor).toBe(0);
    expect(s.selectedHost).toBe('director');
  });

  it('previewScenario shows the preset without running it; loadScenario then runs it', () => {
    let runs = 0;
    const fixture = createFixtureEngine();
    const store = createSimStore({ engine: { ...fixture, simulate: (s, o) => (runs++, fixture.simulate(s, o)) } });
    store.getState().previewScenario('nat-course');
    expect(runs).toBe(0);
    expect(store.getState()).toMatchObject({ trace: null, steps: [], cursor: 0, selectedHost: 'director', fitRequest: 1 });
    expect(store.getState().scenario?.id).toBe('nat-course');
    store.getState().stepForward();
    expect(store.getState().cursor).toBe(0);
    store.getState().loadScenario('nat-course');
    expect(runs).toBe(1);
    expect(store.getState().steps.length).toBeGreaterThan(0);
  });

  it('runs every scenario, and the inspector\'s cursors, with the store\'s run options', () => {
    const seen: SimOptions[] = [];
    const fixture = createFixtureEngine();
    const engine: SimEngine = {
      ...fixture,
      simulate: (s, o) => (seen.push(o ?? {}), fixture.simulate(s, o)),
      openWorldCursor: (s, o) => (seen.push(o ?? {}), fixture.openWorldCursor(s, o)),
    };
    const store = createSimStore({ engine, run: { requests: 7 } });
    store.getState().loadScenario('nat-course');
    expect(store.getState().worldAt(2).ok).toBe(true);
    expect(seen).toEqual([{ requests: 7 }, { requests: 7 }]);
  });

  it('inspectHost selects the host and asks for its inspector each time, where selectHost only selects', () => {
    const store = make();
    store.getState().selectHost('director');
    expect(store.getState().hostTabRequest).toBe(0);
    store.getState().inspectHost('director');
    store.getState().inspectHost('director');
    expect(store.getState()).toMatchObject({ selectedHost: 'director', hostTabRequest: 2 });
  });

  it('an unknown scenario sets an error and no trace', () => {
    const store = createSimStore({ engine: createFixtureEngine() });
    store.getState().loadScenario('nope');
    expect(store.getState().error).toMatch(/nope/);
  });

  it('stepForward then stepBack returns exactly to the earlier state', () => {
    const store = make();
    store.getState().stepForward();
    store.getState().stepForward();
    const before = { ...store.getState() };
    store.getState().stepForward();
    store.getState().stepBack();
    const after = store.getState();
    for (const k of ['cursor', 'steps', 'depth', 'selectedHost', 'trace'] as const) expect(after[k]).toBe(before[k]);
  });

  it('clamps stepping at both ends', () => {
    const store = make();
    store.getState().stepBack();
    expect(store.getState().cursor).toBe(0);
    store.getState().seekLast();
    store.getState().stepForward();
    expect(store.getState().cursor).toBe(store.getState().steps.length - 1);
  });

  it('setDepth keeps the current event, or the last visible one before it', () => {
    const store = make();
    store.getState().setDepth('full');
    store.getState().seekTo(5); // the ARP reply: hidden in course view
    store.getState().setDepth('course');
    expect(currentEventIndex(store.getState())).toBe(1);
  });

  it('selectEvent jumps there, switching to full view when the course view hides it', () => {
    const store = make();
    store.getState().selectEvent(4);
    expect(store.getState().depth).toBe('full');
    expect(currentEventIndex(store.getState())).toBe(4);
  });

  it('skippedBefore lists what the course view stepped over', () => {
    const store = make();
    store.getState().seekTo(2);
    expect(skippedBefore(store.getState())).toEqual([2, 3, 4, 5]);
  });

  it('play from the end restarts; pause stops', () => {
    const store = make();
    store.getState().seekLast();
    store.getState().play();
    expect(store.getState().cursor).toBe(0);
    expect(store.getState().playing).toBe(true);
    store.getState().pause();
    expect(store.getState().playing).toBe(false);
  });

  it('setViewport skips no-op updates', () => {
    const store = make();
    const v = store.getState().viewport;
    store.getState().setViewport({ ...v });
    expect(store.getState().viewport).toBe(v);
  });
});
