/** AddrMap answers exactly as a Map keyed by the address would, for any 32-bit address. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AddrMap } from './addr-map';

describe('AddrMap', () => {
  it('matches a Map over any sequence of sets, gets and clears', () => {
    // Addresses from the whole range, 0.0.0.0 and 255.255.255.255 (which is -1 as an int32) included.
    const addr = fc.oneof(fc.constantFrom(0, 0xffffffff, 0x7fffffff, 0x80000000), fc.integer({ min: 0, max: 0xffffffff }));
    const op = fc.tuple(fc.constantFrom('set', 'get', 'get', 'clear'), fc.nat(49));
    fc.assert(fc.property(fc.uniqueArray(addr, { minLength: 50, maxLength: 50 }), fc.array(op, { minLength: 100, maxLength: 400 }), (pool, ops) => {
      const m = new AddrMap<number | null>();
      const model = new Map<number, number | null>();
      ops.forEach(([kind, ki], i) => {
        const a = pool[ki] as number;
        if (kind === 'set') {
          // null is a value like any other (the route cache keeps "no route" as null).
          const v = i % 7 === 0 ? null : i;
          m.set(a, v);
          model.set(a, v);
        } else if (kind === 'clear') {
          if (i % 5 !== 0) return;
          m.clear();
          model.clear();
        } else {
          expect(m.get(a)).toBe(model.get(a));
          expect(m.has(a)).toBe(model.has(a));
        }
        expect(m.size).toBe(model.size);
      });
      for (const a of pool) expect(m.get(a)).toBe(model.get(a));
    }), { numRuns: 300 });
  });

  it('keeps 1,000 consecutive client addresses through growth', () => {
    const m = new AddrMap<string>();
    const base = 0xc6120000; // 198.18.0.0: above 2^31, a heap number in V8
    for (let i = 0; i < 1000; i++) m.set(base + i, `c${i}`);
    expect(m.size).toBe(1000);
    for (let i = 0; i < 1000; i++) expect(m.get(base + i)).toBe(`c${i}`);
    expect(m.get(base + 1000)).toBeUndefined();
    expect(m.get((base + 5) | 0)).toBe('c5');
  });
});
