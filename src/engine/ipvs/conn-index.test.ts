import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConnIndex, endKey, portProtoKey, type IndexLinks } from './conn-index';

interface Entry extends IndexLinks<Entry> {
  readonly name: number;
}
const entry = (name: number): Entry => ({ name, nextIn: undefined, nextOut: undefined, nextTpl: undefined });

// Few values per level, so keys repeat (a lookup, then a change, then the same lookup) and
// entries shadow each other; now and then up to 12 server ends, beyond the 8 an index scans.
const key = {
  end: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 1 }), weight: 4 }, { arbitrary: fc.integer({ min: 0, max: 11 }), weight: 1 }),
  addr: fc.integer({ min: 0, max: 1 }),
  port: fc.integer({ min: 0, max: 1 }),
};
const ops = fc.array(fc.oneof(
  fc.record({ op: fc.constant('add' as const), ...key }),
  fc.record({ op: fc.constant('drop' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('get' as const), ...key }),
), { maxLength: 300 });

// A server end is a VIP or real server address (above 2^31 here) with its port.
const endAddr = (end: number): number => 0xc0a80100 + end;
const endPort = (end: number): number => 80 + (end % 3);

describe('ConnIndex', () => {
  it('answers every lookup as a list of entries per key, newest first, would', () => {
    fc.assert(fc.property(ops, (seq) => {
      const index = new ConnIndex<Entry>('nextOut');
      const model = new Map<string, Entry[]>();
      const live: Array<{ e: Entry; k: string; end: number; addr: number; pp: number }> = [];
      let n = 0;
      for (const o of seq) {
        if (o.op === 'drop') {
          if (live.length === 0) continue;
          const [d] = live.splice(o.pick % live.length, 1);
          if (!d) continue;
          index.drop(d.end, d.addr, d.pp, d.e);
          const list = model.get(d.k) ?? [];
          list.splice(list.indexOf(d.e), 1);
          continue;
        }
        const end = endKey(endAddr(o.end), endPort(o.end));
        const pp = portProtoKey(40000 + o.port, 'tcp');
        const k = `${end}/${o.addr}/${pp}`;
        if (o.op === 'add') {
          const e = entry(n++);
          index.add(end, o.addr, pp, e);
          model.set(k, [e, ...(model.get(k) ?? [])]);
          live.push({ e, k, end, addr: o.addr, pp });
        } else {
          expect(index.get(endAddr(o.end), endPort(o.end), o.addr, pp)).toBe(model.get(k)?.[0]);
        }
      }
    }));
  });

  it('answers a repeated lookup with what was added or dropped under its key since', () => {
    const index = new ConnIndex<Entry>('nextIn');
    const [a, b] = [entry(1), entry(2)];
    const end = endKey(0xc0a80101, 80);
    const pp = portProtoKey(40000, 'tcp');
    expect(index.get(0xc0a80101, 80, 9, pp)).toBeUndefined();
    index.add(end, 9, pp, a);
    expect(index.get(0xc0a80101, 80, 9, pp)).toBe(a);
    index.add(end, 9, pp, b);
    expect(index.get(0xc0a80101, 80, 9, pp)).toBe(b);
    index.drop(end, 9, pp, b);
    expect(index.get(0xc0a80101, 80, 9, pp)).toBe(a);
    index.drop(end, 9, pp, a);
    expect(index.get(0xc0a80101, 80, 9, pp)).toBeUndefined();
  });

  it('keeps its link in the field it was given and clears it when the entry goes', () => {
    const index = new ConnIndex<Entry>('nextTpl');
    const [a, b] = [entry(1), entry(2)];
    const end = endKey(0x0b0c0d0e, 80);
    index.add(end, 7, portProtoKey(0, 'ip'), a);
    index.add(end, 7, portProtoKey(0, 'ip'), b);
    expect([b.nextTpl, b.nextIn, b.nextOut]).toEqual([a, undefined, undefined]);
    index.drop(end, 7, portProtoKey(0, 'ip'), b);
    expect(b.nextTpl).toBeUndefined();
    expect(index.get(0x0b0c0d0e, 80, 7, portProtoKey(0, 'ip'))).toBe(a);
  });
});
