/**
 * Pulling an interface's cable out of its segment and putting it back: the host itself runs on
 * (its timers, its sockets), but nothing it sends leaves and nothing reaches it. The bridge
 * forgets the MACs it learnt on that port (br_fdb_delete_by_port, as when a port loses carrier),
 * so frames for the host flood to the other ports, which ignore them.
 */
import type { Iface } from '../host/iface';
import type { SegmentPort } from './types';

/** The ports of unplugged interfaces, kept to plug them back. */
const PULLED = new WeakMap<Iface, SegmentPort>();

/** Pulls `iface`'s cable; false if it had none (lo, tunl0) or it was already out. */
export function unplug(iface: Iface): boolean {
  const port = iface.port;
  if (port === undefined) return false;
  PULLED.set(iface, port);
  iface.port = undefined;
  const seg = port.segment;
  const at = seg.floodOrder.indexOf(iface);
  if (at >= 0) seg.floodOrder.splice(at, 1);
  seg.fdb.forget(iface);
  return true;
}

/** Plugs a pulled cable back into the same port; false if it was not pulled. */
export function replug(iface: Iface): boolean {
  const port = PULLED.get(iface);
  if (port === undefined) return false;
  PULLED.delete(iface);
  iface.port = port;
  const seg = port.segment;
  // The flood order is the ports' attachment order reversed (segment.ts): put it back in its place.
  const plugged = seg.ports.filter((p) => p === iface || seg.floodOrder.includes(p));
  seg.floodOrder.splice(0, seg.floodOrder.length, ...plugged.reverse());
  return true;
}

export function isUnplugged(iface: Iface): boolean {
  return PULLED.has(iface);
}
