/**
 * hash_32() of include/linux/hash.h (generic: x86-64 has no arch version) and the
 * -b scheduler flags as the kernel sees them.
 *
 * The engine's Ipv4 is a host-order uint32, which is exactly what the kernel hashes after
 * ntohl(addr): no byte swapping is needed here. Ports are likewise ntohs()'d in the kernel.
 */
import type { ServiceConfig } from '../types';

export const GOLDEN_RATIO_32 = 0x61c88647;

/** hash_32(val, bits) = (val * GOLDEN_RATIO_32 mod 2^32) >> (32 - bits). */
export function hash32(val: number, bits: number): number {
  return Math.imul(val >>> 0, GOLDEN_RATIO_32) >>> (32 - bits);
}

/**
 * ipvsadm turns -b names into bits: sh-fallback, mh-fallback and flag-1 are all
 * IP_VS_SVC_F_SCHED1; sh-port, mh-port and flag-2 are IP_VS_SVC_F_SCHED2. The kernel only
 * sees the bits, so sh and mh read the same two.
 */
export function schedFlag1(cfg: ServiceConfig): boolean {
  return cfg.schedFlags.some((f) => f === 'flag-1' || f === 'sh-fallback' || f === 'mh-fallback');
}

export function schedFlag2(cfg: ServiceConfig): boolean {
  return cfg.schedFlags.some((f) => f === 'flag-2' || f === 'sh-port' || f === 'mh-port');
}
