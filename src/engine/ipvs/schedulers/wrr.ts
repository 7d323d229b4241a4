/**
 * Weighted round-robin, net/netfilter/ipvs/ip_vs_wrr.c.
 *
 * State: cl (current dest or head), cw (current weight), mw (max weight - (di - 1)) and
 * di (gcd of the positive weights, 1 if none). A search walks on from cl; every time it
 * runs off the end of the list cw drops by di, and below 1 it starts again at mw. The
 * first dest not overloaded with weight >= cw wins. Any add/delete/edit (dest_changed)
 * puts cl back at the head and recomputes di and mw; cw is kept unless it is 0 or above mw
 * (then mw), and with di > 1 it is rounded to (cw / di) * di + 1. So the order dests were
 * added in, one change at a time, shapes the first round.
 */
import type { DestState, ServiceState } from '../types';
import type { Scheduler } from './scheduler';
import { gcdOfPositive, maxOf } from './overhead';
import { ownData } from './sched-data';

interface WrrData {
  readonly kind: 'wrr';
  /** Current dest; null = the list head. */
  cl: DestState | null;
  cw: number;
  mw: number;
  di: number;
}

function weights(svc: ServiceState): number[] {
  return svc.dests.map((d) => d.config.weight);
}

function init(svc: ServiceState): WrrData {
  const w = weights(svc);
  const di = gcdOfPositive(w) || 1;
  const mw = maxOf(w) - (di - 1);
  return { kind: 'wrr', cl: null, cw: mw, mw, di };
}

const data = (svc: ServiceState): WrrData => ownData(svc, 'wrr', () => init(svc));

export const wrr: Scheduler = {
  name: 'wrr',
  initService(svc) {
    svc.schedData = init(svc);
    return svc.schedData;
  },
  onDestsChanged(svc) {
    const m = data(svc);
    const w = weights(svc);
    m.cl = null;
    m.di = gcdOfPositive(w) || 1;
    m.mw = maxOf(w) - (m.di - 1);
    if (m.cw > m.mw || m.cw === 0) m.cw = m.mw;
    else if (m.di > 1) m.cw = Math.trunc(m.cw / m.di) * m.di + 1;
  },
  schedule(svc) {
    const m = data(svc);
    const list = svc.dests;
    if (m.mw === 0) return null; // no available dests; cl stays
    const last = m.cl === null ? -1 : list.indexOf(m.cl);
    let pos = last;
    let stop = -2; // none
    let lastPass = false;
    let restarted = false;
    for (;;) {
      for (let i = pos + 1; i < list.length; i++) {
        const d = list[i] as DestState;
        if (!d.overloaded && d.config.weight >= m.cw) {
          m.cl = d;
          return d;
        }
        if (i === stop) {
          m.cl = d;
          return null; // all overloaded
        }
      }
      pos = -1;
      m.cw -= m.di;
      if (m.cw <= 0) {
        m.cw = m.mw;
        // Stop once a whole pass at weight >= 1 has covered every dest.
        if (lastPass || last === -1) {
          m.cl = null;
          return null;
        }
        restarted = true;
      }
      lastPass = m.cw <= m.di;
      // The weight >= 1 pass began after `last`; finish it up to and including `last`.
      if (lastPass && restarted && last !== -1) stop = last;
    }
  },
};
