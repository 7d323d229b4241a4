/**
 * The TCP a client and a web server need, as Linux behaves (net/ipv4/tcp_input.c, tcp_ipv4.c
 * tcp_v4_send_reset, tcp_timer.c; tcp_syn_retries=6 and TCP_TIMEOUT_INIT=1 s from
 * Documentation/networking/ip-sysctl.rst): handshake, request, response, close with TIME_WAIT on
 * the side that closed first, RST for a segment no socket wants, and SYN retransmission.
 */
import { describe, expect, it } from 'vitest';
import { getPreset, simulate, worldViewAt } from '../index';
import type { FrameEventJson } from '../index';
import { actionsOf, client, dropsOf, framesOf, hostSpec, lanSpec, scenarioOf, server, tcpFlagsOf } from '../../test/builders';

const tcpFrames = (fs: FrameEventJson[], segment: string) => fs.filter((f) => f.segment === segment && f.ip?.tcp);

describe('a request over a fresh connection (routed-basic, seen on the client\'s LAN)', () => {
  const r = simulate(getPreset('routed-basic')!, { requests: 1 });
  const seen = tcpFrames(framesOf(r.trace), 'client-lan');
  const line = (f: FrameEventJson) => `${f.from.host === 'C' ? 'C' : 'S'} ${tcpFlagsOf(f) ?? ''}${f.ip?.tcp?.len ? ' data' : ''}`;

  it('carries SYN, SYN-ACK, ACK, PSH-ACK (request), PSH-ACK (response), FIN-ACK, FIN-ACK, ACK in that order', () => {
    // Bare ACKs that acknowledge data at once (quick-ack) may sit between the steps; the steps keep their order.
    const bare = (l: string) => l === 'C ACK' || l === 'S ACK';
    const steps = seen.map(line).filter((l, i, all) => !bare(l) || (l === 'C ACK' && (all[i - 1] === 'S SYN|ACK' || i === all.length - 1)));
    expect(steps).toEqual(['C SYN', 'S SYN|ACK', 'C ACK', 'C PSH|ACK data', 'S PSH|ACK data', 'C FIN|ACK', 'S FIN|ACK', 'C ACK']);
  });

  it('numbers the bytes: each SYN and FIN takes one sequence number, data its length', () => {
    const [syn, synAck] = seen;
    const req = seen.find((f) => f.from.host === 'C' && f.ip?.tcp?.len)!;
    const resp = seen.find((f) => f.from.host !== 'C' && f.ip?.tcp?.len)!;
    const fins = seen.filter((f) => f.ip?.tcp?.flags.includes('FIN'));
    const last = seen[seen.length - 1]!;
    const c = syn!.ip!.tcp!, s = synAck!.ip!.tcp!;
    expect(s.ack).toBe(c.seq + 1);
    expect(req.ip!.tcp!.seq).toBe(c.seq + 1);
    expect(resp.ip!.tcp!).toMatchObject({ seq: s.seq + 1, ack: c.seq + 1 + req.ip!.tcp!.len });
    expect(fins.map((f) => f.ip!.tcp!.seq)).toEqual([c.seq + 1 + req.ip!.tcp!.len, s.seq + 1 + resp.ip!.tcp!.len]);
    expect(last.ip!.tcp!.ack).toBe(fins[1]!.ip!.tcp!.seq + 1);
  });

  it('leaves the side that closed first (the client) in TIME_WAIT, and the server with no socket', () => {
    expect(r.final.hosts['C']?.sockets.map((s) => s.state)).toEqual(['TIME_WAIT']);
    expect(r.final.hosts['S']?.sockets).toEqual([]);
  });

  it('takes the client\'s port from Linux\'s ephemeral range (32768–60999)', () => {
    const port = seen[0]!.ip!.tcp!.sport;
    expect(port).toBeGreaterThanOrEqual(32_768);
    expect(port).toBeLessThanOrEqual(60_999);
  });

  it('ends TIME_WAIT after 60 s', () => {
    const s = getPreset('routed-basic')!;
    s.hosts.find((h) => h.id === 'C')!.apps = [client('10.10.10.11:80', 2, { gapMs: 61_000 })];
    const two = simulate(s);
    const [done1] = actionsOf(two.trace, 'request-done', 'C');
    const connect2 = actionsOf(two.trace, 'tcp-connect', 'C')[1]!;
    const socketsAt = (seq: number) => worldViewAt(s, {}, seq).hosts['C']?.sockets.map((x) => x.state);
    expect(connect2.t - done1!.t).toBeGreaterThan(60_000);
    expect(socketsAt(done1!.seq)).toEqual(['TIME_WAIT']);
    expect(socketsAt(connect2.seq)).toEqual(['SYN_SENT']);
  });
});

describe('an unanswered SYN (dr-lab-no-vip-on-lo: the real server drops what the director forwards)', () => {
  const r = simulate(getPreset('dr-lab-no-vip-on-lo')!, { requests: 1 });
  const syns = framesOf(r.trace).filter((f) => f.from.host === 'C' && tcpFlagsOf(f) === 'SYN');
  // The retransmission timer starts when TCP hands the SYN to IP (connect()), even though the
  // first copy waits for ARP before it reaches the wire.
  const t0 = actionsOf(r.trace, 'tcp-connect', 'C')[0]?.t ?? NaN;

  it('is sent again 1, 3, 7, 15, 31 and 63 s after the first (1 s, then doubling; tcp_syn_retries=6)', () => {
    expect(syns.slice(1).map((f) => f.t - t0)).toEqual([1_000, 3_000, 7_000, 15_000, 31_000, 63_000]);
    expect(syns[0]!.t - t0).toBeLessThan(1_000);
    expect(new Set(syns.map((f) => f.ip?.tcp?.seq)).size).toBe(1);
  });

  it('fails the connect 127 s after the first SYN, as timed out', () => {
    const failed = actionsOf(r.trace, 'request-failed', 'C');
    expect(failed.map((a) => [a.t - t0, a.detail.answer])).toEqual([[127_000, 'timeout']]);
    expect(dropsOf(r.trace, 'tcp-retries-exceeded', 'C').map((d) => d.t - t0)).toEqual([127_000]);
    expect(r.stopReason).toBe('done');
  });
});

describe('RST for a segment no socket wants (tcp_v4_send_reset)', () => {
  it('answers a SYN to a closed port with RST|ACK acknowledging seq + 1, and the connect fails as refused', () => {
    const s = scenarioOf('closed-port', [
      hostSpec('C', 'client', { eth0: ['10.0.0.2/24'] }, { apps: [client('10.0.0.3:8080')] }),
      hostSpec('S', 'server', { eth0: ['10.0.0.3/24'] }, { apps: [server(80)] }),
    ], [lanSpec('lan', 'C:eth0', 'S:eth0')]);
    const { trace, stopReason } = simulate(s);
    const fs = tcpFrames(framesOf(trace), 'lan');
    expect(fs.map((f) => `${f.from.host} ${tcpFlagsOf(f)}`)).toEqual(['C SYN', 'S RST|ACK']);
    const [syn, rst] = fs;
    expect(rst!.ip!.tcp).toMatchObject({ sport: 8080, dport: syn!.ip!.tcp!.sport, seq: 0, ack: syn!.ip!.tcp!.seq + 1 });
    expect(dropsOf(trace, 'no-listener', 'S')).toHaveLength(1);
    expect(actionsOf(trace, 'request-failed', 'C').map((a) => a.detail.answer)).toEqual(['refused']);
    expect(stopReason).toBe('done');
  });

  it('answers a segment carrying ACK with a bare RST whose seq is that ACK (the NAT real server that bypasses the director)', () => {
    // RS answers the client through R instead of the director, so its SYN-ACK comes from the RIP,
    // an address the client never spoke to: no socket matches it.
    const s = scenarioOf('nat-bypass', [
      hostSpec('C', 'client', { eth0: ['10.0.0.2/24'] }, { routes: [{ dst: 'default', via: '10.0.0.254' }], apps: [client('10.0.0.1:80')] }),
      hostSpec('D', 'director', { eth0: ['10.0.0.1/24'], eth1: ['192.168.0.1/24'] }, {
        sysctl: { 'net.ipv4.ip_forward': 1 },
        ipvs: { services: [{ proto: 'tcp', vip: '10.0.0.1', port: 80, scheduler: 'rr', dests: [{ addr: '192.168.0.2', port: 80, method: 'masq' }] }] },
      }),
      hostSpec('R', 'router', { eth0: ['192.168.0.254/24'], eth1: ['10.0.0.254/24'] }, { sysctl: { 'net.ipv4.ip_forward': 1 } }),
      hostSpec('RS', 'real-server', { eth0: ['192.168.0.2/24'] }, { routes: [{ dst: 'default', via: '192.168.0.254' }], apps: [server(80)] }),
    ], [lanSpec('front', 'C:eth0', 'D:eth0', 'R:eth1'), lanSpec('back', 'D:eth1', 'RS:eth0', 'R:eth0')]);
    const { trace } = simulate(s, { maxTimeMs: 500 });
    const fs = framesOf(trace).filter((f) => f.segment === 'front' && f.ip?.tcp);
    const synAck = fs.find((f) => f.to.some((e) => e.host === 'C') && tcpFlagsOf(f) === 'SYN|ACK')!;
    const rst = fs.find((f) => f.from.host === 'C' && tcpFlagsOf(f) === 'RST')!;
    expect(synAck.ip?.src).toBe('192.168.0.2');
    expect(rst.ip).toMatchObject({ src: '10.0.0.2', dst: '192.168.0.2' });
    expect(rst.ip!.tcp).toMatchObject({ sport: synAck.ip!.tcp!.dport, dport: 80, seq: synAck.ip!.tcp!.ack, ack: 0 });
  });
});

describe('a SYN-ACK that never arrives (the server\'s default gateway drops it)', () => {
  it('is sent again for each retransmitted SYN, which restarts its timer at the current backoff (tcp_check_req: mod_timer_pending)', () => {
    // The kernel captured it so (fixtures/oracle nat-no-forward: RS2's SYN-ACKs 1, 4, 4, 8, 16 s apart).
    const s = scenarioOf('lost-synack', [
      hostSpec('C', 'client', { eth0: ['10.0.0.2/24'] }, { apps: [client('10.0.1.3:80')], routes: [{ dst: 'default', via: '10.0.0.1' }] }),
      hostSpec('R', 'router', { eth0: ['10.0.0.1/24'], eth1: ['10.0.1.1/24'] }, { sysctl: { 'net.ipv4.ip_forward': 1 } }),
      hostSpec('S', 'server', { eth0: ['10.0.1.3/24'] }, { apps: [server(80)], routes: [{ dst: 'default', via: '10.0.1.9' }] }),
      hostSpec('X', 'router', { eth0: ['10.0.1.9/24'] }),
    ], [lanSpec('a', 'C:eth0', 'R:eth0'), lanSpec('b', 'R:eth1', 'S:eth0', 'X:eth0')]);
    const fs = tcpFrames(framesOf(simulate(s, { maxTimeMs: 40_000 }).trace), 'b');
    const synAcks = fs.filter((f) => f.from.host === 'S').map((f) => f.t);
    // Answers to the SYNs at 1, 3, 7, 15, 31 s; the timer's own at 2, 5, 11, 23 s (1, 2, 4, 8 s after an answer).
    expect(synAcks).toEqual([8, 1_002, 2_002, 3_002, 5_002, 7_002, 11_002, 15_002, 23_002, 31_002]);
  });
});
