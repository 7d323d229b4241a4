/**
 * Whole-host and segment edits: a new host or segment gets a fresh id; a removed host or
 * interface leaves no dangling segment port, and a renamed interface keeps its ports.
 */
import { type HostSpec, type Scenario, type SegmentSpec, isVirtualIface } from '../../engine';

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

/** Drop interface `j` of host `hi`, and its port on any segment. */
export function removeIface(s: Scenario, hi: number, j: number): Scenario {
  const host = s.hosts[hi];
  const name = host?.interfaces[j]?.name;
  if (!host || name === undefined) return s;
  return {
    ...s,
    hosts: s.hosts.map((h, i) => (i === hi ? { ...h, interfaces: h.interfaces.filter((_, k) => k !== j) } : h)),
    segments: s.segments.map((seg) => (seg.ports.some((p) => p.host === host.id && p.if === name)
      ? { ...seg, ports: seg.ports.filter((p) => !(p.host === host.id && p.if === name)) } : seg)),
  };
}

/** Rename interface `j` of host `hi`; the segment ports that named it follow. */
export function renameIface(s: Scenario, hi: number, j: number, name: string): Scenario {
  const host = s.hosts[hi];
  const old = host?.interfaces[j]?.name;
  if (!host || old === undefined || old === name) return s;
  const taken = host.interfaces.some((f, k) => k !== j && f.name === old);
  return {
    ...s,
    hosts: s.hosts.map((h, i) => (i === hi ? { ...h, interfaces: h.interfaces.map((f, k) => (k === j ? { ...f, name } : f)) } : h)),
    // Another interface with the old name (a duplicate being fixed) keeps the ports.
    segments: taken ? s.segments : s.segments.map((seg) => (seg.ports.some((p) => p.host === host.id && p.if === old)
      ? { ...seg, ports: seg.ports.map((p) => (p.host === host.id && p.if === old ? { ...p, if: name } : p)) } : seg)),
  };
}

export function freshSegmentId(s: Scenario, kind: SegmentSpec['kind']): string {
  const ids = new Set(s.segments.map((g) => g.id));
  const stem = kind === 'switch' ? 'sw' : 'link';
  let n = 1;
  while (ids.has(`${stem}${n}`)) n++;
  return `${stem}${n}`;
}

export function addSegment(s: Scenario, kind: SegmentSpec['kind']): Scenario {
  const id = freshSegmentId(s, kind);
  return { ...s, segments: [...s.segments, { id, kind, name: { en: id, zh: id }, ports: [] }] };
}

/**
 * Give segment `i` a new id. Its ports and position live inside it, and the trace, the pcap
 * interface names and the topology are all derived from the scenario again, so nothing else
 * holds the id; only a name that still reads as the old id (as a new segment's does) follows.
 * An id already in use is applied like any other edit (as a renamed interface is): the
 * validator names the duplicate at the field and the typed id is not lost.
 */
export function renameSegment(s: Scenario, i: number, id: string): Scenario {
  const seg = s.segments[i];
  if (!seg || seg.id === id) return s;
  const follow = (n: string) => (n === seg.id ? id : n);
  const renamed: SegmentSpec = { ...seg, id, ...(seg.name ? { name: { en: follow(seg.name.en), zh: follow(seg.name.zh) } } : {}) };
  return { ...s, segments: s.segments.map((g, k) => (k === i ? renamed : g)) };
}

/** Where each interface is attached: "host if" → segment id. */
export function attachments(s: Scenario): Map<string, string> {
  const out = new Map<string, string>();
  for (const seg of s.segments) for (const p of seg.ports) if (!out.has(`${p.host} ${p.if}`)) out.set(`${p.host} ${p.if}`, seg.id);
  return out;
}

/** The interfaces of a host that can attach to a segment (not lo, not tunl0). */
export function attachableIfaces(host: HostSpec | undefined): string[] {
  return (host?.interfaces ?? []).map((f) => f.name).filter((n) => !isVirtualIface(n));
}

/** The first of a host's interfaces on no segment, if any. */
export function freeIface(s: Scenario, hostId: string): string | undefined {
  const on = attachments(s);
  return attachableIfaces(s.hosts.find((h) => h.id === hostId)).find((n) => !on.has(`${hostId} ${n}`));
}
