/** A three-port switch (A, B, C) for layer-2 tests, an ARP frame to send on it, and who got what. */
import { ip } from '../engine/addr/ipv4';
import { MAC_ZERO } from '../engine/addr/mac';
import type { Iface } from '../engine/host/iface';
import { Fdb } from '../engine/l2/fdb';
import { plugIn } from '../engine/l2/segment';
import type { Segment } from '../engine/l2/types';
import { Trace } from '../engine/sim/trace';
import { createWorld, type World } from '../engine/sim/world';
import type { EthernetRepr, Frame } from '../engine/wire/repr';
import { testIface } from './builders';

export function threePortLan(): { w: World; seg: Segment; a: Iface; b: Iface; c: Iface } {
  const w = createWorld(1, new Trace(false, 1000));
  const [a, b, c] = ['A', 'B', 'C'].map((h) => testIface('eth0', [], { hostId: h })) as [Iface, Iface, Iface];
  const seg: Segment = { id: 'sw', kind: 'switch', latencyMs: 1, ports: [a, b, c], fdb: new Fdb(), floodOrder: [c, b, a] };
  for (const i of [a, b, c]) plugIn(i, seg);
  return { w, seg, a, b, c };
}

export const arpFrame = (eth: EthernetRepr): Frame => ({
  eth, type: 'arp', arp: { op: 'reply', senderMac: eth.src, senderIp: ip('10.0.0.1'), targetMac: MAC_ZERO, targetIp: ip('10.0.0.2') },
});

/** Who receives the frames in flight, in queue order (and empties the queue). */
export function receivers(w: World): string[] {
  const out: string[] = [];
  for (let e = w.queue.pop(); e; e = w.queue.pop()) if (e.item.k === 'rx') out.push(e.item.iface.hostId);
  return out;
}
