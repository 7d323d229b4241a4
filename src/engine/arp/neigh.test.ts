/**
 * The neighbour cache and ARP resolution (net/core/neighbour.c __neigh_event_send,
 * neigh_timer_handler, __neigh_update; net/ipv4/arp.c arp_process, arp_solicit), with arp_tbl's
 * defaults: mcast_solicit 3, ucast_solicit 3, retrans_time 1 s, base_reachable_time 30 s,
 * delay_first_probe_time 5 s, locktime 1 s.
 */
import { describe, expect, it } from 'vitest';
import { MAC_ZERO, type Mac } from '../addr/mac';
import { getPreset, ipvsadmAtEnd, simulate, worldViewAt } from '../index';
import type { Scenario } from '../index';
import { runScenario } from '../sim/run';
import { actionsOf, arpFramesFrom, client, dropsOf, framesOf, hostSpec, ip, lanSpec, scenarioOf } from '../../test/builders';
import { onFrame } from '../host/rx';
import type { World } from '../sim/world';
import type { Ipv4Repr } from '../wire/repr';
import { arpRcv } from './arp-rx';
import { neighOutput } from './resolve';
import { ARP_BASE_REACHABLE_MS, NeighTable, randomReachableMs, stateAt } from './neigh-table';

describe('NeighTable and stateAt', () => {
  it('keeps one entry per interface and address, INCOMPLETE until an answer comes', () => {
    const t = new NeighTable();
    const a = t.create(1, ip('10.0.0.9'), 0, 30_000);
    const b = t.create(2, ip('10.0.0.9'), 0, 30_000);
    expect(a).not.toBe(b);
    expect(t.get(1, ip('10.0.0.9'))).toBe(a);
    expect(t.get(3, ip('10.0.0.9'))).toBeUndefined();
    expect(a).toMatchObject({ state: 'INCOMPLETE', mac: null });
    expect(t.all()).toEqual([a, b]);
  });

  it('shows a REACHABLE entry as STALE once its reachable time has passed since the last confirmation', () => {
    const n = new NeighTable().create(1, ip('10.0.0.9'), 0, 20_000);
    Object.assign(n, { state: 'REACHABLE', mac: 0x020000000001 as Mac, confirmed: 1_000 });
    expect(stateAt(n, 20_999)).toBe('REACHABLE');
    expect(stateAt(n, 21_000)).toBe('STALE');
  });

  it('leaves every other state as it is', () => {
    const n = new NeighTable().create(1, ip('10.0.0.9'), 0, 20_000);
    for (const state of ['INCOMPLETE', 'STALE', 'DELAY', 'PROBE', 'FAILED'] as const) {
      n.state = state;
      expect(stateAt(n, 1_000_000)).toBe(state);
    }
  });

  it('draws the reachable time uniformly from [base/2, 3·base/2) (neigh_rand_reach_time)', () => {
    expect(randomReachableMs(0)).toBe(ARP_BASE_REACHABLE_MS / 2);
    expect(randomReachableMs(0xffffffff)).toBeLessThan(ARP_BASE_REACHABLE_MS * 1.5);
    for (const u of [1, 12_345, 29_999, 30_000, 2 ** 31]) {
      const r = randomReachableMs(u);
      expect(r).toBeGreaterThanOrEqual(15_000);
      expect(r).toBeLessThan(45_000);
    }
  });
});

describe('resolving a next hop nobody holds (nat-lab-bad-gateway: RS1\'s gateway 10.10.10.1)', () => {
  const { trace } = simulate(getPreset('nat-lab-bad-gateway')!, { requests: 2, maxTimeMs: 20_000 });
  const asks = arpFramesFrom(trace, 'RS1').filter((f) => f.arp?.targetIp === '10.10.10.1');
  const t0 = asks[0]?.t ?? NaN;
  const firstRound = asks.filter((f) => f.t < t0 + 3_000);
  const timeouts = dropsOf(trace, 'arp-timeout', 'RS1');
  /** A retry timer of 1 s runs on the timer wheel: a jiffy to a 32 ms bucket late. */
  const aSecondLater = (gap: number): boolean => gap > 1_000 && gap <= 1_032;
  const gaps = (ts: number[]): number[] => ts.slice(1).map((t, i) => t - (ts[i] as number));

  it('sends exactly 3 broadcast requests, a second (and the wheel\'s few ms) apart', () => {
    expect(firstRound).toHaveLength(3);
    expect(gaps(firstRound.map((f) => f.t)).every(aSecondLater)).toBe(true);
    expect(new Set(firstRound.map((f) => f.eth.dst))).toEqual(new Set(['ff:ff:ff:ff:ff:ff']));
    expect(actionsOf(trace, 'arp-request', 'RS1').filter((a) => a.t < t0 + 3_100).map((a) => a.detail.attempt)).toEqual([1, 2, 3]);
  });

  it('then drops every packet that waited, with arp-timeout, a second after the third request', () => {
    const third = firstRound[2]?.t ?? NaN;
    const first = timeouts.filter((d) => d.t < t0 + 4_000);
    expect(first.length).toBeGreaterThan(0);
    expect(new Set(first.map((d) => d.t)).size).toBe(1);
    expect(aSecondLater((first[0]?.t ?? NaN) - third)).toBe(true);
    expect(new Set(first.map((d) => `${d.ip?.src} ${d.ip?.tcp?.flags.join('|')}`))).toEqual(new Set(['10.10.10.12 SYN|ACK']));
    expect(first[0]?.note.params).toMatchObject({ nexthop: '10.10.10.1', tries: 3 });
  });

  it('starts over with a fresh round of 3 when the next packet needs the failed entry', () => {
    const next = asks.filter((f) => f.t >= t0 + 3_100);
    const round = next.slice(0, 3).map((f) => f.t);
    expect(round).toHaveLength(3);
    expect(gaps(round).every(aSecondLater)).toBe(true);
    expect(timeouts.some((d) => aSecondLater(d.t - (round[2] as number)))).toBe(true);
  });
});

describe('several answers to one request (dr-lab-no-arp-sysctl: D, RS1 and RS2 all answer for the VIP)', () => {
  // arp_process: "If several different ARP replies follows back-to-back, use the FIRST one":
  // a reply overrides a valid entry only once locktime (1 s) has passed since its last update.
  const s = getPreset('dr-lab-no-arp-sysctl')!;
  const { trace } = simulate(s, { requests: 4 });
  const replies = framesOf(trace).filter((f) => f.arp?.op === 'reply' && f.arp.senderIp === '10.10.10.100' && f.to.some((e) => e.host === 'C'));
  const first = replies[0]?.arp?.senderMac;

  it('keeps the first answer', () => {
    expect(replies).toHaveLength(3);
    expect(actionsOf(trace, 'arp-learn', 'C').filter((a) => a.detail.ip === '10.10.10.100').map((a) => a.detail.mac)).toEqual([first]);
  });

  it('ignores the later answers within locktime, naming what it kept and what it was offered', () => {
    const ignored = actionsOf(trace, 'arp-locktime-ignore', 'C');
    expect(ignored.map((a) => a.detail.offered)).toEqual(replies.slice(1).map((f) => f.arp?.senderMac));
    expect(new Set(ignored.map((a) => a.detail.kept))).toEqual(new Set([first]));
  });

  it('sends every connection to the one real server that answered first, past the director', () => {
    const toVip = framesOf(trace).filter((f) => f.from.host === 'C' && f.ip?.dst === '10.10.10.100');
    expect(new Set(toVip.map((f) => f.eth.dst))).toEqual(new Set([first]));
    const winner = replies[0]?.from.host;
    expect(winner).toMatch(/^RS/);
    expect(new Set(actionsOf(trace, 'request-done', 'C').map((a) => String(a.detail.answer).split(' ')[0]))).toEqual(new Set([winner]));
  });

  it('leaves the director\'s ipvsadm without a single connection', () => {
    const conns = ipvsadmAtEnd(s, { requests: 4 }, ['-L', '-n', '-c']);
    expect(conns.ok && conns.stdout.trim().split('\n')).toEqual(['IPVS connection entries', 'pro expire state       source             virtual            destination']);
    const stats = ipvsadmAtEnd(s, { requests: 4 }, ['-L', '-n', '--stats']);
    expect(stats.ok && stats.stdout).toMatch(/TCP {2}10\.10\.10\.100:80 +0 +0 +0 +0 +0/);
  });
});

describe('entries ageing and being probed (routed-basic, a second request 50 s after the first)', () => {
  const s: Scenario = getPreset('routed-basic')!;
  s.hosts.find((h) => h.id === 'C')!.apps = [client('10.10.10.11:80', 2, { gapMs: 50_000 })];
  const { trace } = simulate(s);
  const learnS = actionsOf(trace, 'arp-learn', 'R').find((a) => a.detail.ip === '10.10.10.11')!;
  const connect2 = actionsOf(trace, 'tcp-connect', 'C')[1]!;
  const arpOfR = (seq: number) => worldViewAt(s, {}, seq).hosts['R']?.arp.find((e) => e.ip === '10.10.10.11')?.state;

  it('makes the router\'s entry for S REACHABLE on S\'s unicast reply, and STALE after the reachable time (at most 45 s)', () => {
    expect(learnS.detail.state).toBe('REACHABLE');
    expect(arpOfR(learnS.seq)).toBe('REACHABLE');
    expect(arpOfR(connect2.seq)).toBe('STALE');
  });

  // tcp_ack → sk_dst_confirm → the next segment sent confirms its next hop (sock_confirm_neigh), and
  // that segment keeps the mark as the router forwards it (veth and bridges hand the same skb on):
  // the DELAY timer finds every entry on the path confirmed within delay_first_probe_time and goes
  // back to REACHABLE without a probe (the oracle lab neigh-confirm: the router probes only the
  // client that sent nothing but pings).
  it('uses a STALE entry at once (DELAY)', () => {
    const fwd = framesOf(trace).find((f) => f.from.host === 'R' && f.ip?.dst === '10.10.10.11' && f.t > connect2.t)!;
    expect(arpOfR(fwd.seq)).toBe('DELAY');
  });

  it('sends no probe from any host: C and S confirm by their TCP, R by the segments it forwards', () => {
    const probesFrom = (h: string) => arpFramesFrom(trace, h).filter((f) => f.eth.dst !== 'ff:ff:ff:ff:ff:ff').map((f) => f.t);
    expect([probesFrom('C'), probesFrom('S'), probesFrom('R')]).toEqual([[], [], []]);
  });
});

describe('ARP input and output driven by hand on a quiet LAN', () => {
  // Two hosts and no apps: the run goes idle at once and leaves a world to drive call by call.
  const quietLan = () => {
    const s = scenarioOf('quiet-lan', [
      hostSpec('C', 'client', { eth0: ['10.10.10.240/24'] }),
      hostSpec('RS', 'real-server', { eth0: ['10.10.10.12/24'], lo: [['10.10.10.100/32', 'lo:0']] }, { sysctl: { 'net.ipv4.conf.all.arp_ignore': 1 } }),
    ], [lanSpec('lan', 'C:eth0', 'RS:eth0')]);
    const { world: w } = runScenario(s);
    const rs = w.hosts.get('RS')!;
    const c = w.hosts.get('C')!;
    return { w, rs, rsEth0: rs.ifByName.get('eth0')!, c, cEth0: c.ifByName.get('eth0')! };
  };
  const request = (senderIp: string, senderMac: Mac, targetIp: string) =>
    ({ op: 'request' as const, senderIp: ip(senderIp), senderMac, targetIp: ip(targetIp), targetMac: MAC_ZERO });
  /** The run loop of sim/run.ts, up to `endMs`. */
  const runUntil = (w: World, endMs: number): void => {
    for (let e = w.queue.pop(); e && e.t <= endMs; e = w.queue.pop()) {
      w.now = e.t;
      if (e.item.k === 'rx') {
        w.inflight--;
        onFrame(w, e.item.iface, e.item, e.item.conn);
      } else e.item.fire();
    }
  };

  // arp_process: for a local target it replies or not as arp_ignore says, then
  // `goto out_consume_skb` in both cases: the request never reaches "Update our ARP tables".
  it('leaves the asker\'s entry untouched when arp_ignore keeps the request unanswered', () => {
    const { w, rs, rsEth0, cEth0 } = quietLan();
    // RS is resolving the client (its SYN-ACK waits) when the client's broadcast for the VIP arrives.
    const n = rs.neigh.create(rsEth0.index, ip('10.10.10.240'), w.now, 30_000);
    arpRcv(w, rs, rsEth0, request('10.10.10.240', cEth0.mac, '10.10.10.100'), false, 0);
    expect([n.state, n.mac]).toEqual(['INCOMPLETE', null]);
  });

  // arp_process drops a request whose target is a loopback address before anything else
  // ("Check for bad requests for 127.x.x.x", unless route_localnet=1).
  it('never answers an ARP request for a 127.x address', () => {
    const { w, c, cEth0 } = quietLan();
    const before = w.trace.events.length;
    arpRcv(w, c, cEth0, request('10.10.10.12', 0x020000000999 as Mac, '127.0.0.1'), false, 0);
    expect(w.trace.events.slice(before).filter((e) => e.kind === 'frame')).toEqual([]);
  });

  // __neigh_update: "If entry was valid and address is not changed, do not change entry state,
  // if new one is STALE", and the timer is only deleted when the state changes: the DELAY
  // timer survives and the entry is probed.
  it('keeps the DELAY timer when the neighbour\'s own ARP request repeats the address it already has', () => {
    const { w, rs, rsEth0, cEth0 } = quietLan();
    const n = rs.neigh.create(rsEth0.index, ip('10.10.10.240'), w.now, 30_000);
    Object.assign(n, { mac: cEth0.mac, state: 'STALE' });
    // An echo reply: the client answers nothing, so the only ARP RS sees is the one handed to it below.
    const echoReply: Ipv4Repr = { src: ip('10.10.10.12'), dst: ip('10.10.10.240'), ttl: 64, id: 1, df: false, tos: 0, payload: { proto: 'icmp', type: 0, code: 0, ident: 1, seqNo: 1 } };
    neighOutput(w, rs, rsEth0, ip('10.10.10.240'), echoReply, 0);
    expect(n.state).toBe('DELAY');
    arpRcv(w, rs, rsEth0, request('10.10.10.240', cEth0.mac, '10.10.10.12'), false, 0);
    runUntil(w, 10_000);
    expect(stateAt(n, w.now)).not.toBe('DELAY');
  });
});
