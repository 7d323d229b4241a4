import { describe, expect, it } from 'vitest';
import { ip, ipv4FromU32, type Ipv4 } from '../../addr/ipv4';
import { LBL_MAX_SIZE, lblOverloaded, newLblTable, runLblTimers, type LblEntry, type LblTable } from './lbl-table';
import { makeDest } from './sim-harness';

const MIN = 60_000;

function put(tbl: LblTable<LblEntry>, addr: Ipv4, lastuse: number): void {
  tbl.entries.set(addr, { addr, lastuse });
  tbl.count++;
}

/** An oracle apart from the implementation: exact big-integer hash_32(addr, 10). */
const bucket10 = (addr: number): number => Number(((BigInt(addr) * 0x61c88647n) & 0xffffffffn) >> 22n);

describe('lbl-table', () => {
  it('runs a full expiration check on the 30th timer run, at minute 30, then every 30 minutes', () => {
    const tbl = newLblTable<LblEntry>();
    put(tbl, ip('10.0.0.1'), 0);
    runLblTimers(tbl, 29 * MIN, 1);
    expect(tbl.entries.size).toBe(1);
    runLblTimers(tbl, 30 * MIN, 1);
    expect(tbl.entries.size).toBe(0);
    put(tbl, ip('10.0.0.2'), 30 * MIN);
    runLblTimers(tbl, 59 * MIN, 1);
    expect(tbl.entries.size).toBe(1);
    runLblTimers(tbl, 60 * MIN, 1);
    expect(tbl.entries.size).toBe(0);
  });

  it('keeps an entry used exactly `expiration` before a check only if strictly younger', () => {
    const tbl = newLblTable<LblEntry>();
    put(tbl, ip('10.0.0.1'), 30 * MIN - 1000);
    put(tbl, ip('10.0.0.2'), 30 * MIN - 999);
    runLblTimers(tbl, 30 * MIN, 1000);
    expect([...tbl.entries.keys()]).toEqual([ip('10.0.0.2')]);
  });

  it('above max_size frees whole buckets of 6-minute-idle entries from the rover until the goal is met', () => {
    const tbl = newLblTable<LblEntry>();
    const addrs = Array.from({ length: LBL_MAX_SIZE + 3 }, (_, i) => ipv4FromU32(0x0b000000 + i));
    for (const a of addrs) put(tbl, a, 0);
    // goal = (3 * 4) / 3 = 4. Minutes 1-5: nothing idle for 6 min yet, a full lap, rover back at 0.
    runLblTimers(tbl, 5 * MIN, 24 * 60 * MIN);
    expect([tbl.entries.size, tbl.rover]).toEqual([addrs.length, 0]);
    // Minute 6: buckets 1, 2, … are emptied until 4 or more entries are gone.
    let k = 0;
    let freed = 0;
    while (freed < 4) {
      k++;
      freed += addrs.filter((a) => bucket10(a) === k).length;
    }
    runLblTimers(tbl, 6 * MIN, 24 * 60 * MIN);
    expect(tbl.rover).toBe(k);
    expect(tbl.count).toBe(addrs.length - freed);
    expect([...tbl.entries.keys()]).toEqual(addrs.filter((a) => bucket10(a) < 1 || bucket10(a) > k));
  });
});

describe('lblOverloaded', () => {
  it('is true only when activeconns > weight and some server has activeconns * 2 < weight', () => {
    const a = makeDest({ name: 'A', addr: '10.0.0.1', weight: 2 });
    const b = makeDest({ name: 'B', addr: '10.0.0.2', weight: 3 });
    a.activeConns = 3;
    b.activeConns = 1; // 2 < 3
    expect(lblOverloaded(a, [a, b])).toBe(true);
    b.activeConns = 2; // 4 < 3 is false
    expect(lblOverloaded(a, [a, b])).toBe(false);
    a.activeConns = 2; // not above its weight
    b.activeConns = 0;
    expect(lblOverloaded(a, [a, b])).toBe(false);
  });
});
