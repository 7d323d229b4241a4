import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { problemAt } from '../engine';
import { formatLinkProblem } from './link-problems';
import { applyPatch, deepEqual, diff, orderKeysLike, type PatchOp } from './patch';

const BEFORE = { id: 'nat-lab', hosts: [{ id: 'C' }, { id: 'D', w: 1 }, { id: 'RS1' }], sysctl: { 'a/b': 1, 'x~y': 2, 'net.ipv4.ip_forward': 1, 'net.ipv4.conf.all.arp_ignore': 1 } };

/** JSON values without the one key a patch refuses to touch. */
const hasProtoKey = (x: unknown): boolean =>
  typeof x === 'object' && x !== null && (Object.hasOwn(x, '__proto__') || Object.values(x).some(hasProtoKey));
const json = fc.jsonValue({ maxDepth: 4 }).filter((x) => !hasProtoKey(x));

describe('diff', () => {
  it('is empty for equal values', () => {
    expect(diff(BEFORE, structuredClone(BEFORE))).toEqual([]);
  });

  it('changes one field where one field changed, escaping "/" and "~" in keys', () => {
    const after = structuredClone(BEFORE);
    after.hosts[1] = { id: 'D', w: 5 };
    after.sysctl['a/b'] = 0;
    after.sysctl['x~y'] = 0;
    expect(diff(BEFORE, after)).toEqual([['r', '/hosts/1/w', 5], ['r', '/sysctl/a~1b', 0], ['r', '/sysctl/x~0y', 0]]);
  });

  it('inserts and removes array items in the middle without touching the rest', () => {
    const grown = { ...BEFORE, hosts: [{ id: 'C' }, { id: 'N' }, { id: 'D', w: 1 }, { id: 'RS1' }] };
    expect(diff(BEFORE, grown)).toEqual([['a', '/hosts/1', { id: 'N' }]]);
    const shrunk = { ...BEFORE, hosts: [{ id: 'C' }, { id: 'RS1' }] };
    expect(diff(BEFORE, shrunk)).toEqual([['d', '/hosts/1']]);
  });

  it('replaces a whole value when that is shorter than the changes inside it', () => {
    expect(diff({ a: [1, 2, 3] }, { a: [4, 5, 6] })).toEqual([['r', '/a', [4, 5, 6]]]);
    expect(diff([1], 'x')).toEqual([['r', '', 'x']]);
  });
});

describe('applyPatch', () => {
  it('turns a into b with the ops diff(a, b) gives, for any JSON', () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        const r = applyPatch(structuredClone(a), diff(a, b));
        return r.ok && deepEqual(r.value, b);
      }),
      { numRuns: 500 },
    );
  });

  it('names the op that does not apply and why', () => {
    const bad: Array<[PatchOp, string]> = [
      [['r', '/hosts/7/id', 'X'], 'change 0: no "7" on the way to /hosts/7/id'],
      [['d', '/hosts/3'], 'change 0: /hosts/3: no element 3 (the array has 3)'],
      [['r', '/nope', 1], 'change 0: /nope: no key "nope"'],
      [['a', '/hosts/01', {}], 'change 0: /hosts/01: no element 01 (the array has 3)'],
      [['a', '/id/x', 1], 'change 0: /id/x: the parent is not an object or array'],
      [['r', 'hosts', 1], 'change 0: path "hosts" must be empty or start with "/"'],
      [['r', '/a~2b', 1], 'change 0: path "/a~2b" has a "~" that is not ~0 or ~1'],
      [['a', '/__proto__/polluted', 1], 'change 0: path "/__proto__/polluted" names __proto__'],
      [['d', ''], 'change 0: cannot delete the whole document'],
    ];
    for (const [op, message] of bad) {
      const r = applyPatch(structuredClone(BEFORE), [op]);
      expect(r.ok ? 'applied' : formatLinkProblem(problemAt(null, r.error))).toBe(message);
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('copies inserted values, so the ops can be applied again', () => {
    const ops: PatchOp[] = [['a', '/extra', { n: 1 }]];
    const first = applyPatch(structuredClone(BEFORE), ops);
    const second = applyPatch(structuredClone(BEFORE), ops);
    expect(first.ok && second.ok && (first.value as { extra: object }).extra !== (second.value as { extra: object }).extra).toBe(true);
  });
});

describe('orderKeysLike', () => {
  it('puts keys in the template order at every depth, then the value\'s own', () => {
    const out = orderKeysLike({ b: 1, a: [{ y: 1, x: 2 }], c: 3 }, { a: [{ x: 0, y: 0 }], b: 0 });
    expect(JSON.stringify(out)).toBe('{"a":[{"x":2,"y":1}],"b":1,"c":3}');
  });
});
