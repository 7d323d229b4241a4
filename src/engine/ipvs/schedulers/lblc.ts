/**
 * Locality-based least-connection, net/netfilter/ipvs/ip_vs_lblc.c.
 *
 * Keyed by the packet's destination address (input.vaddr). A cached dest is reused while
 * it is available (IP_VS_DEST_CF_AVAILABLE), has weight > 0 and is not "overloaded" in
 * lblc's sense (activeconns > weight while another dest has activeconns * 2 < weight);
 * the flag IP_VS_DEST_F_OVERLOAD is not consulted for it. Otherwise wlc picks
 * (__ip_vs_lblc_schedule) and the entry is replaced. Using an entry refreshes lastuse even
 * when it is then replaced. See lbl-table.ts for expiry.
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

export interface LblcOptions {
  /** net.ipv4.vs.lblc_expiration, ms. */
  readonly expirationMs?: number;
}

interface LblcEntry extends LblEntry {
  readonly dest: DestState;
}

interface LblcData extends LblTable<LblcEntry> {
  readonly kind: 'lblc';
}

function init(): LblcData {
  return { kind: 'lblc', ...newLblTable<LblcEntry>() };
}

export function createLblc(opts: LblcOptions = {}): Scheduler {
  const expirationMs = opts.expirationMs ?? DEFAULT_EXPIRATION_MS;
  const data = (svc: ServiceState): LblcData => ownData(svc, 'lblc', init);
  return {
    name: 'lblc',
    initService(svc) {
      svc.schedData = init();
      return svc.schedData;
    },
    onDestsChanged: () => undefined,
    schedule(svc, input) {
      const tbl = data(svc);
      runLblTimers(tbl, input.now, expirationMs);
      const en = tbl.entries.get(input.vaddr);
      if (en) {
        en.lastuse = input.now;
        const d = en.dest;
        if (d.available && d.config.weight > 0 && !lblOverloaded(d, svc.dests)) return d;
      }
      const dest = weightedLeast(svc.dests, connOverhead);
      if (dest === null) return null;
      // ip_vs_lblc_new(): same dest keeps the entry; otherwise the old one is unhashed
      // (without decrementing the count) and a new one made, if the table has room.
      if (en) {
        if (en.dest === dest) return dest;
        tbl.entries.delete(input.vaddr);
      }
      if (tbl.count > LBL_MAX_SIZE) return dest;
      tbl.entries.set(input.vaddr, { addr: input.vaddr, dest, lastuse: input.now });
      tbl.count++;
      return dest;
    },
  };
}

export const lblc: Scheduler = createLblc();
