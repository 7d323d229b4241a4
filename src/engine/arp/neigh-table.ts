/**
 * A host's neighbour (ARP) cache with Linux's NUD states (net/core/neighbour.c). Entries are
 * per interface. Time is always passed in; REACHABLE ages to STALE lazily when looked at.
 * Defaults as the kernel's arp_tbl: mcast_solicit 3, ucast_solicit 3, retrans_time 1 s,
 * base_reachable_time 30 s (randomised to 15–45 s), delay_first_probe_time 5 s, locktime 1 s.
 */
import type { Ipv4 } from '../addr/ipv4';
import type { Mac } from '../addr/mac';
import type { EthernetRepr, Ipv4Repr } from '../wire/repr';

export type NudState = 'INCOMPLETE' | 'REACHABLE' | 'STALE' | 'DELAY' | 'PROBE' | 'FAILED' | 'PERMANENT';

export const ARP_MCAST_SOLICIT = 3;
export const ARP_UCAST_SOLICIT = 3;
export const ARP_RETRANS_MS = 1_000;
export const ARP_BASE_REACHABLE_MS = 30_000;
export const ARP_DELAY_FIRST_PROBE_MS = 5_000;
export const ARP_LOCKTIME_MS = 1_000;
/** unres_qlen: packets kept while a resolution is pending. */
export const ARP_UNRES_QLEN = 101;

export interface Neigh {
  readonly ip: Ipv4;
  readonly ifIndex: number;
  mac: Mac | null;
  state: NudState;
  /** Last change of state or address (neigh->updated): locktime counts from it. */
  updated: number;
  /** Last proof of reachability (neigh->confirmed). */
  confirmed: number;
  reachableMs: number;
  probes: number;
  /** Bumped whenever a pending timer must be forgotten. */
  timerGen: number;
  queue: Array<{ ip: Ipv4Repr; conn: number }>;
  /**
   * The Ethernet header for frames to this neighbour (neigh->hh, the hardware header cache):
   * immutable, so every frame to it shares one until its address changes.
   */
  hh: EthernetRepr | undefined;
}

export class NeighTable {
  private byIf = new Map<number, Map<number, Neigh>>();
  /** The entry each interface last looked up (entries are never removed, only replaced by create). */
  private last: Array<Neigh | undefined> = [];

  get(ifIndex: number, ip: Ipv4): Neigh | undefined {
    const hit = this.last[ifIndex];
    if (hit !== undefined && hit.ip === ip) return hit;
    const n = this.byIf.get(ifIndex)?.get(ip);
    if (n !== undefined) this.last[ifIndex] = n;
    return n;
  }

  create(ifIndex: number, ip: Ipv4, now: number, reachableMs: number): Neigh {
    let m = this.byIf.get(ifIndex);
    if (!m) this.byIf.set(ifIndex, (m = new Map()));
    const n: Neigh = { ip, ifIndex, mac: null, state: 'INCOMPLETE', updated: now, confirmed: now - reachableMs, reachableMs, probes: 0, timerGen: 0, queue: [], hh: undefined };
    m.set(ip, n);
    this.last[ifIndex] = n;
    return n;
  }

  /**
   * `ip neigh flush`: removes every entry but permanent ones (of one interface, and only those
   * `match` accepts, if given) and returns how many went. A removed entry's pending timer finds its generation moved on.
   */
  flush(ifIndex?: number, match?: (n: Neigh) => boolean): number {
    let removed = 0;
    for (const [idx, m] of this.byIf) {
      if (ifIndex !== undefined && idx !== ifIndex) continue;
      for (const [ip, n] of m) {
        if (n.state === 'PERMANENT' || (match !== undefined && !match(n))) continue;
        n.timerGen++;
        n.queue = [];
        m.delete(ip);
        removed++;
      }
      this.last[idx] = undefined;
    }
    return removed;
  }

  /** `arp -d` (arp_invalidate): removes one entry; false when there is none. */
  delete(ifIndex: number, ip: Ipv4): boolean {
    const m = this.byIf.get(ifIndex);
    const n = m?.get(ip);
    if (!m || !n) return false;
    n.timerGen++;
    n.queue = [];
    m.delete(ip);
    if (this.last[ifIndex] === n) this.last[ifIndex] = undefined;
    return true;
  }

  /** Every entry, in interface then creation order (for `ip neigh` views). */
  all(): Neigh[] {
    const out: Neigh[] = [];
    for (const m of this.byIf.values()) for (const n of m.values()) out.push(n);
    return out;
  }
}

/** The state as `ip neigh` would show it at `now`: a REACHABLE entry past its time is STALE. */
export function stateAt(n: Neigh, now: number): NudState {
  if (n.state === 'REACHABLE' && now - n.confirmed >= n.reachableMs) return 'STALE';
  return n.state;
}

/** neigh_rand_reach_time: uniformly in [base/2, 3·base/2). */
export function randomReachableMs(u32: number): number {
  return (u32 % ARP_BASE_REACHABLE_MS) + (ARP_BASE_REACHABLE_MS >> 1);
}
