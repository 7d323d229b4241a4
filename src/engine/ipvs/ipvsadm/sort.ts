/**
 * The order `ipvsadm -L` and `-S` print in: libipvs.c ipvs_sort_services / ipvs_sort_dests,
 * which qsort(3) the kernel's lists with ipvs_cmp_services / ipvs_cmp_dests.
 *
 * The comparators subtract unsigned 32-bit values into an int, so two addresses (or marks)
 * 2^31 or more apart compare backwards: 10.0.0.1 sorts after 192.168.0.1, because
 * 0x0a000001 - 0xc0a80001 wraps to a positive int. Such a comparator is not transitive,
 * so the result depends on the algorithm; glibc's qsort is a top-down merge sort
 * (msort.c msort_with_tmp, reinstated in 2.39), reproduced here step for step.
 */
import type { DestState, ServiceState } from '../types';
import { IPPROTO } from './inet';

/** (int)(a - b) for two u32 values, as C computes it. */
const wrapDiff = (a: number, b: number): number => ((a >>> 0) - (b >>> 0)) | 0;

/** ipvs_cmp_services(): fwmark, (af), protocol, address, port. */
export function cmpServices(s1: ServiceState, s2: ServiceState): number {
  const a = s1.config;
  const b = s2.config;
  return (
    wrapDiff(a.fwmark, b.fwmark) ||
    IPPROTO[a.proto] - IPPROTO[b.proto] ||
    wrapDiff(a.vip, b.vip) ||
    a.port - b.port
  );
}

/** ipvs_cmp_dests(): address, then port. */
export function cmpDests(d1: DestState, d2: DestState): number {
  return wrapDiff(d1.config.addr, d2.config.addr) || d1.config.port - d2.config.port;
}

/** glibc msort_with_tmp(): halves (n/2 first), left wins ties; returns a new array. */
export function glibcQsort<T>(items: readonly T[], cmp: (a: T, b: T) => number): T[] {
  if (items.length <= 1) return items.slice();
  const n1 = Math.floor(items.length / 2);
  const left = glibcQsort(items.slice(0, n1), cmp);
  const right = glibcQsort(items.slice(n1), cmp);
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const l = left[i] as T;
    const r = right[j] as T;
    if (cmp(l, r) <= 0) {
      out.push(l);
      i++;
    } else {
      out.push(r);
      j++;
    }
  }
  return out.concat(left.slice(i), right.slice(j));
}
