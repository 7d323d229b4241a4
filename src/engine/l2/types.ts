/**
 * Layer 2's record: a segment, as the kernel would see a bridge with its ports (or a cable
 * between two interfaces). Interfaces point at their segment; the kernels that read an
 * interface (ARP policy, routing, the fdb) need this type, and nothing of the simulator.
 */
import type { Iface } from '../host/iface';
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
