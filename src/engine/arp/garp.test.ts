import { describe, expect, it } from 'vitest';
import { getPreset, simulate } from '../index';
import type { Scenario } from '../scenario/types';

function lanArp(sysctl: Record<string, number>): Scenario {
  const s = getPreset('lan-arp') as Scenario;
  const server = s.hosts.find((h) => h.id === 'S');
  if (server) server.sysctl = { ...(server.sysctl ?? {}), ...sysctl };
  return s;
}

describe('gratuitous ARP (arp_notify)', () => {
  it('sends no gratuitous ARP by default, as Linux (arp_notify=0)', () => {
    const { trace } = simulate(lanArp({}), { requests: 1 });
    expect(trace.events.some((e) => e.kind === 'action' && e.action === 'arp-gratuitous')).toBe(false);
  });

  it('announces each address of an interface that comes up with arp_notify=1: a broadcast request for itself', () => {
    const { trace } = simulate(lanArp({ 'net.ipv4.conf.eth0.arp_notify': 1 }), { requests: 1 });
    const garp = trace.events.find((e) => e.kind === 'frame' && e.arp && e.arp.senderIp === e.arp.targetIp);
    expect(garp && garp.kind === 'frame' ? garp.eth.dst : '').toBe('ff:ff:ff:ff:ff:ff');
    expect(garp && garp.kind === 'frame' ? garp.from.host : '').toBe('S');
  });
});

describe('arp_filter', () => {
  it('answers ARP only when the route back to the asker leaves by the arrival interface', () => {
    // S's only route to the client is through eth0, so arp_filter=1 changes nothing here…
    const ok = simulate(lanArp({ 'net.ipv4.conf.all.arp_filter': 1 }), { requests: 1 });
    expect(ok.stats.requestsOk).toBe(1);
    // …but with the client's subnet routed through a device that is not eth0, S stays silent.
    const s = lanArp({ 'net.ipv4.conf.all.arp_filter': 1 });
    const server = s.hosts.find((h) => h.id === 'S');
    const client = s.hosts.find((h) => h.id === 'C');
    const clientAddr = client?.interfaces[0]?.addrs[0]?.cidr.split('/')[0] ?? '';
    if (server) server.routes = [...(server.routes ?? []), { dst: `${clientAddr}/32`, dev: 'lo' }];
    const bad = simulate(s, { requests: 1 });
    expect(bad.trace.events.some((e) => e.kind === 'action' && e.action === 'arp-ignore' && e.detail['why'] === 'arp-filter')).toBe(true);
    expect(bad.stats.requestsOk).toBe(0);
  });
});
