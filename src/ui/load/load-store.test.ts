import { describe, expect, it } from 'vitest';
import { getPreset } from '../../engine';
import { createLoadStore, FLUSH_MS, type WorkerLike } from './load-store';
import type { FromWorker, ToWorker } from './protocol';
import type { LoadPoint } from './series';

interface FakeWorker extends WorkerLike {
  sent: ToWorker[];
  terminated: boolean;
  emit(m: FromWorker): void;
}

function setup() {
  const workers: FakeWorker[] = [];
  const frames: Array<() => void> = [];
  const clock = { t: 0 };
  const store = createLoadStore({
    scheduler: 'wlc',
    frame: (fn) => frames.push(fn),
    clock: () => clock.t,
    defer: (fn) => fn(),
    spawn: () => {
      const w: FakeWorker = {
        sent: [], terminated: false, onmessage: null,
        postMessage(m) { this.sent.push(m); },
        terminate() { this.terminated = true; },
        emit(m) { this.onmessage?.({ data: m }); },
      };
      workers.push(w);
      return w;
    },
  });
  const runFrames = () => frames.splice(0).forEach((f) => f());
  return { store, workers, runFrames, clock };
}

const point = (t: number): LoadPoint => ({
  t, servers: {}, director: { inPackets: 0, outPackets: 0, inBytes: 0, outBytes: 0 }, requests: { started: 1, ok: 1, failed: 0 }, disrupted: { kept: 0, reset: 0, lost: 0 },
});
const progress = { now: 1000, requests: 1, frames: 10, busyMs: 1, simMs: 1 };
const nat = getPreset('nat-lab')!;

describe('createLoadStore', () => {
  it('starts one worker per scheduler compared, each with its own scheduler and the same traffic', () => {
    const { store, workers } = setup();
    store.getState().setSettings({ compareWith: 'rr', clients: 1000 });
    store.getState().start(nat);
    expect(store.getState().lanes.map((l) => l.scheduler)).toEqual(['wlc', 'rr']);
    const starts = workers.map((w) => w.sent[0]);
    expect(starts.map((m) => m?.kind === 'start' && m.options.scheduler)).toEqual(['wlc', 'rr']);
    expect(starts.map((m) => m?.kind === 'start' && m.options.clients)).toEqual([1000, 1000]);
  });

  it('spawns the next run\'s worker ahead when prepared, warms it, and gives it the first run of the Start', () => {
    const { store, workers } = setup();
    store.getState().prepare(nat);
    store.getState().prepare(nat);
    expect(workers).toHaveLength(1);
    expect(workers[0]?.sent.map((m) => m.kind)).toEqual(['warm']);
    store.getState().setSettings({ compareWith: 'rr' });
    store.getState().start(nat);
    // The prepared worker runs the first scheduler; the second is spawned then.
    expect(workers).toHaveLength(2);
    expect(workers.map((w) => w.sent.at(-1)?.kind)).toEqual(['start', 'start']);
    expect(workers[0]?.sent[1]?.kind === 'start' && workers[0].sent[1].options.scheduler).toBe('wlc');
    // A Start after that spawns afresh; dispose ends a prepared worker nobody started.
    store.getState().prepare(nat);
    store.getState().dispose();
    expect(workers).toHaveLength(3);
    expect(workers[2]?.terminated).toBe(true);
  });

  it('shows streamed samples at the next frame, and every one of them once the run has ended', () => {
    const { store, workers, runFrames } = setup();
    store.getState().start(nat);
    const w = workers[0]!;
    w.emit({ kind: 'samples', points: [point(1000)], progress });
    w.emit({ kind: 'samples', points: [point(2000)], progress });
    expect(store.getState().lanes[0]?.points).toEqual([]);
    runFrames();
    expect(store.getState().lanes[0]?.points.map((p) => p.t)).toEqual([1000, 2000]);
    w.emit({ kind: 'samples', points: [point(3000)], progress });
    w.emit({ kind: 'state', state: 'done', progress });
    expect(store.getState().lanes[0]?.points.map((p) => p.t)).toEqual([1000, 2000, 3000]);
    expect(store.getState().lanes[0]?.state).toBe('done');
  });

  it('redraws a running run at most every FLUSH_MS of wall time, samples and progress together', () => {
    const { store, workers, runFrames, clock } = setup();
    store.getState().start(nat);
    const w = workers[0]!;
    const lanes = () => store.getState().lanes[0]!;
    w.emit({ kind: 'samples', points: [point(1000)], progress });
    // Nothing changes between frames: the progress waits for the samples' redraw.
    expect(lanes().progress.now).toBe(0);
    runFrames();
    expect([lanes().points.length, lanes().progress.now]).toEqual([1, 1000]);
    const drawn = lanes();
    w.emit({ kind: 'samples', points: [point(2000)], progress: { ...progress, now: 2000 } });
    clock.t += FLUSH_MS / 2;
    runFrames();
    expect(lanes()).toBe(drawn);
    clock.t += FLUSH_MS / 2;
    runFrames();
    expect([lanes().points.length, lanes().progress.now]).toEqual([2, 2000]);
  });

  it('sends a change to every lane, marks it where it happened, and shows a refusal instead', () => {
    const { store, workers } = setup();
    store.getState().setSettings({ compareWith: 'rr' });
    store.getState().start(nat);
    store.getState().change({ kind: 'fail', server: 'RS1' });
    expect(workers.map((w) => w.sent.at(-1))).toEqual([{ kind: 'change', change: { kind: 'fail', server: 'RS1' } }, { kind: 'change', change: { kind: 'fail', server: 'RS1' } }]);
    workers[0]!.emit({ kind: 'changed', change: { kind: 'fail', server: 'RS1' }, t: 12_000 });
    workers[1]!.emit({ kind: 'changed', change: { kind: 'weight', server: 'RS9', weight: 2 }, t: 12_000, problem: 'no real server RS9' });
    expect(store.getState().lanes.map((l) => l.changes.length)).toEqual([1, 0]);
    expect(store.getState().lanes[1]?.problem).toBe('no real server RS9');
  });

  it('asks every worker for the director at a picked time and keeps only the latest answer', () => {
    const { store, workers } = setup();
    store.getState().start(nat);
    store.getState().pick(5000);
    store.getState().pick(8000);
    const ids = workers[0]!.sent.flatMap((m) => (m.kind === 'table' ? [m.id] : []));
    expect(ids).toHaveLength(2);
    workers[0]!.emit({ kind: 'table', id: ids[0]!, snapshot: { t: 5000, services: 'old', conns: null } });
    expect(store.getState().lanes[0]?.table).toBeNull();
    workers[0]!.emit({ kind: 'table', id: ids[1]!, snapshot: { t: 8000, services: 'new', conns: null } });
    expect(store.getState().lanes[0]?.table?.services).toBe('new');
  });

  it('ends the previous run\'s workers when a new run starts, and ignores what they still send', () => {
    const { store, workers, runFrames } = setup();
    store.getState().start(nat);
    store.getState().start(nat);
    expect(workers[0]?.terminated).toBe(true);
    workers[0]!.emit({ kind: 'samples', points: [point(1000)], progress });
    runFrames();
    expect(store.getState().lanes[0]?.points).toEqual([]);
  });
});
