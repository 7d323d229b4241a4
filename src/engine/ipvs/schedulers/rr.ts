/**
 * Round-robin, net/netfilter/ipvs/ip_vs_rr.c.
 *
 * The cursor is a dest (or the list head, at first). A search starts just after the
 * cursor, runs to the end of the list, then wraps from the head back to the cursor itself.
 * From the head that means the first pick is the head of the list: the last dest added.
 * Skipped: IP_VS_DEST_F_OVERLOAD and weight 0. Weights are otherwise ignored.
 * Adding a dest leaves the cursor where it is; deleting the cursor's dest moves the cursor
 * to the entry before it (ip_vs_rr_del_dest), or to the head when it was first.
 */
import type { DestState, ServiceState } from '../types';
import type { Scheduler } from './scheduler';
import { ownData } from './sched-data';

interface RrData {
  readonly kind: 'rr';
  /** The last dest picked; null = the list head. */
  cursor: DestState | null;
  /** The list as last seen, to find the entry before a deleted cursor. */
  order: DestState[];
}

function init(svc: ServiceState): RrData {
  return { kind: 'rr', cursor: null, order: [...svc.dests] };
}

const data = (svc: ServiceState): RrData => ownData(svc, 'rr', () => init(svc));

export const rr: Scheduler = {
  name: 'rr',
  initService(svc) {
    svc.schedData = init(svc);
    return svc.schedData;
  },
  onDestsChanged(svc) {
    const d = data(svc);
    if (d.cursor !== null && !svc.dests.includes(d.cursor)) {
      // ip_vs_rr_del_dest: p->next->prev, the nearest surviving entry before it.
      let i = d.order.indexOf(d.cursor) - 1;
      while (i >= 0 && !svc.dests.includes(d.order[i] as DestState)) i--;
      d.cursor = i >= 0 ? (d.order[i] as DestState) : null;
    }
    d.order = [...svc.dests];
  },
  schedule(svc) {
    const d = data(svc);
    const list = svc.dests;
    const n = list.length;
    // -1 is the head: then one pass over the whole list; otherwise after the cursor,
    // wrapping round to the cursor's own dest last.
    const c = d.cursor === null ? -1 : list.indexOf(d.cursor);
    for (let k = 1; k <= n; k++) {
      const dest = list[(c + k) % n] as DestState;
      if (!dest.overloaded && dest.config.weight > 0) {
        d.cursor = dest;
        return dest;
      }
    }
    return null;
  },
};
