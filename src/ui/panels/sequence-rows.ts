/**
 * The sequence diagram as data: one column per host, ordered left to right as the topology
 * draws them, and one row per frame (or drop) of the current depth, labelled with L3 or L2
 * addresses. Pure, so the view only draws.
 */
import type { Scenario, TraceJson, IpJson } from '../../engine';
import type { Lang } from '../i18n/i18n';
import { innerOf } from '../trace/event-row';
import { EPHEMERAL_PORT_MIN } from '../trace/packet-label';
import type { HostIndex } from '../trace/host-index';

export type SeqLayer = 'l3' | 'l2';

export interface SeqRow {
  /** Position in the depth's steps. */
  cursor: number;
  event: number;
  from: number;
  to: number[];
  kind: 'ipv4' | 'arp' | 'drop';
  text: string;
}

/** `10.11.12.13 → 11.12.13.14:80 SYN`: the service port only, as on the slides, to fit a row. */
function compactL3(ip: IpJson | undefined): string {
  if (!ip) return '';
  const inner = innerOf(ip);
  if (inner) return `IPIP→${ip.dst}: ${compactL3(inner)}`;
  const l4 = ip.tcp ?? ip.udp;
  const port = l4 && l4.dport < EPHEMERAL_PORT_MIN ? `:${l4.dport}` : '';
  return `${ip.src} → ${ip.dst}${port}${ip.tcp ? ` ${ip.tcp.flags.join(',')}` : ''}`;
}

export function sequenceColumns(scenario: Scenario): string[] {
  return [...scenario.hosts]
    .map((h, i) => ({ id: h.id, x: h.position?.x ?? i * 100, y: h.position?.y ?? 0 }))
    .sort((a, b) => a.x - b.x || a.y - b.y)
    .map((h) => h.id);
}

export function sequenceRows(trace: TraceJson, steps: readonly number[], columns: readonly string[], hosts: HostIndex, lang: Lang, layer: SeqLayer): SeqRow[] {
  const col = new Map(columns.map((id, i) => [id, i]));
  const rows: SeqRow[] = [];
  steps.forEach((ev, cursor) => {
    const e = trace.events[ev];
    if (!e) return;
    if (e.kind === 'drop') {
      rows.push({ cursor, event: ev, from: col.get(e.host) ?? 0, to: [], kind: 'drop', text: `✕ ${e.reason}` });
      return;
    }
    if (e.kind !== 'frame') return;
    const from = col.get(e.from.host) ?? 0;
    const to = e.to.map((r) => col.get(r.host) ?? 0);
    if (e.arp) {
      const a = e.arp;
      rows.push({ cursor, event: ev, from, to, kind: 'arp', text: a.op === 'request' ? `ARP who-has ${a.targetIp}` : `ARP ${a.senderIp} is-at ${a.senderMac}` });
      return;
    }
    const owner = (mac: string) => {
      const h = hosts.macOwner.get(mac);
      return h ? hosts.short(h, lang) : mac;
    };
    const text = layer === 'l2'
      ? `${owner(e.eth.src)} → ${owner(e.eth.dst)}  (…${e.eth.src.slice(-5)} → …${e.eth.dst.slice(-5)})`
      : compactL3(e.ip);
    rows.push({ cursor, event: ev, from, to, kind: 'ipv4', text });
  });
  return rows;
}
