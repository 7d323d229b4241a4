import { describe, expect, it } from 'vitest';
import { ip } from '../../addr/ipv4';
import { hash32, schedFlag1, schedFlag2 } from './hash';
import type { ServiceConfig } from '../types';

// hash_32(v, bits) = (v * 0x61C88647 mod 2^32) >> (32 - bits). The low 32 bits of each
// product below were worked out apart from this code (exact big-integer multiplication):
//   0x14141416 * 0x61C88647 → 0x1B45161A: 8 bits 0x1B = 27, 10 bits 0x06D = 109
//   0x0A0A0AF0 * 0x61C88647 → 0x8602A890: 8 bits 0x86 = 134
//   0x0A0A0A02 * 0x61C88647 → 0x9D95D28E: 8 bits 0x9D = 157
//   0x1414140B * 0x61C88647 → 0xE7A7510D: 8 bits 0xE7 = 231
//   0x0A0A0A64 * 0x61C88647 → 0x0C5939BC: 8 bits 0x0C = 12
const CASES: readonly [string, number, number][] = [
  ['20.20.20.22', 8, 27],
  ['20.20.20.22', 10, 109],
  ['10.10.10.240', 8, 134],
  ['10.10.10.2', 8, 157],
  ['20.20.20.11', 8, 231],
  ['10.10.10.100', 8, 12],
];

const cfg = (schedFlags: string[]): ServiceConfig => ({
  proto: 'tcp', vip: ip('20.20.20.11'), port: 80, fwmark: 0, scheduler: 'sh', schedFlags,
});

describe('hash32', () => {
  it.each(CASES)('hash_32(ntohl(%s), %i) is %i', (addr, bits, want) => {
    expect(hash32(ip(addr), bits)).toBe(want);
  });

  it('wraps the sum port + addr at 32 bits before hashing, as a u32 add does', () => {
    expect(hash32(0xffffffff + 2, 8)).toBe(hash32(1, 8));
  });

  it('reads sh-fallback, mh-fallback and flag-1 as the same bit, and the port flags as the other', () => {
    expect([schedFlag1(cfg(['sh-fallback'])), schedFlag1(cfg(['mh-fallback'])), schedFlag1(cfg(['flag-1']))]).toEqual([true, true, true]);
    expect([schedFlag2(cfg(['sh-port'])), schedFlag2(cfg(['mh-port'])), schedFlag2(cfg(['flag-2']))]).toEqual([true, true, true]);
    expect([schedFlag1(cfg(['sh-port'])), schedFlag2(cfg(['sh-fallback']))]).toEqual([false, false]);
  });
});
