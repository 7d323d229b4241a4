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
  let one: Iface | undefined;
  if (seg.kind === 'link') {
    one = seg.ports[0] === out ? seg.ports[1] : seg.ports[0];
  } else {
    if (seg.fdb.get(frame.eth.src) !== out) seg.fdb.set(frame.eth.src, out);
    if (!isGroupMac(frame.eth.dst)) one = seg.fdb.get(frame.eth.dst);
    if (one === out) return;
  }
  const at = w.now + seg.latencyMs;
  if (one) {
    // The common case, a unicast hop to a known port: no receiver list to build.
    w.trace.frame(w.now, seg.id, out.endpoint, one.endpointList, frame, conn);
    w.inflight++;
    w.queue.push(at, { k: 'rx', iface: one, frame, conn });
    return;
  }
  const receivers = seg.floodOrder.filter((p) => p !== out);
  const to: readonly Endpoint[] = receivers.length === 1 ? (receivers[0] as Iface).endpointList : receivers.map((r) => r.endpoint);
  w.trace.frame(w.now, seg.id, out.endpoint, to, frame, conn);
  for (const r of receivers) {
    w.inflight++;
    w.queue.push(at, { k: 'rx', iface: r, frame, conn });
  }
}
