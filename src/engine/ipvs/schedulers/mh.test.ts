import { describe, expect, it } from 'vitest';
import { ipv4FromU32 } from '../../addr/ipv4';
import type { DestState } from '../types';
import { createMh, mh, mhHash, mhLookupTable, mhTableSize } from './mh';
import { connect, makeLab, RS1_3, RS1_3_W321, type Lab } from './sim-harness';

/** The scheduler's own lookup table (svc.schedData). */
function table(lab: Lab): (DestState | null)[] {
  return [...(lab.svc.schedData as { lookup: (DestState | null)[] }).lookup];
}

function counts(lab: Lab, t: readonly (DestState | null)[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of t) {
    const n = lab.nameOf(d) ?? 'null';
    out[n] = (out[n] ?? 0) + 1;
  }
  return out;
}

const CLIENTS = Array.from({ length: 300 }, (_, i) => ipv4FromU32(0x0a000000 + i * 104729));

describe('mh', () => {
  it('uses a 4093-slot table for the default CONFIG_IP_VS_MH_TAB_INDEX=12, 251 for index 8', () => {
    expect([mhTableSize(), mhTableSize(8), mhTableSize(17)]).toEqual([4093, 251, 131071]);
  });

  it('fills every slot, one turn each in list order: 1365/1364/1364 for three equal servers', () => {
    const lab = makeLab(mh, RS1_3);
    expect(counts(lab, table(lab))).toEqual({ RS3: 1365, RS2: 1364, RS1: 1364 });
  });

  it('gives weights 3,2,1 turns of 3,2,1 slots per round: 2046/1364/683', () => {
    // rounds of 6 slots (RS3 1, RS2 2, RS1 3): 682 rounds = 4092, the last slot to RS3.
    const lab = makeLab(mh, RS1_3_W321);
    expect(counts(lab, table(lab))).toEqual({ RS3: 683, RS2: 1364, RS1: 2046 });
  });

  it('shifts big weights down to 6 significant bits (65535 → 63 turns, 1 → 1)', () => {
    // list RS2(1), RS1(65535): rounds of 64; 63 rounds = 4032, then RS2 1 + RS1 60.
    const lab = makeLab(mh, [
      { name: 'RS1', addr: '10.10.10.12', weight: 65535 },
      { name: 'RS2', addr: '10.10.10.13', weight: 1 },
    ]);
    expect(counts(lab, table(lab))).toEqual({ RS2: 64, RS1: 4029 });
  });

  it("puts each server's first slot at its own offset, hsiphash(port + addr) % 4093", () => {
    const lab = makeLab(mh, RS1_3);
    const t = table(lab);
    const first = lab.svc.dests[0] ?? expect.unreachable(); // the first to claim a slot
    expect(t[mhHash(first.config.addr, first.config.port, 'hash1') % 4093]).toBe(first);
  });

  it('looks clients up at hsiphash(caddr) % 4093, deterministically', () => {
    const lab = makeLab(mh, RS1_3);
    const t = table(lab);
    const got = CLIENTS.map((caddr) => connect(lab, 'close', { caddr }));
    expect(got).toEqual(CLIENTS.map((c) => lab.nameOf(t[mhHash(c, 0, 'hash1') % 4093] ?? null)));
    expect(CLIENTS.map((caddr) => connect(lab, 'open', { caddr, cport: 5555 }))).toEqual(got);
  });

  it('with mh-port hashes port + address', () => {
    const lab = makeLab(mh, RS1_3, { schedFlags: ['mh-port'] });
    const t = table(lab);
    const c = CLIENTS[0] ?? expect.unreachable();
    expect(connect(lab, 'open', { caddr: c, cport: 40000 })).toBe(lab.nameOf(t[mhHash(c, 40000, 'hash1') % 4093] ?? null));
  });

  it('keeps a quiesced server in the table (last_weight) and gives its clients no destination', () => {
    const lab = makeLab(mh, RS1_3);
    const before = table(lab);
    lab.setWeight('RS2', 0);
    expect(table(lab)).toEqual(before);
    // Built from current weights instead, RS2 would lose its slots:
    expect(counts(lab, mhLookupTable(lab.svc.dests, (d) => d.config.weight))).toEqual({ RS3: 2047, RS1: 2046 });
    const rs2Clients = CLIENTS.filter((c) => before[mhHash(c, 0, 'hash1') % 4093] === lab.rs.RS2);
    expect(rs2Clients.length).toBeGreaterThan(0);
    expect(rs2Clients.map((caddr) => connect(lab, 'open', { caddr }))).toEqual(rs2Clients.map(() => null));
  });

  it('with mh-fallback sends a quiesced server\'s clients to another server', () => {
    const lab = makeLab(mh, RS1_3, { schedFlags: ['mh-fallback'] });
    const before = table(lab);
    lab.setWeight('RS2', 0);
    const rs2Clients = CLIENTS.filter((c) => before[mhHash(c, 0, 'hash1') % 4093] === lab.rs.RS2);
    const got = rs2Clients.map((caddr) => connect(lab, 'open', { caddr }));
    expect(got.every((n) => n === 'RS1' || n === 'RS3')).toBe(true);
  });

  it('gives a server added with weight 0 no slots at all', () => {
    const lab = makeLab(mh, RS1_3);
    lab.add({ name: 'RS4', addr: '10.10.10.15', weight: 0 });
    expect(counts(lab, table(lab))).toEqual({ RS3: 1365, RS2: 1364, RS1: 1364 });
  });

  it('builds a 251-slot table with CONFIG_IP_VS_MH_TAB_INDEX=8: 84/84/83', () => {
    const lab = makeLab(createMh({ tabIndex: 8 }), RS1_3);
    expect(counts(lab, table(lab))).toEqual({ RS3: 84, RS2: 84, RS1: 83 });
  });

  it('gives no destination with no servers', () => {
    const lab = makeLab(mh, []);
    expect(connect(lab, 'open')).toBe(null);
  });
});
