/**
 * Locality-based least-connection with replication, net/netfilter/ipvs/ip_vs_lblcr.c.
 *
 * Keyed by the packet's destination address (input.vaddr); each entry holds a set of dests,
 * newest first (list_add_rcu). On a hit: the set's weighted-least dest is found first; then,
 * if the set has more than one dest and was last changed more than the expiration ago
 * (strictly), its weighted-most dest is erased — possibly the very dest just found, which
 * is still used. If the found dest is missing or lblc-overloaded, wlc picks over the whole
 * service and the pick joins the set. A miss makes a new entry from wlc's pick.
 */
import type { DestState, ServiceState } from '../types';
import type { Scheduler } from './scheduler';
import {
  DEFAULT_EXPIRATION_MS,
  LBL_MAX_SIZE,
  lblOverloaded,
  newLblTable,
  runLblTimers,
  type LblEntry,
  type LblTable,
} from './lbl-table';
import { connOverhead, weightedLeast } from './overhead';
import { ownData } from './sched-data';

export interface LblcrOptions {
  /** net.ipv4.vs.lblcr_expiration, ms. */
  readonly expirationMs?: number;
}

interface DestSet {
  dests: DestState[];
  lastmod: number;
}

interface LblcrEntry extends LblEntry {
  readonly set: DestSet;
}

interface LblcrData extends LblTable<LblcrEntry> {
  readonly kind: 'lblcr';
}

/** ip_vs_dest_set_min(): like wlc over the set, but also requiring CF_AVAILABLE. */
function setMin(set: DestSet): DestState | null {
  const ds = set.dests;
  let i = 0;
  let least: DestState | null = null;
  for (; i < ds.length; i++) {
    const d = ds[i] as DestState;
    if (d.overloaded) continue;
    if (d.config.weight > 0 && d.available) {
      least = d;
      break;
    }
  }
  if (least === null) return null;
  let loh = connOverhead(least);
  for (i++; i < ds.length; i++) {
    const d = ds[i] as DestState;
    if (d.overloaded) continue;
    const doh = connOverhead(d);
    if (loh * d.config.weight > doh * least.config.weight && d.available) {
      least = d;
      loh = doh;
    }
  }
  return least;
}

/** ip_vs_dest_set_max(): the first of the heaviest with weight > 0; flags not consulted. */
function setMax(set: DestSet): DestState | null {
  const ds = set.dests;
  const i = ds.findIndex((d) => d.config.weight > 0);
  if (i < 0) return null;
  let most = ds[i] as DestState;
  let moh = connOverhead(most);
  for (const d of ds.slice(i + 1)) {
    const doh = connOverhead(d);
    if (moh * d.config.weight < doh * most.config.weight && d.config.weight > 0) {
      most = d;
      moh = doh;
    }
  }
  return most;
}

function setInsert(set: DestSet, dest: DestState, now: number): void {
  if (set.dests.includes(dest)) return;
  set.dests.unshift(dest);
  set.lastmod = now;
}

function init(): LblcrData {
  return { kind: 'lblcr', ...newLblTable<LblcrEntry>() };
}

export function createLblcr(opts: LblcrOptions = {}): Scheduler {
  const expirationMs = opts.expirationMs ?? DEFAULT_EXPIRATION_MS;
  const data = (svc: ServiceState): LblcrData => ownData(svc, 'lblcr', init);
  return {
    name: 'lblcr',
    initService(svc) {
      svc.schedData = init();
      return svc.schedData;
    },
    onDestsChanged: () => undefined,
    schedule(svc, input) {
      const tbl = data(svc);
      const now = input.now;
      runLblTimers(tbl, now, expirationMs);
      const en = tbl.entries.get(input.vaddr);
      if (en) {
        en.lastuse = now;
        const found = setMin(en.set);
        if (en.set.dests.length > 1 && now > en.set.lastmod + expirationMs) {
          const m = setMax(en.set);
          if (m) {
            en.set.dests.splice(en.set.dests.indexOf(m), 1);
            en.set.lastmod = now;
          }
        }
        if (found && !lblOverloaded(found, svc.dests)) return found;
        const dest = weightedLeast(svc.dests, connOverhead);
        if (dest === null) return null;
        setInsert(en.set, dest, now);
        return dest;
      }
      const dest = weightedLeast(svc.dests, connOverhead);
      if (dest === null) return null;
      if (tbl.count > LBL_MAX_SIZE) return dest;
      tbl.entries.set(input.vaddr, { addr: input.vaddr, lastuse: now, set: { dests: [dest], lastmod: now } });
      tbl.count++;
      return dest;
    },
  };
}

export const lblcr: Scheduler = createLblcr();
