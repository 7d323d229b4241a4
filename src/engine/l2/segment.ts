/**
 * Layer 2: a switch (one broadcast domain, a learning bridge) or a point-to-point link. One
 * transmitted frame is one hop in the trace, listing every interface that receives it.
 * Broadcasts and unknown unicast flood to every other port, newest-attached first as the Linux
 * bridge's port list is ordered (br_add_if adds at the head); that order decides who answers an
 * ARP request first when several hosts answer.
 */
import { isGroupMac } from '../addr/mac';
import type { Endpoint, Iface } from '../host/iface';
import type { ArpRepr, EthernetRepr, Frame, Ipv4Repr } from '../wire/repr';
import type { Hop } from '../sim/trace';
import { ipLength } from '../ipvs/ip-length';
import type { RxEvent, World } from '../sim/world';
import type { Segment, SegmentPort } from './types';

/** Plugs `iface` into `segment` (the segment lists its ports itself). */
export function plugIn(iface: Iface, segment: Segment): void {
  const port: SegmentPort = { segment, lastEth: undefined, lastFdbVersion: -1, lastTo: undefined };
  iface.segmentId = segment.id;
  iface.port = port;
}

export function transmitFrame(w: World, out: Iface, frame: Frame, conn: number): void {
  if (frame.type === 'ipv4') transmit(w, out, frame.eth, frame.ip, undefined, conn);
  else transmit(w, out, frame.eth, undefined, frame.arp, conn);
}

/** transmitFrame for an IPv4 packet, from its parts (the hot path builds no Frame record). */
export function transmitIpv4(w: World, out: Iface, eth: EthernetRepr, ip: Ipv4Repr, conn: number): void {
  transmit(w, out, eth, ip, undefined, conn);
}

/** The frame arriving at `iface`; exactly one of ip and arp is set. */
function rxEvent(iface: Iface, conn: number, eth: EthernetRepr, ip: Ipv4Repr | undefined, arp: ArpRepr | undefined): RxEvent {
  return { k: 'rx', iface, conn, eth, type: ip ? 'ipv4' : 'arp', ip, arp } as RxEvent;
}

/** skb->len of a frame at an Ethernet device: the 14-byte header and the packet (no FCS, no padding on veth). */
export function frameLength(ip: Ipv4Repr | undefined): number {
  return ip ? 14 + ipLength(ip) : ARP_FRAME_LEN;
}

/** Ethernet header + ARP for IPv4 over Ethernet (28 bytes). */
const ARP_FRAME_LEN = 42;

function transmit(w: World, out: Iface, eth: EthernetRepr, ip: Ipv4Repr | undefined, arp: ArpRepr | undefined, conn: number): void {
  if (w.taps !== undefined) w.taps(out, 'out', ip ? { eth, type: 'ipv4', ip } : { eth, type: 'arp', arp: arp as ArpRepr });
  const len = frameLength(ip);
  out.stats.txPackets++;
  out.stats.txBytes += len;
  const port = out.port;
  if (port === undefined) return;
  const seg = port.segment;
  let one: Iface | undefined;
  if (seg.kind === 'link') {
    one = seg.ports[0] === out ? seg.ports[1] : seg.ports[0];
    // The far end's cable is out (l2/cable.ts): the frame reaches nobody.
    if (one?.port === undefined) one = undefined;
  } else {
    const fdb = seg.fdb;
    if (port.lastEth === eth && port.lastFdbVersion === fdb.version) one = port.lastTo;
    else {
      if (fdb.get(eth.src) !== out) fdb.set(eth.src, out);
      if (!isGroupMac(eth.dst)) one = fdb.get(eth.dst);
      port.lastEth = eth;
      port.lastFdbVersion = fdb.version;
      port.lastTo = one;
    }
    if (one === out) return;
  }
  if (one) {
    // The common case, a unicast hop to a known port: no receiver list to build.
    const ev = rxEvent(one, conn, eth, ip, arp);
    w.trace.frameOn(w.now, w.trace.retain ? hopOf(seg, out, one) : NO_HOP, ev, conn);
    w.inflight++;
    w.queue.pushAfter(w.now, seg.latencyMs, ev);
    return;
  }
  const events: RxEvent[] = [];
  for (const p of seg.floodOrder) if (p !== out) events.push(rxEvent(p, conn, eth, ip, arp));
  w.trace.frameOn(w.now, w.trace.retain ? hopOf(seg, out, null) : NO_HOP, events[0] ?? rxEventless(eth, ip, arp), conn);
  for (const ev of events) {
    w.inflight++;
    w.queue.pushAfter(w.now, seg.latencyMs, ev);
  }
}

/** The frame of a flood that reaches nobody (a switch with one port): traced all the same. */
function rxEventless(eth: EthernetRepr, ip: Ipv4Repr | undefined, arp: ArpRepr | undefined): Frame {
  return ip ? { eth, type: 'ipv4', ip } : { eth, type: 'arp', arp: arp as ArpRepr };
}

/** Streaming runs keep no events, so they need no hop record. */
const NO_HOP: Hop = { segment: '', from: { host: '', if: '' }, to: [] };

/** Hop records by sender, then by receiver (null: flooded to every other port). */
const HOPS = new WeakMap<Iface, Map<Iface | null, Hop>>();

/** The shared record of a hop from `out` to `one` (or flooded): a retained trace keeps one per pair, not one per frame. */
function hopOf(seg: Segment, out: Iface, one: Iface | null): Hop {
  let byTo = HOPS.get(out);
  if (!byTo) HOPS.set(out, (byTo = new Map()));
  let hop = byTo.get(one);
  if (!hop) {
    let to: readonly Endpoint[];
    if (one) to = one.endpointList;
    else {
      const receivers = seg.floodOrder.filter((p) => p !== out);
      to = receivers.length === 1 ? (receivers[0] as Iface).endpointList : receivers.map((r) => r.endpoint);
    }
    hop = { segment: seg.id, from: out.endpoint, to };
    byTo.set(one, hop);
  }
  return hop;
}
