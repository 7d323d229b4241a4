/**
 * Layer 2's records: a segment, as the kernel would see a bridge with its ports (or a cable
 * between two interfaces), and an interface's port on it. Interfaces point at their port; the
 * kernels that read an interface (ARP policy, routing, the fdb) need these types, and nothing of
 * the simulator.
 */
import type { Iface } from '../host/iface';
import type { EthernetRepr } from '../wire/repr';
import type { Fdb } from './fdb';

export interface Segment {
  readonly id: string;
  readonly kind: 'switch' | 'link';
  readonly latencyMs: number;
  /** In attachment order. */
  readonly ports: Iface[];
  /** The bridge's forwarding database: MAC → port, learned from source addresses. */
  readonly fdb: Fdb;
  /** Flood order: the Linux bridge adds ports at the head of its list, so the newest first. */
  readonly floodOrder: Iface[];
}

/**
 * An interface's place on its segment (the bridge port that a net_device points to once
 * enslaved), with what the last frame it sent learned: its header, the fdb's version then, and
 * the one interface it reached (undefined: flooded). Most frames repeat the last header, so
 * while the fdb is unchanged the next one needs no lookup.
 */
export interface SegmentPort {
  readonly segment: Segment;
  lastEth: EthernetRepr | undefined;
  lastFdbVersion: number;
  lastTo: Iface | undefined;
}
