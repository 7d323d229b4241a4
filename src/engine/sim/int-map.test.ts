/** IntMap answers exactly as a Map would, whatever the order of sets and deletes. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntMap } from './int-map';

describe('IntMap', () => {
  it('matches a Map over any sequence of sets, deletes and gets', () => {
    // Random keys from the whole port·4 + protocol range collide (consecutive ones hardly do).
    const op = fc.tuple(fc.constantFrom('set', 'delete', 'get'), fc.nat(59));
    fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 262_143 }), { minLength: 60, maxLength: 60 }), fc.array(op, { minLength: 200, maxLength: 600 }), (pool, ops) => {
      const m = new IntMap<number>();
      const model = new Map<number, number>();
      ops.forEach(([kind, ki], i) => {
        const k = pool[ki] as number;
        if (kind === 'set') {
          m.set(k, i);
          model.set(k, i);
        } else if (kind === 'delete') {
          expect(m.delete(k)).toBe(model.delete(k));
        } else {
          expect(m.get(k)).toBe(model.get(k));
        }
        expect(m.size).toBe(model.size);
      });
      for (const k of pool) expect(m.get(k)).toBe(model.get(k));
    }), { numRuns: 300 });
  });

  it('keeps every key through growth and through deletes inside long probe runs', () => {
    // Ports of one client step by 2, times 4 with the protocol bits: a dense, regular key set.
    const m = new IntMap<string>();
    const keys = Array.from({ length: 5000 }, (_, i) => (32768 + 2 * i) * 4 + 1);
    for (const k of keys) m.set(k, `v${k}`);
    for (const k of keys.filter((_, i) => i % 3 === 0)) m.delete(k);
    keys.forEach((k, i) => expect(m.get(k)).toBe(i % 3 === 0 ? undefined : `v${k}`));
    expect(m.size).toBe(keys.length - Math.ceil(keys.length / 3));
  });
});
