/**
 * The same packet on its previous hop, and what changed between the two: the inspector's diff
 * and the label's highlights. "The same packet" = the frame that last arrived at this frame's
 * sender carrying the same TCP segment (seq, ack, flags, length: IPVS rewrites addresses and
 * ports, never these) and the same connection.
 */
import type { FrameEventJson, IpJson, TcpJson, TraceEventJson } from '../../engine';

const segmentOf = (ip: IpJson | undefined): TcpJson | undefined => ip?.inner?.tcp ?? ip?.tcp;

function sameSegment(a: FrameEventJson, b: FrameEventJson): boolean {
  const ta = segmentOf(a.ip), tb = segmentOf(b.ip);
  if (!ta || !tb) return false;
  if (a.conn !== undefined && b.conn !== undefined && a.conn !== b.conn) return false;
  return ta.seq === tb.seq && ta.ack === tb.ack && ta.len === tb.len && ta.flags.join() === tb.flags.join();
}

/** Index of the previous hop of the frame at `index`, or -1 (first hop, ARP, not a frame). */
export function previousHop(events: readonly TraceEventJson[], index: number): number {
  const cur = events[index];
  if (!cur || cur.kind !== 'frame' || !cur.ip) return -1;
  for (let j = index - 1; j >= 0; j--) {
    const e = events[j];
    if (e?.kind === 'frame' && e.ip && e.to.some((t) => t.host === cur.from.host) && sameSegment(e, cur)) return j;
  }
  return -1;
}

export type Layer = 'eth' | 'ip' | 'inner' | 'tcp';

export interface FieldChange {
  layer: Layer;
  field: string;
  before: string | number | undefined;
  after: string | number | undefined;
}

function cmp(out: FieldChange[], layer: Layer, field: string, before: string | number | undefined, after: string | number | undefined) {
  if (before !== after) out.push({ layer, field, before, after });
}

/** Fields that differ from `prev` to `cur`: MACs, IP addresses and TTL, ports, encapsulation. */
export function diffFrames(prev: FrameEventJson, cur: FrameEventJson): FieldChange[] {
  const out: FieldChange[] = [];
  cmp(out, 'eth', 'src', prev.eth.src, cur.eth.src);
  cmp(out, 'eth', 'dst', prev.eth.dst, cur.eth.dst);
  const p = prev.ip, c = cur.ip;
  if (!p || !c) return out;
  // The address pair the transport belongs to: the inner header once encapsulated.
  const pInner = p.inner?.ip ?? p, cInner = c.inner?.ip ?? c;
  if (c.proto === 'ipip' && p.proto !== 'ipip') {
    out.push({ layer: 'ip', field: 'encap', before: undefined, after: `${c.src} → ${c.dst}` });
  } else if (c.proto !== 'ipip' && p.proto === 'ipip') {
    out.push({ layer: 'ip', field: 'decap', before: `${p.src} → ${p.dst}`, after: undefined });
  } else if (c.proto === 'ipip') {
    cmp(out, 'ip', 'src', p.src, c.src);
    cmp(out, 'ip', 'dst', p.dst, c.dst);
    cmp(out, 'ip', 'ttl', p.ttl, c.ttl);
  }
  const innerLayer: Layer = c.proto === 'ipip' ? 'inner' : 'ip';
  cmp(out, innerLayer, 'src', pInner.src, cInner.src);
  cmp(out, innerLayer, 'dst', pInner.dst, cInner.dst);
  if (c.proto !== 'ipip') cmp(out, 'ip', 'ttl', p.ttl, c.ttl);
  const pt = segmentOf(p), ct = segmentOf(c);
  if (pt && ct) {
    cmp(out, 'tcp', 'sport', pt.sport, ct.sport);
    cmp(out, 'tcp', 'dport', pt.dport, ct.dport);
  }
  return out;
}
