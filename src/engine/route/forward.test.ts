/**
 * Forwarding (net/ipv4/ip_forward.c, route.c ip_route_input_slow/ip_error): a host forwards only
 * with forwarding on, lowers the TTL by one at every hop, answers TTL 1 with ICMP time exceeded
 * (type 11) and an unroutable destination with ICMP net unreachable; IPVS lowers it too
 * (ip_vs_xmit.c decrement_ttl), in every mode and in both directions for NAT.
 */
import { describe, expect, it } from 'vitest';
import { getPreset, simulate } from '../index';
import type { FrameEventJson, Scenario } from '../index';
import { actionsOf, client, dropsOf, framesOf, hostSpec, lanSpec, scenarioOf } from '../../test/builders';

// routed-basic: C 192.168.1.2 — R (192.168.1.1 | 10.10.10.1) — S 10.10.10.11.
const routedBasic = (forward: boolean): Scenario => {
  const s = getPreset('routed-basic')!;
  const r = s.hosts.find((h) => h.id === 'R')!;
  r.sysctl = { 'net.ipv4.ip_forward': forward ? 1 : 0 };
  return s;
};

/** C → R1 ⇄ R2, each router's default route pointing at the other: a routing loop. */
const loop = scenarioOf('ttl-loop', [
  hostSpec('C', 'client', { eth0: ['10.0.1.2/24'] }, { routes: [{ dst: 'default', via: '10.0.1.1' }], apps: [client('203.0.113.5:80')] }),
  hostSpec('R1', 'router', { eth0: ['10.0.1.1/24'], eth1: ['10.0.12.1/24'] }, { routes: [{ dst: 'default', via: '10.0.12.2' }], sysctl: { 'net.ipv4.ip_forward': 1 } }),
  hostSpec('R2', 'router', { eth0: ['10.0.12.2/24'] }, { routes: [{ dst: 'default', via: '10.0.12.1' }], sysctl: { 'net.ipv4.ip_forward': 1 } }),
], [lanSpec('lan1', 'C:eth0', 'R1:eth0'), lanSpec('lan12', 'R1:eth1', 'R2:eth0')]);

const ipFrames = (fs: FrameEventJson[], from: string, to: string) => fs.filter((f) => f.ip && f.from.host === from && f.to.some((e) => e.host === to));

describe('forwarding', () => {
  it('drops a packet not addressed to it with not-local-address when ip_forward=0, sending no ICMP', () => {
    const { trace } = simulate(routedBasic(false), { requests: 1, maxTimeMs: 2_500 });
    expect(dropsOf(trace, 'not-local-address', 'R').length).toBeGreaterThan(0);
    expect(framesOf(trace).filter((f) => f.from.host === 'R' && f.ip)).toEqual([]);
  });

  it('forwards with ip_forward=1, lowering the TTL by exactly one', () => {
    const { trace } = simulate(routedBasic(true), { requests: 1 });
    const fs = framesOf(trace);
    const inbound = ipFrames(fs, 'C', 'R');
    const outbound = ipFrames(fs, 'R', 'S');
    expect(outbound.length).toBe(inbound.length);
    expect(outbound.map((f) => f.ip?.ttl)).toEqual(inbound.map((f) => (f.ip?.ttl ?? 0) - 1));
    expect(actionsOf(trace, 'forward', 'R')[0]?.detail).toMatchObject({ dst: '10.10.10.11', ttl: 63 });
  });

  it('drops a packet it has no route for with no-route and answers ICMP net unreachable (type 3 code 0)', () => {
    const s = getPreset('routed-basic')!;
    s.hosts.find((h) => h.id === 'C')!.apps = [client('172.16.0.1:80')];
    const { trace, stopReason } = simulate(s);
    expect(dropsOf(trace, 'no-route', 'R')).toHaveLength(1);
    expect(framesOf(trace).filter((f) => f.from.host === 'R' && f.ip?.icmp).map((f) => f.ip?.icmp)).toEqual([{ type: 3, code: 0 }]);
    // icmp_err_convert: net unreachable is ENETUNREACH for the connect().
    expect(actionsOf(trace, 'request-failed', 'C').map((a) => a.detail.answer)).toEqual(['net-unreachable']);
    expect(stopReason).toBe('done');
  });
});

describe('TTL expiry in a routing loop', () => {
  const r = simulate(loop);
  const fs = framesOf(r.trace);

  it('lowers the TTL by one at each pass between the two routers, down to 1', () => {
    const ttls = fs.filter((f) => f.segment === 'lan12' && f.ip?.dst === '203.0.113.5').map((f) => f.ip?.ttl);
    expect(ttls).toEqual(Array.from({ length: 63 }, (_, i) => 63 - i));
  });

  it('drops the packet with ttl-exceeded at the router that receives TTL 1', () => {
    expect(dropsOf(r.trace, 'ttl-exceeded').map((d) => [d.host, d.ip?.ttl])).toEqual([['R2', 1]]);
  });

  it('sends ICMP time exceeded (type 11) back to the sender, from the router\'s own address', () => {
    const icmp = fs.filter((f) => f.ip?.icmp?.type === 11 && f.to.some((e) => e.host === 'C'));
    expect(icmp.map((f) => [f.ip?.src, f.ip?.dst, f.ip?.icmp?.code])).toEqual([['10.0.12.2', '10.0.1.2', 0]]);
  });

  it('fails the connect at once with EHOSTUNREACH (tcp_v4_err: an ICMP error in SYN_SENT is fatal) and the run terminates', () => {
    expect(actionsOf(r.trace, 'request-failed', 'C').map((a) => a.detail.answer)).toEqual(['host-unreachable']);
    expect(r.stopReason).toBe('done');
  });
});

describe('the TTL at an IPVS director', () => {
  const frames = (id: string) => framesOf(simulate(getPreset(id)!, { requests: 1 }).trace).filter((f) => f.ip?.tcp || f.ip?.inner);

  it('is lowered by one in NAT mode, in both directions', () => {
    const fs = frames('nat-lab');
    expect(new Set(ipFrames(fs, 'C', 'D').map((f) => f.ip?.ttl))).toEqual(new Set([64]));
    expect(new Set(ipFrames(fs, 'D', 'RS2').map((f) => f.ip?.ttl))).toEqual(new Set([63]));
    expect(new Set(ipFrames(fs, 'RS2', 'D').map((f) => f.ip?.ttl))).toEqual(new Set([64]));
    expect(new Set(ipFrames(fs, 'D', 'C').map((f) => f.ip?.ttl))).toEqual(new Set([63]));
  });

  it('is lowered by one in DR mode, and the real server answers the client directly with a fresh 64', () => {
    const fs = frames('dr-lab');
    expect(new Set(ipFrames(fs, 'C', 'D').map((f) => f.ip?.ttl))).toEqual(new Set([64]));
    expect(new Set(fs.filter((f) => f.from.host === 'D').map((f) => f.ip?.ttl))).toEqual(new Set([63]));
    expect(new Set(fs.filter((f) => f.from.host.startsWith('RS')).map((f) => f.ip?.ttl))).toEqual(new Set([64]));
  });

  it('is lowered by one in TUN mode and copied into the outer header (outer = inner)', () => {
    const fs = frames('tun-course');
    const into = new Set(ipFrames(fs, 'R', 'D').map((f) => f.ip?.ttl));
    const outOf = fs.filter((f) => f.from.host === 'D');
    expect(into).toEqual(new Set([63]));
    expect(outOf.length).toBeGreaterThan(0);
    for (const f of outOf) expect([f.ip?.ttl, f.ip?.inner?.ip.ttl]).toEqual([62, 62]);
  });
});
