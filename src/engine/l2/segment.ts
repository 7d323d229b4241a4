/**
 * Layer 2: a switch (one broadcast domain, a learning bridge) or a point-to-point link. One
 * transmitted frame is one hop in the trace, listing every interface that receives it.
 * Broadcasts and unknown unicast flood to every other port, newest-attached first as the Linux
 * bridge's port list is ordered (br_add_if adds at the head); that order decides who answers an
 * ARP request first when several hosts answer.
 */
import { isGroupMac } from '../addr/mac';
import type { Endpoint, Iface } from '../host/iface';
import type { Frame } from '../wire/repr';
import type { World } from '../sim/world';

export function transmitFrame(w: World, out: Iface, frame: Frame, conn: number): void {
  const segId = out.segmentId;
  if (segId === undefined) return;
  const seg = w.segments.get(segId);
  if (!seg) return;
  let receivers: Iface[];
  if (seg.kind === 'link') {
    receivers = seg.ports.filter((p) => p !== out);
  } else {
    if (seg.fdb.get(frame.eth.src) !== out) seg.fdb.set(frame.eth.src, out);
    const known = isGroupMac(frame.eth.dst) ? undefined : seg.fdb.get(frame.eth.dst);
    receivers = known ? (known === out ? [] : [known]) : seg.floodOrder.filter((p) => p !== out);
  }
  const to: readonly Endpoint[] = receivers.length === 1 ? (receivers[0] as Iface).endpointList : receivers.map((r) => r.endpoint);
  w.trace.frame(w.now, seg.id, out.endpoint, to, frame, conn);
  const at = w.now + seg.latencyMs;
  for (const r of receivers) {
    w.inflight++;
    w.queue.push(at, { k: 'rx', iface: r, frame, conn });
  }
}
