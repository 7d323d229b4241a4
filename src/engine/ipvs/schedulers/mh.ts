/**
 * Maglev hashing, net/netfilter/ipvs/ip_vs_mh.c.
 *
 * The lookup table has a prime size: primes[CONFIG_IP_VS_MH_TAB_INDEX - 8], 4093 for the
 * default index 12. Each dest, in list order, gets offset = hsiphash(v, hash1) % size and
 * skip = hsiphash(v, hash2) % (size - 1) + 1, where v = ntohs(dport) + ntohl(daddr) and the
 * keys are fixed: hash1 = {2654435761, 2654435761}, hash2 = {2654446892, 2654446892}.
 * Population walks the list round and round; each dest claims `turns` free slots in a row
 * along its permutation (offset, offset+skip, …), turns = ((last_weight / gcd) >> rshift)
 * or 1 for a non-zero last_weight. last_weight is the latest non-zero weight: a dest edited
 * to weight 0 keeps its slots but is then unavailable; one added with weight 0 gets none.
 * Lookup: slot hsiphash(offset + ntohs(port) + ntohl(caddr), hash1) % size, port only with
 * -b mh-port (flag-2); with -b mh-fallback (flag-1) an unavailable dest makes it try
 * offset = (i + ihash) % size for i = 0, 1, … until a slot holds an available dest.
 */
import type { Ipv4 } from '../../addr/ipv4';
import type { DestState, ServiceState } from '../types';
import type { Scheduler } from './scheduler';
import { schedFlag1, schedFlag2 } from './hash';
import { gcdOfPositive, maxOf } from './overhead';
import { ownData } from './sched-data';
import { hsiphashU32, type SipKey } from './siphash';

const PRIMES = [251, 509, 1021, 2039, 4093, 8191, 16381, 32749, 65521, 131071] as const;
/** CONFIG_IP_VS_MH_TAB_INDEX, Kconfig default (range 8..17). */
export const MH_TAB_INDEX_DEFAULT = 12;

const HASH1: SipKey = { k0: 2654435761n, k1: 2654435761n };
const HASH2: SipKey = { k0: 2654446892n, k1: 2654446892n };

export interface MhOptions {
  /** CONFIG_IP_VS_MH_TAB_INDEX, 8..17. */
  readonly tabIndex?: number;
}

interface MhData {
  readonly kind: 'mh';
  lookup: (DestState | null)[];
  /** dest->last_weight, which DestState does not carry. */
  lastWeight: Map<DestState, number>;
}

/** fls(): the 1-based index of the highest set bit, 0 for 0. */
const fls = (x: number): number => (x === 0 ? 0 : 32 - Math.clz32(x));

/** hashkey for a dest or a client: v = offset + port + addr as a u32, then hsiphash. */
export function mhHash(addr: Ipv4, port: number, key: 'hash1' | 'hash2', offset = 0): number {
  return hsiphashU32((offset + port + addr) >>> 0, key === 'hash1' ? HASH1 : HASH2);
}

/** ip_vs_mh_permutate + ip_vs_mh_populate. */
export function mhLookupTable(
  dests: readonly DestState[],
  lastWeight: (d: DestState) => number,
  tabIndex = MH_TAB_INDEX_DEFAULT,
): (DestState | null)[] {
  const size = mhTableSize(tabIndex);
  const lws = dests.map(lastWeight);
  const g = gcdOfPositive(lws);
  const table: (DestState | null)[] = new Array<DestState | null>(size).fill(null);
  if (g < 1) return table;
  // rshift keeps turns small: the bits of max/gcd above IP_VS_MH_TAB_BITS (index / 2).
  const shift = Math.max(0, fls(Math.trunc(maxOf(lws) / g)) - Math.trunc(tabIndex / 2));
  const setup = dests.map((d, i) => {
    const lw = lws[i] as number;
    const offset = mhHash(d.config.addr, d.config.port, 'hash1') % size;
    return {
      skip: (mhHash(d.config.addr, d.config.port, 'hash2') % (size - 1)) + 1,
      perm: offset,
      turns: Math.trunc(lw / g) >> shift || (lw !== 0 ? 1 : 0),
    };
  });
  const taken = new Uint8Array(size);
  let n = 0;
  let dtCount = 0;
  for (;;) {
    for (let i = 0; i < dests.length; ) {
      const ds = setup[i] as (typeof setup)[number];
      if (ds.turns < 1) {
        i++;
        continue;
      }
      while (taken[ds.perm] === 1) {
        ds.perm += ds.skip;
        if (ds.perm >= size) ds.perm -= size;
      }
      taken[ds.perm] = 1;
      table[ds.perm] = dests[i] as DestState;
      if (++n === size) return table;
      if (++dtCount >= ds.turns) {
        dtCount = 0;
        i++;
      }
    }
  }
}

/** IP_VS_MH_TAB_SIZE: primes[index - 8]. */
export function mhTableSize(tabIndex = MH_TAB_INDEX_DEFAULT): number {
  const p = PRIMES[tabIndex - 8];
  if (p === undefined) throw new RangeError(`CONFIG_IP_VS_MH_TAB_INDEX must be 8..17, not ${tabIndex}`);
  return p;
}

export function createMh(opts: MhOptions = {}): Scheduler {
  const tabIndex = opts.tabIndex ?? MH_TAB_INDEX_DEFAULT;
  const size = mhTableSize(tabIndex);

  // __ip_vs_update_dest: "keep the last_weight with latest non-0 weight"; a dest new to
  // the list is an add, which takes its weight even when 0.
  const rebuild = (svc: ServiceState, m: MhData): void => {
    const next = new Map<DestState, number>();
    for (const d of svc.dests) {
      const prev = m.lastWeight.get(d);
      next.set(d, prev === undefined || d.config.weight !== 0 ? d.config.weight : prev);
    }
    m.lastWeight = next;
    m.lookup = mhLookupTable(svc.dests, (d) => next.get(d) ?? 0, tabIndex);
  };
  const init = (svc: ServiceState): MhData => {
    const m: MhData = { kind: 'mh', lookup: [], lastWeight: new Map() };
    rebuild(svc, m);
    return m;
  };
  const data = (svc: ServiceState): MhData => ownData(svc, 'mh', () => init(svc));
  const unavailable = (d: DestState): boolean => d.config.weight <= 0 || d.overloaded;

  return {
    name: 'mh',
    initService(svc) {
      svc.schedData = init(svc);
      return svc.schedData;
    },
    onDestsChanged(svc) {
      rebuild(svc, data(svc));
    },
    schedule(svc, input) {
      const { lookup } = data(svc);
      const port = schedFlag2(svc.config) ? input.cport : 0;
      const ihash = mhHash(input.caddr, port, 'hash1') % size;
      let d = lookup[ihash] ?? null;
      if (d === null) return null;
      if (!unavailable(d)) return d;
      if (!schedFlag1(svc.config)) return null;
      for (let offset = 0; offset < size; offset++) {
        const roffset = (offset + ihash) % size;
        d = lookup[mhHash(input.caddr, port, 'hash1', roffset) % size] ?? null;
        if (d === null) break;
        if (!unavailable(d)) return d;
      }
      return null;
    },
  };
}

export const mh: Scheduler = createMh();
