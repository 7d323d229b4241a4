/**
 * Destination hashing, net/netfilter/ipvs/ip_vs_dh.c.
 *
 * A 256-bucket table (CONFIG_IP_VS_DH_TAB_BITS = 8) holds the dests one bucket each, in
 * list order, round and round (weights are not used); it is rebuilt on add and delete
 * (dh has no upd_dest, and needs none). The bucket is hash_32(ntohl(daddr), 8) of the
 * packet's destination address: the VIP, or whatever address a firewall-mark service
 * matched. No fallback: a bucket whose dest is not available, has weight <= 0 or is
 * overloaded gives "no destination".
 */
import type { DestState, ServiceState } from '../types';
import type { Scheduler } from './scheduler';
import { hash32 } from './hash';
import { ownData } from './sched-data';

export const DH_TAB_BITS = 8;
export const DH_TAB_SIZE = 1 << DH_TAB_BITS;

interface DhData {
  readonly kind: 'dh';
  buckets: (DestState | null)[];
}

/** ip_vs_dh_reassign(): one bucket per dest, in list order, round and round. */
export function dhBuckets(dests: readonly DestState[]): (DestState | null)[] {
  const out: (DestState | null)[] = [];
  for (let i = 0; i < DH_TAB_SIZE; i++) out.push(dests.length === 0 ? null : (dests[i % dests.length] as DestState));
  return out;
}

function init(svc: ServiceState): DhData {
  return { kind: 'dh', buckets: dhBuckets(svc.dests) };
}

const data = (svc: ServiceState): DhData => ownData(svc, 'dh', () => init(svc));

export const dh: Scheduler = {
  name: 'dh',
  initService(svc) {
    svc.schedData = init(svc);
    return svc.schedData;
  },
  onDestsChanged(svc) {
    data(svc).buckets = dhBuckets(svc.dests);
  },
  schedule(svc, input) {
    const d = data(svc).buckets[hash32(input.vaddr, DH_TAB_BITS)] ?? null;
    if (d === null || !d.available || d.config.weight <= 0 || d.overloaded) return null;
    return d;
  },
};
