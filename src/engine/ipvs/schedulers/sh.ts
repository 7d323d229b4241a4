/**
 * Source hashing, net/netfilter/ipvs/ip_vs_sh.c.
 *
 * A 256-bucket table (CONFIG_IP_VS_SH_TAB_BITS = 8) is filled by walking the dest list
 * from its head, giving each dest `weight` consecutive buckets (a weight-0 dest still gets
 * one) and wrapping until all 256 are filled. It is rebuilt on every add, delete and edit.
 * The bucket for a connection is hash_32(ntohs(port) + ntohl(caddr), 8), where port is the
 * client's source port only with -b sh-port (flag-2), else 0.
 * A bucket whose dest has weight <= 0 or is overloaded gives "no destination" — unless
 * -b sh-fallback (flag-1): then buckets (offset + ihash + hash) & 255 are tried for
 * offset = 0..255, i.e. starting at 2 * ihash, not ihash + 1.
 */
import type { Ipv4 } from '../../addr/ipv4';
import type { DestState, ServiceState } from '../types';
import type { Scheduler } from './scheduler';
import { hash32, schedFlag1, schedFlag2 } from './hash';
import { ownData } from './sched-data';

export const SH_TAB_BITS = 8;
export const SH_TAB_SIZE = 1 << SH_TAB_BITS;
const SH_TAB_MASK = SH_TAB_SIZE - 1;

interface ShData {
  readonly kind: 'sh';
  buckets: (DestState | null)[];
}

/** ip_vs_sh_reassign(): `weight` buckets per dest, in list order, round and round. */
export function shBuckets(dests: readonly DestState[]): (DestState | null)[] {
  const out: (DestState | null)[] = [];
  let p = 0;
  let count = 0;
  for (let i = 0; i < SH_TAB_SIZE; i++) {
    if (dests.length === 0) {
      out.push(null);
      continue;
    }
    if (p === dests.length) p = 0;
    const d = dests[p] as DestState;
    out.push(d);
    if (++count >= d.config.weight) {
      p++;
      count = 0;
    }
  }
  return out;
}

/** ip_vs_sh_hashkey() for IPv4. */
export function shHashKey(addr: Ipv4, port: number, offset: number): number {
  return (offset + hash32((port + addr) >>> 0, SH_TAB_BITS)) & SH_TAB_MASK;
}

const unavailable = (d: DestState): boolean => d.config.weight <= 0 || d.overloaded;

function init(svc: ServiceState): ShData {
  return { kind: 'sh', buckets: shBuckets(svc.dests) };
}

const data = (svc: ServiceState): ShData => ownData(svc, 'sh', () => init(svc));

export const sh: Scheduler = {
  name: 'sh',
  initService(svc) {
    svc.schedData = init(svc);
    return svc.schedData;
  },
  onDestsChanged(svc) {
    data(svc).buckets = shBuckets(svc.dests);
  },
  schedule(svc, input) {
    const { buckets } = data(svc);
    const port = schedFlag2(svc.config) ? input.cport : 0;
    const ihash = shHashKey(input.caddr, port, 0);
    let d = buckets[ihash] ?? null;
    if (d === null) return null;
    if (!unavailable(d)) return d;
    if (!schedFlag1(svc.config)) return null;
    for (let offset = 0; offset < SH_TAB_SIZE; offset++) {
      const roffset = (offset + ihash) % SH_TAB_SIZE;
      d = buckets[shHashKey(input.caddr, port, roffset)] ?? null;
      if (d === null) break;
      if (!unavailable(d)) return d;
    }
    return null;
  },
};
