/**
 * A frame's label in the course's form, `S: 10.11.12.13  D: 11.12.13.14:80`, as data the view
 * renders and tests read.
 *
 * Ports where they matter: the destination port when it is a service port (below 32768, the
 * start of Linux's ephemeral range), and any port this hop changed (port mapping). That gives
 * exactly the slides' NAT, DR and TUN tables. The destination MAC is shown (`DMAC: RS1`) when
 * the destination IP is held by several hosts (a VIP in DR), because only the MAC then decides
 * who gets the frame. Fields this hop changed are flagged, with the rewrite's name.
 */
import type { FrameEventJson, IpJson } from '../../engine';
import type { FieldChange } from './packet-diff';
import { innerOf } from './event-row';
import type { HostIndex } from './host-index';
import type { Lang } from '../i18n/i18n';

export const EPHEMERAL_PORT_MIN = 32768;

export interface LabelField {
  name: 'S' | 'D' | 'DMAC';
  value: string;
  changed: boolean;
  /** The value on the previous hop, when this hop rewrote it. */
  was?: string;
}

export type Rewrite = 'dnat' | 'snat' | 'mac' | 'encap' | 'decap';

export type PacketLabel =
  | { kind: 'ip'; outer: LabelField[]; inner: LabelField[] | null; rewrites: Rewrite[]; text: string }
  | { kind: 'arp'; op: 'request' | 'reply'; targetIp: string; senderIp: string; owner: string; text: string };

const has = (changes: readonly FieldChange[], layer: FieldChange['layer'], field: string) =>
  changes.some((c) => c.layer === layer && c.field === field);

function addrFields(ip: IpJson, layer: 'ip' | 'inner', changes: readonly FieldChange[], portsFrom: IpJson): LabelField[] {
  const tcp = portsFrom.tcp ?? portsFrom.udp;
  const sportChanged = has(changes, 'tcp', 'sport'), dportChanged = has(changes, 'tcp', 'dport');
  const withPort = (addr: string, port: number | undefined, show: boolean) => (port !== undefined && show ? `${addr}:${port}` : addr);
  const s = withPort(ip.src, tcp?.sport, sportChanged);
  const d = withPort(ip.dst, tcp?.dport, dportChanged || (tcp !== undefined && tcp.dport < EPHEMERAL_PORT_MIN));
  return [
    { name: 'S', value: s, changed: has(changes, layer, 'src') || sportChanged },
    { name: 'D', value: d, changed: has(changes, layer, 'dst') || dportChanged },
  ];
}

const fieldsText = (fs: readonly LabelField[]) => fs.map((f) => `${f.name}: ${f.value}`).join('  ');

export function labelFor(
  frame: FrameEventJson, prev: FrameEventJson | null, changes: readonly FieldChange[], index: HostIndex, lang: Lang,
): PacketLabel | null {
  if (frame.arp) {
    const a = frame.arp;
    const owner = index.macOwner.get(a.senderMac);
    const ownerName = owner ? index.short(owner, lang) : a.senderMac;
    const text = a.op === 'request' ? `ARP ${a.targetIp}? (${a.senderIp})` : `ARP ${a.senderIp} = ${ownerName}`;
    return { kind: 'arp', op: a.op, targetIp: a.targetIp, senderIp: a.senderIp, owner: ownerName, text };
  }
  const ip = frame.ip;
  if (!ip) return null;
  const rewrites: Rewrite[] = [];
  let outer: LabelField[];
  let inner: LabelField[] | null = null;
  if (ip.proto === 'ipip' && ip.inner) {
    const encap = has(changes, 'ip', 'encap');
    outer = addrFields(ip, 'ip', changes, ip).map((f) => ({ ...f, changed: f.changed || encap }));
    // The outer header carries no transport of its own: drop the port logic's effect.
    outer = outer.map((f) => ({ ...f, value: f.value.split(':')[0] ?? f.value }));
    inner = addrFields(ip.inner.ip, 'inner', changes, { ...ip.inner.ip, ...(ip.inner.tcp ? { tcp: ip.inner.tcp } : {}) });
    if (encap) rewrites.push('encap');
  } else {
    outer = addrFields(ip, 'ip', changes, ip);
  }
  if (has(changes, 'ip', 'decap')) rewrites.push('decap');
  const addrLayer = inner ? inner : outer;
  const prevIp = prev?.ip ? (innerOf(prev.ip) ?? prev.ip) : undefined;
  if (prevIp) {
    const before = addrFields(prevIp, inner ? 'inner' : 'ip', changes, prevIp);
    addrLayer.forEach((f, i) => {
      const was = before[i]?.value;
      if (f.changed && was !== undefined && was !== f.value) addrLayer[i] = { ...f, was };
    });
  }
  if (addrLayer[1]?.changed) rewrites.push('dnat');
  if (addrLayer[0]?.changed) rewrites.push('snat');
  const holders = index.ipOwners.get(ip.dst) ?? [];
  const receiver = frame.to[0]?.host;
  if (holders.length > 1 && receiver !== undefined && holders.includes(receiver)) {
    const owner = index.macOwner.get(frame.eth.dst);
    // A MAC-only rewrite: the packet had reached one holder of the address, which sent it on
    // unchanged to another holder (DR's director); a router's new MACs are not a rewrite.
    const prevOwner = prev ? index.macOwner.get(prev.eth.dst) : undefined;
    const macOnly = prevOwner !== undefined && holders.includes(prevOwner) && !outer.some((f) => f.changed)
      && has(changes, 'eth', 'dst');
    outer.push({ name: 'DMAC', value: owner ? index.short(owner, lang) : frame.eth.dst, changed: macOnly });
    if (macOnly) rewrites.push('mac');
  }
  const text = inner ? `${fieldsText(outer)} [ ${fieldsText(inner)} ]` : fieldsText(outer);
  return { kind: 'ip', outer, inner, rewrites, text };
}
