/** Whole-host edits: a new host gets a fresh id; a removed host leaves no dangling segment port. */
import type { HostSpec, Scenario } from '../../engine/scenario/types';

export function freshHostId(s: Scenario): string {
  const ids = new Set(s.hosts.map((h) => h.id));
  let n = s.hosts.length + 1;
  while (ids.has(`H${n}`)) n++;
  return `H${n}`;
}

export function addHost(s: Scenario, role: HostSpec['role'] = 'server'): Scenario {
  const id = freshHostId(s);
  return { ...s, hosts: [...s.hosts, { id, role, name: { en: id, zh: id }, interfaces: [{ name: 'eth0', addrs: [] }] }] };
}

export function removeHost(s: Scenario, id: string): Scenario {
  return {
    ...s,
    hosts: s.hosts.filter((h) => h.id !== id),
    segments: s.segments.map((seg) => ({ ...seg, ports: seg.ports.filter((p) => p.host !== id) })),
  };
}
