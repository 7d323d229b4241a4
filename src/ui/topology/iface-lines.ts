/**
 * The address lines drawn under a host, from the trace's interface list (one entry per label,
 * as the contract says). Loopback's 127.0.0.1 is noise; lo:0's VIP is the lesson, so it stays.
 * An address is a VIP when some host's IPVS service listens on it.
 */
import type { Scenario, InterfaceJson } from '../../engine';
import type { IfaceLine } from './HostNode';

const bare = (cidr: string) => cidr.split('/')[0] ?? cidr;

export function vipSet(scenario: Scenario): Set<string> {
  return new Set(scenario.hosts.flatMap((h) => h.ipvs?.services.map((s) => s.vip) ?? []));
}

/** The scenario's own interfaces as the trace would list them, for when there is no trace. */
export function specInterfaces(scenario: Scenario, hostId: string): InterfaceJson[] {
  const spec = scenario.hosts.find((h) => h.id === hostId);
  return (spec?.interfaces ?? []).flatMap((i) => i.addrs.map((a) => ({
    name: i.name, mac: i.mac ?? '', addrs: [a.cidr], ...(a.label ? { label: a.label } : {}),
  })));
}

export function ifaceLines(interfaces: readonly InterfaceJson[], vips: ReadonlySet<string>): IfaceLine[] {
  const out: IfaceLine[] = [];
  for (const i of interfaces) {
    for (const a of i.addrs) {
      const ip = bare(a);
      if (ip.startsWith('127.')) continue;
      const name = i.label ?? i.name;
      if (out.some((l) => l.name === name && l.addr === ip)) continue;
      out.push({ name, addr: ip, vip: vips.has(ip) });
    }
  }
  return out;
}
