/** The event queue: a min-heap ordered by (t, seq), so same-time events keep their scheduling order. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './queue';

const drain = <T>(q: EventQueue<T>): T[] => {
  const out: T[] = [];
  for (let e = q.pop(); e; e = q.pop()) out.push(e.item);
  return out;
};

/** An event in these tests; cancellable ones carry the slot the queue keeps for them. */
type Ev = { t: number; i: number; heapSlot: number };

describe('EventQueue', () => {
  it('is empty at first: size 0, peekTime Infinity, pop undefined', () => {
    const q = new EventQueue<string>();
    expect([q.size, q.peekTime(), q.pop()]).toEqual([0, Infinity, undefined]);
  });

  it('pops in time order whatever the push order', () => {
    const q = new EventQueue<string>();
    q.push(30, 'c');
    q.push(10, 'a');
    q.push(20, 'b');
    expect(q.peekTime()).toBe(10);
    expect(drain(q)).toEqual(['a', 'b', 'c']);
  });

  it('keeps insertion order among events at the same time', () => {
    const q = new EventQueue<string>();
    for (const x of ['first', 'second', 'third', 'fourth']) q.push(5, x);
    q.push(1, 'earlier');
    expect(drain(q)).toEqual(['earlier', 'first', 'second', 'third', 'fourth']);
  });

  it('pops any sequence of pushes sorted by (t, insertion order)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 50, maxLength: 200 }), (times) => {
      const q = new EventQueue<number>();
      times.forEach((t, i) => q.push(t, i));
      const expected = times.map((t, i) => ({ t, i })).sort((a, b) => a.t - b.t || a.i - b.i).map((x) => x.i);
      expect(drain(q)).toEqual(expected);
    }));
  });

  it('stays ordered when pushes and pops interleave, as a running simulation does', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(-1)), { minLength: 100, maxLength: 300 }), (ops) => {
      const q = new EventQueue<{ t: number; i: number }>();
      const model: Array<{ t: number; i: number }> = [];
      let now = 0;
      ops.forEach((op, i) => {
        if (op >= 0) {
          // Events are only ever scheduled at or after the current time.
          const e = { t: now + op, i };
          q.push(e.t, e);
          model.push(e);
          model.sort((a, b) => a.t - b.t || a.i - b.i);
        } else {
          const got = q.pop()?.item;
          expect(got).toEqual(model.shift());
          if (got) now = got.t;
        }
      });
      expect(q.size).toBe(model.length);
    }));
  });

  it('cancels a timer so it never pops, and every other event keeps its (t, insertion) place', () => {
    // Random lanes (pushAfter), heap events (push) and cancellable timers; some timers cancelled.
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 60 })), { minLength: 100, maxLength: 300 }), (ops) => {
      const q = new EventQueue<Ev>();
      const model: Ev[] = [];
      const timers: Ev[] = [];
      ops.forEach(([kind, d], i) => {
        const e = { t: d, i, heapSlot: -1 };
        if (kind === 0) q.pushAfter(0, d, e);
        else if (kind === 1) q.push(d, e);
        else if (kind === 2) {
          q.pushCancellable(0, d, e);
          timers.push(e);
        } else {
          const victim = timers.splice(d % Math.max(1, timers.length), 1)[0];
          if (victim) {
            expect(q.cancel(victim)).toBe(true);
            model.splice(model.indexOf(victim), 1);
          }
          return;
        }
        model.push(e);
      });
      model.sort((a, b) => a.t - b.t || a.i - b.i);
      expect(drain(q)).toEqual(model);
    }), { numRuns: 400 });
  });

  it('keeps the heap in order after cancelling from anywhere in it', () => {
    // The slot that fills the hole may have to move up: 14 leaves, 4 takes its place under 8.
    const q = new EventQueue<Ev>();
    const evs = [13, 8, 4, 14, 19, 15, 4].map((t, i) => ({ t, i, heapSlot: -1 }));
    for (const e of evs) q.pushCancellable(0, e.t, e);
    q.cancel(evs[3] as Ev);
    expect(drain(q).map((e) => e.i)).toEqual([2, 6, 1, 0, 5, 4]);
    // Small heaps with many equal times, cancelled anywhere (larger ones hide a misplaced slot).
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 14 }),
      fc.array(fc.nat(), { maxLength: 6 }),
      (times, picks) => {
        const q = new EventQueue<Ev>();
        const live = times.map((t, i) => ({ t, i, heapSlot: -1 }));
        for (const e of live) q.pushCancellable(0, e.t, e);
        for (const p of picks) {
          if (live.length === 0) break;
          const [victim] = live.splice(p % live.length, 1);
          q.cancel(victim as Ev);
        }
        live.sort((a, b) => a.t - b.t || a.i - b.i);
        expect(drain(q)).toEqual(live);
      },
    ), { numRuns: 2000 });
  });

  it('says so when asked to cancel what it does not hold', () => {
    const q = new EventQueue<Ev>();
    const rto = { t: 5, i: 0, heapSlot: -1 };
    q.pushCancellable(0, 5, rto);
    expect(q.cancel({ t: 5, i: 1, heapSlot: -1 })).toBe(false);
    // Another item claiming rto's slot is not rto.
    expect(q.cancel({ t: 5, i: 1, heapSlot: 0 })).toBe(false);
    expect(q.cancel(rto)).toBe(true);
    expect(q.cancel(rto)).toBe(false);
    expect(q.size).toBe(0);
  });
});
