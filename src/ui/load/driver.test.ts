import { describe, expect, it } from 'vitest';
import { createDriver, type LoadRunnerPort } from './driver';
import type { FromWorker, LoadChange, LoadSettings } from './protocol';
import type { LoadPoint } from './series';

const SETTINGS: LoadSettings = {
  clients: 10, rate: 100, keepAliveMs: 0, requests: 1000, durationS: 10, scheduler: 'wlc', weights: {}, seed: 1, sampleMs: 1000, health: null,
};

/** A run of `endMs` simulated ms where each simulated ms costs `wallPerMs` of the fake clock. */
function fakeRunner(clock: { t: number }, endMs: number, wallPerMs: number) {
  const applied: Array<{ change: LoadChange; t: number }> = [];
  let points: LoadPoint[] = [];
  const r: LoadRunnerPort & { applied: typeof applied; now: number; frames: number } = {
    now: 0, frames: 0, requests: 0, applied,
    get finished() { return this.now >= endMs; },
    runUntil(t) {
      const to = Math.min(t, endMs);
      clock.t += (to - this.now) * wallPerMs;
      this.frames += (to - this.now) * 10;
      this.now = to;
      points.push({ t: to, servers: {}, director: { inPackets: 0, outPackets: 0, inBytes: 0, outBytes: 0 }, ended: { ok: 0, reset: 0, lost: 0 } });
    },
    takePoints() {
      const p = points;
      points = [];
      return p;
    },
    apply(change) { applied.push({ change, t: this.now }); },
    table() { return `table at ${this.now}`; },
  };
  return r;
}

function harness(endMs: number, wallPerMs: number) {
  const clock = { t: 0 };
  const posted: FromWorker[] = [];
  const queue: Array<{ at: number; fn: () => void }> = [];
  const runner = fakeRunner(clock, endMs, wallPerMs);
  const driver = createDriver(() => runner, {
    post: (m) => posted.push(m),
    clock: () => clock.t,
    later: (fn, ms) => queue.push({ at: clock.t + ms, fn }),
  });
  /** Runs queued slices (advancing the fake clock to each) until none is left or `max` ran. */
  const tick = (max = Infinity) => {
    for (let n = 0; n < max && queue.length; n++) {
      queue.sort((a, b) => a.at - b.at);
      const next = queue.shift()!;
      clock.t = Math.max(clock.t, next.at);
      next.fn();
    }
  };
  return { driver, posted, runner, tick, clock };
}

const states = (posted: FromWorker[]) => posted.flatMap((m) => (m.kind === 'state' ? [m.state] : []));
const sampleTimes = (posted: FromWorker[]) => posted.flatMap((m) => (m.kind === 'samples' ? m.points.map((p) => p.t) : []));

describe('createDriver', () => {
  it('runs flat out in slices of at most 40 ms of wall time, posting every sample once, then says done', () => {
    const h = harness(10_000, 0.01); // 10 ms of wall time per simulated second
    h.driver.handle({ kind: 'start', scenario: {} as never, settings: SETTINGS, pace: Infinity });
    h.tick();
    expect(sampleTimes(h.posted)).toEqual([1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10_000]);
    expect(h.posted.filter((m) => m.kind === 'samples').length).toBe(3);
    expect(states(h.posted)).toEqual(['running', 'done']);
    const last = h.posted.at(-1);
    expect(last?.kind === 'state' && last.progress).toEqual({ now: 10_000, requests: 0, frames: 100_000, busyMs: 100 });
  });

  it('keeps simulated time at `pace` times the wall clock', () => {
    const h = harness(60_000, 0.001);
    h.driver.handle({ kind: 'start', scenario: {} as never, settings: SETTINGS, pace: 2 });
    while (h.clock.t < 2000) h.tick(1);
    // 2 s of wall time at 2×: about 4 simulated seconds, never ahead of the pace.
    expect(h.runner.now).toBeGreaterThanOrEqual(3000);
    expect(h.runner.now).toBeLessThanOrEqual(4000);
  });

  it('stands still while paused, and goes on from where it was when resumed', () => {
    const h = harness(60_000, 0.001);
    h.driver.handle({ kind: 'start', scenario: {} as never, settings: SETTINGS, pace: 1 });
    while (h.clock.t < 3000) h.tick(1);
    h.driver.handle({ kind: 'pause' });
    const at = h.runner.now;
    h.clock.t += 10_000;
    h.tick();
    expect(h.runner.now).toBe(at);
    h.driver.handle({ kind: 'resume' });
    const wall = h.clock.t;
    while (h.clock.t < wall + 2000) h.tick(1);
    expect(h.runner.now).toBeGreaterThan(at);
    expect(h.runner.now).toBeLessThanOrEqual(at + 2000);
    expect(states(h.posted)).toEqual(['running', 'paused', 'running']);
  });

  it('stops for good when told, and applies a change at the simulated time it reached', () => {
    const h = harness(60_000, 0.001);
    h.driver.handle({ kind: 'start', scenario: {} as never, settings: SETTINGS, pace: 1 });
    while (h.clock.t < 2500) h.tick(1);
    h.driver.handle({ kind: 'change', change: { kind: 'fail', server: 'RS1' } });
    expect(h.runner.applied).toEqual([{ change: { kind: 'fail', server: 'RS1' }, t: h.runner.now }]);
    expect(h.posted.at(-1)).toEqual({ kind: 'changed', change: { kind: 'fail', server: 'RS1' }, t: h.runner.now });
    h.driver.handle({ kind: 'stop' });
    const at = h.runner.now;
    h.clock.t += 5000;
    h.tick();
    expect(h.runner.now).toBe(at);
    expect(states(h.posted).at(-1)).toBe('stopped');
  });

  it('answers a table query with the table of the last sample at or before that time', () => {
    const h = harness(5000, 0.001);
    h.driver.handle({ kind: 'start', scenario: {} as never, settings: SETTINGS, pace: Infinity });
    h.tick();
    h.driver.handle({ kind: 'table', id: 7, t: 2500 });
    expect(h.posted.at(-1)).toEqual({ kind: 'table', id: 7, t: 2000, text: 'table at 2000' });
  });

  it('reports a run that cannot start as failed, with the reason', () => {
    const posted: FromWorker[] = [];
    const driver = createDriver(() => { throw new Error('this scenario has no director'); }, { post: (m) => posted.push(m), clock: () => 0, later: () => {} });
    driver.handle({ kind: 'start', scenario: {} as never, settings: SETTINGS, pace: 1 });
    expect(posted).toEqual([{ kind: 'state', state: 'failed', progress: { now: 0, requests: 0, frames: 0, busyMs: 0 }, error: 'this scenario has no director' }]);
  });
});
