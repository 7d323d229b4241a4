/**
 * Load runs on the real engine: seeded (same options, same samples, however sliced), counted
 * as the director's own `ipvsadm -L -n --stats` counts, and reacting to failed, quiesced and
 * removed real servers as IPVS does (weight 0 or removal: no new connections to that server).
 */
import { describe, expect, it } from 'vitest';
import { getPreset } from '../scenarios';
import { startLoadRun } from './load-run';
import type { LoadOptions, LoadRun, LoadSample } from './types';

const natLab = getPreset('nat-lab')!;

function run(o: LoadOptions): LoadRun {
  const r = startLoadRun(natLab, o);
  if (!r.ok) throw new Error(r.message);
  return r.run;
}

const TIMED = { clients: 50, ratePerS: 200, scheduler: 'wlc', sampleMs: 500 } as const;
const BASE: LoadOptions = { ...TIMED, requests: 600 };

/** The statistics line of one real server (or the service) in `ipvsadm -L -n --stats`. */
function statsLine(r: LoadRun, addr: string): number[] {
  const out = r.ipvsadm(['-L', '-n', '--stats']);
  if (!out.ok) throw new Error(out.stderr);
  const line = out.stdout.split('\n').find((l) => l.includes(`${addr}:80 `)) as string;
  return line.trim().split(/\s+/).slice(-5).map(Number);
}

describe('startLoadRun', () => {
  it('gives the same series for the same seed, however the run is sliced, and another for another seed', () => {
    const whole = run({ ...BASE, seed: 3 }).advance(Infinity);
    const sliced: LoadSample[] = [];
    const r = run({ ...BASE, seed: 3 });
    while (!r.done) sliced.push(...r.advance(r.nowMs + 137));
    expect(sliced).toEqual(whole);
    expect(run({ ...BASE, seed: 4 }).advance(Infinity)).not.toEqual(whole);
  });

  it('gives the head of ipvsadm -L -n -c as that output cut after the asked lines, and its entry count', () => {
    const r = run({ ...BASE, seed: 5 });
    let checked = 0;
    while (!r.done) {
      r.advance(r.nowMs + 700);
      const full = r.ipvsadm(['-L', '-n', '-c']);
      if (!full.ok) throw new Error(full.stderr);
      const lines = full.stdout.split('\n').slice(0, -1);
      for (const n of [0, 3, 40]) expect(r.connTableHead(n)).toEqual({ head: lines.slice(0, n + 2).join('\n'), entries: lines.length - 2 });
      if (lines.length > 5) checked++;
    }
    // Tables longer than the shortest head were compared, not only empty ones.
    expect(checked).toBeGreaterThan(0);
  });

  it('serves every request and counts what ipvsadm -L -n --stats shows at the end', () => {
    const r = run(BASE);
    const series = r.advance(Infinity);
    const t = r.totals();
    expect(t).toMatchObject({ requests: 600, ok: 600, failed: 0 });
    expect(statsLine(r, '20.20.20.11')).toEqual([t.director.conns, t.director.inPackets, t.director.outPackets, t.director.inBytes, t.director.outBytes]);
    expect(statsLine(r, '10.10.10.12')[0]).toBe(t.servers.RS1?.conns);
    expect(statsLine(r, '10.10.10.13')[0]).toBe(t.servers.RS2?.conns);
    // The samples' counts since the previous sample add up to the totals.
    const sum = (f: (s: LoadSample) => number): number => series.reduce((a, s) => a + f(s), 0);
    expect(sum((s) => s.requests.ok)).toBe(600);
    expect(sum((s) => s.director.inPackets)).toBe(t.director.inPackets);
    expect(sum((s) => s.servers.RS1?.conns ?? 0)).toBe(t.servers.RS1?.conns);
  });

  it('samples every sampleMs, with ActiveConn/InActConn as ipvsadm -L -n shows them then', () => {
    const r = run({ ...TIMED, durationMs: 3000 });
    const first = r.advance(1000);
    expect(first.map((s) => s.t)).toEqual([500, 1000]);
    const list = r.ipvsadm(['-L', '-n']);
    if (!list.ok) throw new Error(list.stderr);
    const row = list.stdout.split('\n').find((l) => l.includes('10.10.10.12:80')) as string;
    const [active, inactive] = row.trim().split(/\s+/).slice(-2).map(Number);
    expect(first[1]?.servers.RS1).toMatchObject({ active, inactive });
  });

  it('sends nothing new to a failed server once the health checker sets its weight to 0, and brings it back after it is restored', () => {
    const r = run({
      ...TIMED, durationMs: 26_000, sampleMs: 1000, health: { intervalS: 1, fails: 2, rises: 2, action: 'weight-0' },
      changes: [{ atMs: 5000, change: { kind: 'fail', server: 'RS1' } }, { atMs: 18_000, change: { kind: 'restore', server: 'RS1' } }],
    });
    const s = r.advance(Infinity);
    const at = (t: number): LoadSample => s.find((x) => x.t === t) as LoadSample;
    expect(at(4000).servers.RS1?.weight).toBe(1);
    // Checks at 6 s and 7 s fail (the cable went at 5 s): weight 0 from 7 s on.
    expect(at(8000).servers.RS1).toMatchObject({ weight: 0, up: false });
    expect(s.filter((x) => x.t >= 9000 && x.t <= 18_000).every((x) => x.servers.RS1?.conns === 0)).toBe(true);
    // Back after the checks at 19 s and 20 s: weight 1 again, and new connections.
    expect(at(21_000).servers.RS1?.weight).toBe(1);
    expect(s.filter((x) => x.t >= 22_000).some((x) => (x.servers.RS1?.conns ?? 0) > 0)).toBe(true);
    // The connections sent to RS1 between 5 s and 7 s were not answered within the clients' 10 s.
    expect(r.totals().disrupted.lost).toBeGreaterThan(0);
    expect(r.totals().failed).toBe(r.totals().disrupted.lost);
  });

  it('keeps a connection whose SYN retransmission reaches the server once it is back', () => {
    const r = run({ ...TIMED, durationMs: 14_000, changes: [{ atMs: 5000, change: { kind: 'fail', server: 'RS1' } }, { atMs: 8000, change: { kind: 'restore', server: 'RS1' } }] });
    r.advance(Infinity);
    expect(r.totals()).toMatchObject({ failed: 0, disrupted: { lost: 0, reset: 0 } });
    expect(r.totals().disrupted.kept).toBeGreaterThan(0);
  });

  it('removes the failed server from the list with action remove, and adds it back', () => {
    const r = run({
      ...TIMED, durationMs: 12_000, sampleMs: 1000, health: { intervalS: 1, fails: 1, rises: 1, action: 'remove' },
      changes: [{ atMs: 3000, change: { kind: 'fail', server: 'RS2' } }, { atMs: 8000, change: { kind: 'restore', server: 'RS2' } }],
    });
    const s = r.advance(Infinity);
    expect(s.find((x) => x.t === 5000)?.servers.RS2).toBeUndefined();
    expect(s.find((x) => x.t === 10_000)?.servers.RS2?.weight).toBe(1);
  });

  it('keeps the connections of a server set to weight 0 by hand, and gives it no new ones', () => {
    const r = run({ ...TIMED, durationMs: 6000, keepAliveMs: 3000, changes: [{ atMs: 2000, change: { kind: 'weight', server: 'RS1', weight: 0 } }] });
    const s = r.advance(Infinity);
    expect(s.filter((x) => x.t > 2000).map((x) => x.servers.RS1?.conns)).toEqual(s.filter((x) => x.t > 2000).map(() => 0));
    const t = r.totals();
    expect(t.disrupted.kept).toBeGreaterThan(0);
    expect(t.disrupted.reset + t.disrupted.lost).toBe(0);
    expect(t.failed).toBe(0);
  });

  it('refuses what it cannot run, naming the option', () => {
    expect(startLoadRun(natLab, { clients: 0, requests: 1 })).toMatchObject({ ok: false, message: expect.stringMatching(/^clients: expected a whole number from 1 to 1000/) });
    expect(startLoadRun(natLab, { clients: 1, requests: 1, weights: { RS9: 1 } })).toMatchObject({ ok: false, message: expect.stringMatching(/^weights: RS9/) });
    expect(startLoadRun(getPreset('lan-arp')!, { clients: 1, requests: 1 })).toMatchObject({ ok: false, message: expect.stringMatching(/no director/) });
    const r = run(BASE);
    expect(r.apply({ kind: 'fail', server: 'C' })).toMatch(/^fail: C is not a real server/);
  });
});
