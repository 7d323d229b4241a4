import { describe, expect, it } from 'vitest';
import { getPreset, ipvsadmAtEnd, simulate, validateScenario } from '../index';
import type { Scenario } from '../scenario/types';

/** A preset's topology with its service made UDP :53, real servers answering on 53, the client asking like dig. */
function udpVariant(id: string, vip: string): Scenario {
  const s = getPreset(id) as Scenario;
  for (const h of s.hosts) {
    if (h.ipvs) h.ipvs = { services: h.ipvs.services.map((svc) => ({ ...svc, proto: 'udp', port: 53, dests: svc.dests.map((d) => ({ ...d, port: 53 })) })) };
    if (h.role === 'real-server') h.apps = [{ kind: 'udp-server', port: 53 }];
    if (h.role === 'client') h.apps = [{ kind: 'udp-client', target: `${vip}:53`, requests: 2 }];
  }
  return s;
}

describe('UDP virtual services (ipvsadm -u)', () => {
  it('NAT: each query is scheduled (rr from the last added), answered, and listed as a UDP entry', () => {
    const s = udpVariant('nat-lab', '20.20.20.11');
    expect(validateScenario(s).ok).toBe(true);
    const r = simulate(s);
    const answers = r.trace.events.flatMap((e) => (e.kind === 'action' && e.action === 'request-done' ? [e.detail['answer']] : []));
    expect(answers).toEqual(['RS2 10.10.10.13', 'RS1 10.10.10.12']);
    const conns = ipvsadmAtEnd(s, {}, ['-L', '-n', '-c']);
    expect(conns.ok && conns.stdout.split('\n').filter((l) => l.startsWith('UDP'))).toHaveLength(2);
    expect(conns.ok && conns.stdout).toMatch(/^UDP 04:59 {2}UDP /m);
    const list = ipvsadmAtEnd(s, {}, ['-L', '-n']);
    // UDP entries stay in InActConn for their whole life.
    expect(list.ok && list.stdout).toContain('UDP  20.20.20.11:53 rr');
    expect(list.ok && list.stdout).toMatch(/10\.10\.10\.13:53\s+Masq\s+1\s+0\s+1/);
  });

  it('DR: the real server answers from the VIP, straight to the client', () => {
    const r = simulate(udpVariant('dr-lab', '10.10.10.100'));
    expect(r.stats.requestsOk).toBe(2);
    const reply = r.trace.events.find((e) => e.kind === 'frame' && e.ip?.udp && e.from.host === 'RS2');
    expect(reply && reply.kind === 'frame' ? [reply.ip?.src, reply.to[0]?.host] : []).toEqual(['10.10.10.100', 'C']);
  });

  it('a query to a port nobody serves fails as refused (ICMP port unreachable)', () => {
    const s = udpVariant('nat-lab', '20.20.20.11');
    for (const h of s.hosts) if (h.role === 'real-server') h.apps = [];
    const r = simulate(s, { requests: 1 });
    const failed = r.trace.events.find((e) => e.kind === 'action' && e.action === 'request-failed');
    expect(failed && failed.kind === 'action' ? failed.detail['answer'] : '').toBe('refused');
    // ip_vs_out_icmp: the real server's ICMP reaches the client from the VIP, not from the RIP.
    const icmp = r.trace.events.find((e) => e.kind === 'frame' && e.ip?.icmp && e.to[0]?.host === 'C');
    expect(icmp && icmp.kind === 'frame' ? icmp.ip?.src : '').toBe('20.20.20.11');
  });
});
