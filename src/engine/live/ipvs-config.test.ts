/**
 * ipvsadm on a running director, as the kernel behaves while connections exist (dr-lab:
 * C 10.10.10.240, D with the VIP 10.10.10.100, RS1 .12 and RS2 .13, rr). Figures checked
 * against the oracle lab ipvsadm-live (src/shell/fixtures/oracle/results/ipvsadm-live).
 */
import { describe, expect, it } from 'vitest';
import { ip } from '../addr/ipv4';
import { httpClient } from '../host/apps/http-client';
import { readIpvsadm } from '../ipvs/ipvsadm/request';
import type { IpvsDirector } from '../ipvs/ipvs-director';
import { getPreset } from '../scenarios';
import { validateScenario } from '../scenario/validate';
import type { Scenario } from '../scenario/types';
import { applyRule, ipvsOf, setIpvsTimeouts, zeroCounters } from './ipvs-config';
import { LiveWorld } from './live-world';

/** One `curl http://10.10.10.100/` from C, run until its frames have all arrived. */
function curl(live: LiveWorld): void {
  const host = live.host('C');
  if (!host) throw new Error('no C');
  const app = httpClient({ dst: ip('10.10.10.100'), dport: 80, requests: 1, startMs: 0, gapMs: 0, holdMs: 0 });
  host.apps.push(app);
  app.start(live.world, host);
  live.runUntil(live.now + 10_000, () => live.world.activeClients === 0 && live.world.inflight === 0);
}

function world(requests = 0): { live: LiveWorld; d: IpvsDirector } {
  const s = getPreset('dr-lab') as Scenario;
  const spec = structuredClone(s);
  for (const h of spec.hosts) for (const a of h.apps ?? []) if (a.kind === 'http-client') a.requests = requests;
  const live = new LiveWorld(spec);
  const host = live.host('D');
  const d = host ? ipvsOf(live, host, false) : undefined;
  if (!d) throw new Error('no director');
  return { live, d };
}

/** `ipvsadm <line>` on D: a change, or a view's output. */
function ipvsadm(live: LiveWorld, d: IpvsDirector, line: string): string {
  const argv = line.split(' ');
  const req = readIpvsadm(argv);
  const host = live.host('D');
  if ('ok' in req || !host) throw new Error(`bad line ${line}`);
  if (req.kind === 'view') {
    const r = d.runIpvsadm(live.world, argv);
    return r.ok ? r.stdout : r.stderr;
  }
  if (req.kind === 'rule') {
    const r = applyRule(live, host, req.rule);
    return r.ok ? '' : r.error.message;
  }
  if (req.kind === 'zero') {
    const r = zeroCounters(live, host, req.service);
    return r.ok ? '' : r.error.message;
  }
  if (req.kind === 'set-timeouts') setIpvsTimeouts(live, host, req);
  return '';
}

/** The -Lnc entries as "state dest", without timers and client ports. */
const entries = (out: string): string[] =>
  out.split('\n').slice(2).filter((l) => l !== '').map((l) => {
    const f = l.split(/ +/);
    return `${f[2]} ${f[3]?.replace(/:\d+$/, (p) => (p === ':0' ? ':0' : ''))} ${f[5]}`;
  });

/** The service line's five counters of -Ln --stats / --rate. */
const serviceFigures = (out: string): number[] =>
  (out.split('\n')[3] ?? '').trim().split(/ +/).slice(2).map(Number);

describe('ipvsadm on a live director', () => {
  it('lists a DR director\'s entries in FIN_WAIT, their timers counting down with simulated time', () => {
    const { live, d } = world(2);
    const first = ipvsadm(live, d, '-Lnc');
    expect(entries(first)).toEqual(['FIN_WAIT 10.10.10.240 10.10.10.13:80', 'FIN_WAIT 10.10.10.240 10.10.10.12:80']);
    const timer = (out: string): number => {
      const [m, s] = (out.split('\n')[2] ?? '').split(/ +/)[1]?.split(':').map(Number) ?? [];
      return (m ?? 0) * 60 + (s ?? 0);
    };
    live.advance(10_000);
    expect(timer(first) - timer(ipvsadm(live, d, '-Lnc'))).toBe(10);
    live.advance(120_000);
    expect(entries(ipvsadm(live, d, '-Lnc'))).toEqual([]);
  });

  it('shows --stats as the estimator last summed them: right after traffic they lag, 2 s later they are whole', () => {
    const { live, d } = world();
    live.advance(10_000);
    curl(live);
    expect(serviceFigures(ipvsadm(live, d, '-Ln --stats'))).toEqual([0, 0, 0, 0, 0]);
    live.advance(2000);
    // One DR request as the oracle's dr-course counts it (4 requests: 24 packets, 1584 bytes in).
    expect(serviceFigures(ipvsadm(live, d, '-Ln --stats'))).toEqual([1, 6, 0, 396, 0]);
    // One tick's average: 6 packets in 2 s is 3 pps, a quarter of it after one step, rounded: 1;
    // 396 bytes: (396·2^4 / 4 + 0xF) >> 5 = 49.
    expect(serviceFigures(ipvsadm(live, d, '-Ln --rate'))).toEqual([0, 1, 0, 49, 0]);
  });

  it('-a leaves existing entries on their server; -d lets a removed server\'s connections finish', () => {
    const { live, d } = world(2);
    expect(ipvsadm(live, d, '-a -t 10.10.10.100:80 -r 10.10.10.14 -g')).toBe('');
    expect(entries(ipvsadm(live, d, '-Lnc'))).toEqual(['FIN_WAIT 10.10.10.240 10.10.10.13:80', 'FIN_WAIT 10.10.10.240 10.10.10.12:80']);
    expect(ipvsadm(live, d, '-d -t 10.10.10.100:80 -r 10.10.10.12')).toBe('');
    expect(ipvsadm(live, d, '-Ln')).not.toContain('10.10.10.12:80');
    expect(entries(ipvsadm(live, d, '-Lnc'))).toContain('FIN_WAIT 10.10.10.240 10.10.10.12:80');
    expect(ipvsadm(live, d, '-d -t 10.10.10.100:80 -r 10.10.10.12')).toBe('No such destination');
  });

  it('-C clears the rules while the entries stay until they expire, and the scenario follows', () => {
    const { live, d } = world(2);
    expect(ipvsadm(live, d, '-C')).toBe('');
    expect(ipvsadm(live, d, '-Ln').split('\n').length).toBe(4);
    expect(entries(ipvsadm(live, d, '-Lnc')).length).toBe(2);
    expect(live.specOf('D')?.ipvs).toEqual({ services: [] });
    expect(validateScenario(live.scenario()).ok).toBe(true);
  });

  it('-Z zeroes the counters; packets counted since the last tick still show after the next', () => {
    const { live, d } = world();
    live.advance(10_000);
    curl(live);
    live.advance(2000);
    curl(live);
    expect(ipvsadm(live, d, '-Z')).toBe('');
    expect(serviceFigures(ipvsadm(live, d, '-Ln --stats'))).toEqual([0, 0, 0, 0, 0]);
    expect(serviceFigures(ipvsadm(live, d, '-Ln --rate'))).toEqual([0, 0, 0, 0, 0]);
    live.advance(2000);
    expect(serviceFigures(ipvsadm(live, d, '-Ln --stats'))).toEqual([1, 6, 0, 396, 0]);
  });

  it('-E keeps the scheduler\'s state when the scheduler stays, and starts a new one afresh', () => {
    const served = (live: LiveWorld, d: IpvsDirector): string => entries(ipvsadm(live, d, '-Lnc')).at(-1) ?? '';
    const same = world(1);
    ipvsadm(same.live, same.d, '-E -t 10.10.10.100:80 -s rr');
    curl(same.live);
    expect(served(same.live, same.d)).toBe('FIN_WAIT 10.10.10.240 10.10.10.12:80');
    const changed = world(1);
    ipvsadm(changed.live, changed.d, '-E -t 10.10.10.100:80 -s wrr');
    curl(changed.live);
    expect(served(changed.live, changed.d)).toBe('FIN_WAIT 10.10.10.240 10.10.10.13:80');
  });

  it('-p makes templates that list as ASSURED with port 0', () => {
    const { live, d } = world();
    expect(ipvsadm(live, d, '-E -t 10.10.10.100:80 -s rr -p 20')).toBe('');
    curl(live);
    curl(live);
    const e = entries(ipvsadm(live, d, '-Lnc'));
    expect(e.filter((x) => x.startsWith('ASSURED'))).toEqual(['ASSURED 10.10.10.240:0 10.10.10.13:80']);
    expect(e.filter((x) => x.startsWith('FIN_WAIT'))).toEqual(['FIN_WAIT 10.10.10.240 10.10.10.13:80', 'FIN_WAIT 10.10.10.240 10.10.10.13:80']);
    expect(ipvsadm(live, d, '-Ln')).toContain('TCP  10.10.10.100:80 rr persistent 20\n');
  });

  it('--set changes what -L --timeout reads, 0 keeping a value', () => {
    const { live, d } = world();
    ipvsadm(live, d, '--set 100 20 50');
    ipvsadm(live, d, '--set 0 30 0');
    expect(ipvsadm(live, d, '-L --timeout')).toBe('Timeout (tcp tcpfin udp): 100 30 50\n');
  });
});
