import { describe, expect, it } from 'vitest';
import { createDriver } from './driver';
import type { LoadOptions } from '../../engine';
import { fakeRunner } from './fake-run';
import type { FromWorker } from './protocol';

const OPTIONS: LoadOptions = { clients: 10, requests: 1000, sampleMs: 1000 };

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
  it('hands a warm-up to its warm callback and starts nothing', () => {
    const warmed: string[] = [];
    const opened: string[] = [];
    const driver = createDriver(() => {
      opened.push('start');
      return fakeRunner({ t: 0 }, 1000, 0);
    }, { post: () => {}, clock: () => 0, later: () => {} }, (m) => warmed.push(m.kind));
    driver.handle({ kind: 'warm', scenario: {} as never, options: OPTIONS });
    expect(warmed).toEqual(['warm']);
    expect(opened).toEqual([]);
  });

  it('runs flat out in slices of at most 40 ms of wall time, posting every sample once, then says done', () => {
    const h = harness(10_000, 0.01); // 10 ms of wall time per simulated second
    h.driver.handle({ kind: 'start', scenario: {} as never, options: OPTIONS, pace: Infinity });
    h.tick();
    expect(sampleTimes(h.posted)).toEqual([1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10_000]);
    expect(h.posted.filter((m) => m.kind === 'samples').length).toBe(3);
    expect(states(h.posted)).toEqual(['running', 'done']);
    const last = h.posted.at(-1);
    const progress = last?.kind === 'state' ? last.progress : null;
    expect(progress).toMatchObject({ now: 10_000, requests: 30, frames: 100_000 });
    expect(progress?.busyMs).toBeGreaterThanOrEqual(100);
    // 10 ms per simulated second in advance() (the fake runner's cost); the tables' time is outside it.
    expect(progress?.simMs).toBeCloseTo(100, 6);
    expect(progress!.busyMs - progress!.simMs).toBeGreaterThan(0);
  });

  it('keeps simulated time at `pace` times the wall clock', () => {
    const h = harness(60_000, 0.001);
    h.driver.handle({ kind: 'start', scenario: {} as never, options: OPTIONS, pace: 2 });
    while (h.clock.t < 2000) h.tick(1);
    // 2 s of wall time at 2×: about 4 simulated seconds, never ahead of the pace.
    expect(h.runner.nowMs).toBeGreaterThanOrEqual(3000);
    expect(h.runner.nowMs).toBeLessThanOrEqual(4000);
  });

  it('stands still while paused, and goes on from where it was when resumed', () => {
    const h = harness(60_000, 0.001);
    h.driver.handle({ kind: 'start', scenario: {} as never, options: OPTIONS, pace: 1 });
    while (h.clock.t < 3000) h.tick(1);
    h.driver.handle({ kind: 'pause' });
    const at = h.runner.nowMs;
    h.clock.t += 10_000;
    h.tick();
    expect(h.runner.nowMs).toBe(at);
    h.driver.handle({ kind: 'resume' });
    const wall = h.clock.t;
    while (h.clock.t < wall + 2000) h.tick(1);
    expect(h.runner.nowMs).toBeGreaterThan(at);
    expect(h.runner.nowMs).toBeLessThanOrEqual(at + 2000);
    expect(states(h.posted)).toEqual(['running', 'paused', 'running']);
  });

  it('stops for good when told, and applies a change at the simulated time it reached', () => {
    const h = harness(60_000, 0.001);
    h.driver.handle({ kind: 'start', scenario: {} as never, options: OPTIONS, pace: 1 });
    while (h.clock.t < 2500) h.tick(1);
    h.driver.handle({ kind: 'change', change: { kind: 'fail', server: 'RS1' } });
    expect(h.runner.applied).toEqual([{ change: { kind: 'fail', server: 'RS1' }, t: h.runner.nowMs }]);
    expect(h.posted.at(-1)).toEqual({ kind: 'changed', change: { kind: 'fail', server: 'RS1' }, t: h.runner.nowMs });
    h.driver.handle({ kind: 'stop' });
    const at = h.runner.nowMs;
    h.clock.t += 5000;
    h.tick();
    expect(h.runner.nowMs).toBe(at);
    expect(states(h.posted).at(-1)).toBe('stopped');
  });

  it('answers a table query with what the director showed at the last sample at or before that time', () => {
    const h = harness(5000, 1);
    h.driver.handle({ kind: 'start', scenario: {} as never, options: OPTIONS, pace: Infinity });
    h.tick();
    h.driver.handle({ kind: 'table', id: 7, t: 2500 });
    const answer = h.posted.at(-1);
    expect(answer?.kind === 'table' && answer.snapshot?.t).toBe(2000);
    expect(answer?.kind === 'table' && answer.snapshot?.services).toBe('services at 2000\n');
    const conns = answer?.kind === 'table' ? answer.snapshot?.conns : null;
    expect(conns?.entries).toBe(50);
    expect(conns?.head.split('\n')).toHaveLength(42);
  });

  it('skips the connection table while formatting it would cost over a tenth of the run', () => {
    // Each table costs 0.5 ms of the fake clock and each sample interval 1 ms: about one sample in five gets one.
    const h = harness(100_000, 0.001);
    h.driver.handle({ kind: 'start', scenario: {} as never, options: OPTIONS, pace: Infinity });
    h.tick();
    const taken = [];
    for (let t = 1000; t <= 100_000; t += 1000) {
      h.driver.handle({ kind: 'table', id: t, t });
      const a = h.posted.at(-1);
      if (a?.kind === 'table' && a.snapshot?.conns?.t === t) taken.push(t);
    }
    expect(taken.length).toBeGreaterThan(5);
    expect(taken.length).toBeLessThan(40);
  });

  it('passes on why a change could not be made', () => {
    const h = harness(60_000, 0.001);
    h.driver.handle({ kind: 'start', scenario: {} as never, options: OPTIONS, pace: 1 });
    h.driver.handle({ kind: 'change', change: { kind: 'weight', server: 'RS1', weight: -1 } });
    expect(h.posted.at(-1)).toEqual({ kind: 'changed', change: { kind: 'weight', server: 'RS1', weight: -1 }, t: 0, problem: 'bad weight' });
  });

  it('reports a run that cannot start as failed, with the reason', () => {
    const posted: FromWorker[] = [];
    const driver = createDriver(() => { throw new Error('this scenario has no director'); }, { post: (m) => posted.push(m), clock: () => 0, later: () => {} });
    driver.handle({ kind: 'start', scenario: {} as never, options: OPTIONS, pace: 1 });
    expect(posted).toEqual([{ kind: 'state', state: 'failed', progress: { now: 0, requests: 0, frames: 0, busyMs: 0, simMs: 0 }, error: 'this scenario has no director' }]);
  });
});
