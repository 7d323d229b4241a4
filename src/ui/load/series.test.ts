import { describe, expect, it } from 'vitest';
import { pointAt, serverNames, shares, type LoadPoint, type ServerPoint } from './series';
import { seriesCsv } from './series-csv';

const server = (conns: number, weight: number): ServerPoint => ({
  active: 0, inactive: 0, conns, weight, inPackets: 0, outPackets: 0, inBytes: 0, outBytes: 0, up: true,
});
const point = (t: number, servers: Record<string, ServerPoint>): LoadPoint => ({
  t, servers, director: { inPackets: 10, outPackets: 9, inBytes: 600, outBytes: 540 },
  requests: { started: 2, ok: 1, failed: 0 }, disrupted: { kept: 0, reset: 0, lost: 0 },
});

const SERIES = [
  point(1000, { RS1: server(3, 1), RS2: server(1, 1) }),
  point(2000, { RS1: server(1, 1), RS2: server(3, 1), RS3: server(4, 2) }),
  point(3000, { RS2: server(2, 1), RS3: server(2, 2) }),
];

describe('serverNames', () => {
  it('lists every server of the run once, in the order they first appear', () => {
    expect(serverNames(SERIES)).toEqual(['RS1', 'RS2', 'RS3']);
  });
});

describe('shares', () => {
  it('gives each server its part of the new connections and its weight\'s part at the last sample', () => {
    const rows = shares(SERIES);
    expect(rows.map((r) => [r.server, r.conns])).toEqual([['RS1', 4], ['RS2', 6], ['RS3', 6]]);
    expect(rows.map((r) => r.share)).toEqual([4 / 16, 6 / 16, 6 / 16]);
    // RS1 was removed before the last sample: its weight no longer counts.
    expect(rows.map((r) => r.weightShare)).toEqual([0, 1 / 3, 2 / 3]);
  });
  it('counts only the samples inside the window', () => {
    expect(shares(SERIES, 2000, 2000).map((r) => r.conns)).toEqual([1, 3, 4]);
  });
});

describe('pointAt', () => {
  it('finds the last sample at or before a time, and the first one before them all', () => {
    expect(pointAt(SERIES, 2500)?.t).toBe(2000);
    expect(pointAt(SERIES, 3000)?.t).toBe(3000);
    expect(pointAt(SERIES, 0)?.t).toBe(1000);
    expect(pointAt([], 0)).toBeUndefined();
  });
});

describe('seriesCsv', () => {
  const csv = seriesCsv([{ label: 'wlc', points: SERIES }, { label: 'rr', points: SERIES.slice(0, 1) }]);
  const lines = csv.trimEnd().split('\r\n');
  it('writes a header and one row per sample of every run', () => {
    expect(lines).toHaveLength(1 + 3 + 1);
    expect(lines[0]).toMatch(/^run,t_s,RS1_active,RS1_inactive,RS1_conns,RS1_weight,RS1_inPackets,RS1_outPackets,RS1_inBytes,RS1_outBytes,RS2_active/);
    expect(lines[0]?.endsWith('director_in_packets,director_out_packets,director_in_bytes,director_out_bytes,requests_started,requests_ok,requests_failed,disrupted_kept,disrupted_reset,disrupted_lost')).toBe(true);
    expect(lines[4]?.startsWith('rr,1,')).toBe(true);
  });
  it('leaves a removed server\'s cells empty', () => {
    const header = lines[0]!.split(',');
    const last = lines[3]!.split(',');
    expect(last[header.indexOf('RS1_conns')]).toBe('');
    expect(last[header.indexOf('RS3_weight')]).toBe('2');
  });
});
