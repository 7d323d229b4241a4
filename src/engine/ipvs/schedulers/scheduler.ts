/**
 * The contract every IPVS scheduler keeps (struct ip_vs_scheduler in include/net/ip_vs.h):
 * a pure kernel that picks a destination for a new connection from the service's list,
 * in the kernel's list order, or returns null ("no destination available").
 */
import type { Ipv4 } from '../../addr/ipv4';
import type { DestState, SchedulerName, ServiceState } from '../types';

/** What a scheduler may look at for one new connection (from the first packet). */
export interface SchedInput {
  readonly caddr: Ipv4;
  readonly cport: number;
  readonly vaddr: Ipv4;
  readonly vport: number;
  /** Simulated now, ms: lblc/lblcr expire their tables by it. */
  readonly now: number;
  /** A seeded source of 32-bit unsigned integers (twos uses prandom). */
  readonly random: () => number;
}

export interface Scheduler {
  readonly name: SchedulerName;
  /** ip_vs_scheduler.init_service: make the private data (svc.schedData). */
  initService(svc: ServiceState): unknown;
  /** add_dest / del_dest / upd_dest: the list or a weight changed (wrr, mh, sh, dh rebuild). */
  onDestsChanged(svc: ServiceState): void;
  /** schedule(): the destination for a new connection, or null. */
  schedule(svc: ServiceState, input: SchedInput): DestState | null;
}
