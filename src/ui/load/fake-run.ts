/** A stand-in for the engine's load run in the worker's tests: time and cost as the test says. */
import type { LoadChange } from '../../engine';
import type { LoadRunnerPort } from './driver';
import type { LoadPoint } from './series';

/** A run of `endMs` simulated ms where each simulated ms costs `wallPerMs` of the fake clock. */
export function fakeRunner(clock: { t: number }, endMs: number, wallPerMs: number) {
  const applied: Array<{ change: LoadChange; t: number }> = [];
  const r: LoadRunnerPort & { applied: typeof applied; nowMs: number; hops: number } = {
    nowMs: 0, hops: 0, applied,
    get done() { return this.nowMs >= endMs; },
    advance(t) {
      const to = Math.min(t, endMs);
      clock.t += (to - this.nowMs) * wallPerMs;
      this.hops += (to - this.nowMs) * 10;
      this.nowMs = to;
      const point: LoadPoint = {
        t: to, servers: {}, director: { inPackets: 0, outPackets: 0, inBytes: 0, outBytes: 0 },
        requests: { started: 3, ok: 3, failed: 0 }, disrupted: { kept: 0, reset: 0, lost: 0 },
      };
      return [point];
    },
    apply(change) {
      if (change.kind === 'weight' && change.weight < 0) return 'bad weight';
      applied.push({ change, t: this.nowMs });
      return undefined;
    },
    ipvsadm() {
      return { ok: true, stdout: `services at ${this.nowMs}\n`, stderr: '', exitCode: 0 };
    },
    connTableHead(lines) {
      // A connection table of 50 entries: the snapshot keeps its header and first `lines`.
      clock.t += 0.5;
      return { head: ['IPVS connection entries', 'pro expire state', ...Array.from({ length: Math.min(50, lines) }, (_, i) => `TCP ${i}`)].join('\n'), entries: 50 };
    },
  };
  return r;
}

