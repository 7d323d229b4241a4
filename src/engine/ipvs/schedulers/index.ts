/**
 * The IPVS schedulers by name (ipvsadm -s NAME), each a pure kernel over a service's
 * dest list in the kernel's order. See README.md for the kernel facts they follow.
 */
import type { SchedulerName } from '../types';
import type { Scheduler } from './scheduler';
import { dh } from './dh';
import { fo } from './fo';
import { lblc } from './lblc';
import { lblcr } from './lblcr';
import { lc } from './lc';
import { mh } from './mh';
import { nq } from './nq';
import { ovf } from './ovf';
import { rr } from './rr';
import { sed } from './sed';
import { sh } from './sh';
import { twos } from './twos';
import { wlc } from './wlc';
import { wrr } from './wrr';

const SCHEDULERS: { readonly [N in SchedulerName]: Scheduler } = {
  rr, wrr, lc, wlc, sed, nq, sh, dh, mh, lblc, lblcr, fo, ovf, twos,
};

/**
 * The scheduler `ipvsadm -s name` selects.
 * @example
 * const s = getScheduler('rr');
 * s.initService(svc); // once, when the service is made (svc.schedData is set)
 * // after each single add, delete or edit of a dest: s.onDestsChanged(svc)
 * const dest = s.schedule(svc, { caddr, cport, vaddr, vport, now, random });
 */
export function getScheduler(name: SchedulerName): Scheduler {
  return SCHEDULERS[name];
}

export type { SchedInput, Scheduler } from './scheduler';
export { createLblc, type LblcOptions } from './lblc';
export { createLblcr, type LblcrOptions } from './lblcr';
export { createMh, type MhOptions } from './mh';
