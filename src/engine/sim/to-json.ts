/**
 * Trace records → the contract's JSON (docs/cli.md). Frame notes are derived here
 * from the frame itself, so the hot path never builds them.
 */
import { formatIpv4 } from '../addr/ipv4';
import { formatMac } from '../addr/mac';
import { formatCidr } from '../addr/cidr';
import type { Iface } from '../host/iface';
import { tcpFlagList, type ArpRepr, type Ipv4Payload, type Ipv4Repr, type TcpRepr } from '../wire/repr';
import type { TraceEvent } from './trace';
import type { ArpJson, InterfaceJson, IpJson, NoteJson, TcpJson, TraceEventJson, TraceJson } from './trace-json';
import type { World } from './world';

export function tcpJson(t: TcpRepr): TcpJson {
  return { sport: t.sport, dport: t.dport, seq: t.seq, ack: t.ack, flags: tcpFlagList(t.flags), len: t.data.length };
}

function l4Json(p: Ipv4Payload): Pick<IpJson, 'tcp' | 'udp' | 'icmp'> {
  switch (p.proto) {
    case 'tcp':
      return { tcp: tcpJson(p) };
    case 'udp':
      return { udp: { sport: p.sport, dport: p.dport, len: p.data.length } };
    case 'icmp':
      return { icmp: { type: p.type, code: p.code } };
    case 'ipip':
      return {};
    default: {
      const never: never = p;
      return never;
    }
  }
}

export function ipJson(ip: Ipv4Repr): IpJson {
  const out: IpJson = { src: formatIpv4(ip.src), dst: formatIpv4(ip.dst), ttl: ip.ttl, proto: ip.payload.proto, id: ip.id, ...l4Json(ip.payload) };
  if (ip.payload.proto === 'ipip') {
    const inner = ip.payload.inner;
    out.inner = { ip: { src: formatIpv4(inner.src), dst: formatIpv4(inner.dst), ttl: inner.ttl, proto: inner.payload.proto, id: inner.id }, ...l4Json(inner.payload) };
  }
  return out;
}

export function arpJson(a: ArpRepr): ArpJson {
  return { op: a.op, senderIp: formatIpv4(a.senderIp), senderMac: formatMac(a.senderMac), targetIp: formatIpv4(a.targetIp), targetMac: formatMac(a.targetMac) };
}

function endpointOf(ip: Ipv4Repr): string {
  const p = ip.payload;
  return p.proto === 'tcp' || p.proto === 'udp' ? `:${p.dport}` : '';
}

function frameNote(ip: Ipv4Repr | undefined, arp: ArpRepr | undefined): NoteJson {
  if (arp) return { key: `frame.arp.${arp.op}`, params: { senderIp: formatIpv4(arp.senderIp), targetIp: formatIpv4(arp.targetIp), senderMac: formatMac(arp.senderMac) } };
  const p = (ip as Ipv4Repr).payload;
  const params: Record<string, string | number> = { src: formatIpv4((ip as Ipv4Repr).src), dst: formatIpv4((ip as Ipv4Repr).dst) + endpointOf(ip as Ipv4Repr) };
  if (p.proto === 'tcp') {
    params['flags'] = tcpFlagList(p.flags).join(',');
    params['len'] = p.data.length;
  }
  if (p.proto === 'ipip') {
    params['innerSrc'] = formatIpv4(p.inner.src);
    params['innerDst'] = formatIpv4(p.inner.dst) + endpointOf(p.inner);
  }
  return { key: `frame.${p.proto}`, params };
}

export function eventJson(e: TraceEvent): TraceEventJson {
  const conn = e.conn ? { conn: e.conn } : {};
  switch (e.kind) {
    case 'frame': {
      const f = e.frame;
      return {
        seq: e.seq, t: e.t, kind: 'frame', segment: e.segment, from: e.from, to: [...e.to],
        eth: { src: formatMac(f.eth.src), dst: formatMac(f.eth.dst), type: f.type },
        ...(f.type === 'arp' ? { arp: arpJson(f.arp) } : { ip: ipJson(f.ip) }),
        ...(f.type === 'ipv4' && f.ip.pid !== undefined ? { packet: f.ip.pid } : {}),
        ...conn,
        note: frameNote(f.type === 'ipv4' ? f.ip : undefined, f.type === 'arp' ? f.arp : undefined),
      };
    }
    case 'action':
      return { seq: e.seq, t: e.t, kind: 'action', host: e.host, action: e.action, detail: e.detail, ...conn, note: { key: e.note, params: e.params } };
    case 'drop':
      return {
        seq: e.seq, t: e.t, kind: 'drop', host: e.host, reason: e.reason,
        ...(e.ip ? { ip: ipJson(e.ip) } : {}), ...(e.arp ? { arp: arpJson(e.arp) } : {}),
        ...conn, note: { key: e.note, params: e.params },
      };
    default: {
      const never: never = e;
      return never;
    }
  }
}

/** One entry per interface, plus one per alias label (eth0:0, lo:0), as the contract lists them. */
export function interfacesJson(ifaces: readonly Iface[]): InterfaceJson[] {
  const out: InterfaceJson[] = [];
  for (const i of ifaces) {
    const mac = formatMac(i.mac);
    out.push({ name: i.name, mac, addrs: i.addrs.filter((a) => a.label === i.name).map((a) => formatCidr(a)) });
    const labels = [...new Set(i.addrs.filter((a) => a.label !== i.name).map((a) => a.label))];
    for (const label of labels) {
      out.push({ name: i.name, mac, addrs: i.addrs.filter((a) => a.label === label).map((a) => formatCidr(a)), label });
    }
  }
  return out;
}

export function traceJson(scenarioName: string, w: World, events: readonly TraceEvent[]): TraceJson {
  const hosts: TraceJson['hosts'] = {};
  for (const h of w.hostList) hosts[h.id] = { interfaces: interfacesJson(h.ifaces) };
  return { scenario: scenarioName, seed: w.seed, hosts, events: events.map(eventJson) };
}
