import { describe, expect, it } from 'vitest';
import { loadCompare } from '../../engine';
import { buildColumns, columnAt, totalSteps } from './compare-model';

const api = await loadCompare();

describe('buildColumns / columnAt', () => {
  const cols = buildColumns(api, ['nat-course', 'dr-course', 'tun-course'], 1);

  it('runs each preset with the same requests, in the order given', () => {
    expect(cols.map((c) => [c.id, c.row.requests])).toEqual([['nat-course', 1], ['dr-course', 1], ['tun-course', 1]]);
  });

  it('walks as many steps as the longest run, each run holding its last hop once it ends', () => {
    const total = totalSteps(cols);
    expect(total).toBe(Math.max(...cols.map((c) => c.hops.length)));
    const dr = cols[1]!;
    expect(columnAt(dr, total)).toMatchObject({ index: dr.hops.length, done: true, hop: dr.hops[dr.hops.length - 1] });
    expect(columnAt(dr, 0)).toMatchObject({ index: 0, done: false, hop: undefined, in: 0, out: 0 });
  });

  it('ends with the director counts IPVS kept: NAT both ways, DR and TUN inbound only', () => {
    const end = cols.map((c) => columnAt(c, totalSteps(cols)));
    expect(end.map((e) => [e.in, e.out])).toEqual(cols.map((c) => [c.row.director.in_packets, c.row.director.out_packets]));
    expect(end.map((e) => e.out > 0)).toEqual([true, false, false]);
  });
});
