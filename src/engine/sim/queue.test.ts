/** The event queue: a min-heap ordered by (t, seq), so same-time events keep their scheduling order. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './queue';

const drain = <T>(q: EventQueue<T>): T[] => {
  const out: T[] = [];
  for (let e = q.pop(); e; e = q.pop()) out.push(e.item);
  return out;
};

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
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (times) => {
      const q = new EventQueue<number>();
      times.forEach((t, i) => q.push(t, i));
      const expected = times.map((t, i) => ({ t, i })).sort((a, b) => a.t - b.t || a.i - b.i).map((x) => x.i);
      expect(drain(q)).toEqual(expected);
    }));
  });

  it('stays ordered when pushes and pops interleave, as a running simulation does', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(-1)), { maxLength: 300 }), (ops) => {
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
});
