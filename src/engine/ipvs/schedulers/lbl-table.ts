/**
 * The per-destination-address table lblc and lblcr keep, and its garbage collector
 * (net/netfilter/ipvs/ip_vs_lblc.c and ip_vs_lblcr.c share this shape).
 *
 * Entries are keyed by the packet's destination address and are never checked for age on
 * lookup: only a periodic timer removes them. The timer first fires CHECK_EXPIRE_INTERVAL
 * after the service is made (we take that as simulated time 0) and then every interval:
 * - every 30th run (counter % 30 == 0) is a full check that drops entries unused for
 *   the expiration time (sysctl lblc_expiration / lblcr_expiration, default 24 h);
 * - otherwise, only while there are more than max_size (1024 * 16) entries, it drops
 *   entries unused for ENTRY_TIMEOUT (6 min), bucket by bucket from the rover, until
 *   (entries - max_size) * 4 / 3 (at most max_size / 2) are gone.
 * `count` is the kernel's atomic `entries`, which lblc never decrements when it replaces
 * an entry: we keep that.
 */
import type { Ipv4 } from '../../addr/ipv4';
import type { DestState } from '../types';
import { hash32 } from './hash';

export const CHECK_EXPIRE_INTERVAL_MS = 60_000;
export const ENTRY_TIMEOUT_MS = 6 * 60_000;
export const DEFAULT_EXPIRATION_MS = 24 * 60 * 60_000;
const COUNT_FOR_FULL_EXPIRATION = 30;
/** CONFIG_IP_VS_LBLC_TAB_BITS / CONFIG_IP_VS_LBLCR_TAB_BITS default. */
export const LBL_TAB_BITS = 10;
const LBL_TAB_SIZE = 1 << LBL_TAB_BITS;
const LBL_TAB_MASK = LBL_TAB_SIZE - 1;
export const LBL_MAX_SIZE = LBL_TAB_SIZE * 16;

export interface LblEntry {
  readonly addr: Ipv4;
  lastuse: number;
}

export interface LblTable<E extends LblEntry> {
  readonly entries: Map<Ipv4, E>;
  count: number;
  rover: number;
  counter: number;
  nextTimerAt: number;
}

export function newLblTable<E extends LblEntry>(): LblTable<E> {
  return { entries: new Map(), count: 0, rover: 0, counter: 1, nextTimerAt: CHECK_EXPIRE_INTERVAL_MS };
}

/** Deletes, bucket by bucket from rover + 1, the entries `stale` says to; stops after a bucket once `enough` says so. */
function sweep<E extends LblEntry>(tbl: LblTable<E>, stale: (e: E) => boolean, enough: () => boolean): void {
  const buckets = new Map<number, E[]>();
  for (const e of tbl.entries.values()) {
    const b = hash32(e.addr, LBL_TAB_BITS);
    const list = buckets.get(b);
    if (list) list.push(e);
    else buckets.set(b, [e]);
  }
  let j = tbl.rover;
  for (let i = 0; i < LBL_TAB_SIZE; i++) {
    j = (j + 1) & LBL_TAB_MASK;
    for (const e of buckets.get(j) ?? []) {
      if (!stale(e)) continue;
      tbl.entries.delete(e.addr);
      tbl.count--;
    }
    if (enough()) break;
  }
  tbl.rover = j;
}

/** ip_vs_lblc_check_expire() at simulated time `t`. */
function checkExpire<E extends LblEntry>(tbl: LblTable<E>, t: number, expirationMs: number): void {
  if (tbl.counter % COUNT_FOR_FULL_EXPIRATION === 0) {
    sweep(tbl, (e) => !(t < e.lastuse + expirationMs), () => false);
    tbl.counter = 1;
    return;
  }
  if (tbl.count <= LBL_MAX_SIZE) {
    tbl.counter++;
    return;
  }
  let goal = Math.trunc(((tbl.count - LBL_MAX_SIZE) * 4) / 3);
  if (goal > LBL_MAX_SIZE / 2) goal = LBL_MAX_SIZE / 2;
  sweep(
    tbl,
    (e) => {
      const stale = !(t < e.lastuse + ENTRY_TIMEOUT_MS);
      if (stale) goal--;
      return stale;
    },
    () => goal <= 0,
  );
}

/** Runs every timer tick due at or before `now` (a tick and a packet in the same instant: tick first). */
export function runLblTimers<E extends LblEntry>(tbl: LblTable<E>, now: number, expirationMs: number): void {
  while (tbl.nextTimerAt <= now) {
    checkExpire(tbl, tbl.nextTimerAt, expirationMs);
    tbl.nextTimerAt += CHECK_EXPIRE_INTERVAL_MS;
  }
}

/**
 * lblc/lblcr's own is_overloaded(): more active connections than weight while some dest
 * of the service (any, even quiesced or flagged) has activeconns * 2 < weight.
 */
export function lblOverloaded(dest: DestState, all: readonly DestState[]): boolean {
  if (dest.activeConns > dest.config.weight) {
    for (const d of all) if (d.activeConns * 2 < d.config.weight) return true;
  }
  return false;
}
