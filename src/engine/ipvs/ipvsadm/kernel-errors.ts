/**
 * What ipvsadm prints when the kernel refuses a command: libipvs.c ipvs_strerror(), which maps
 * (libipvs function, errno) to a message and otherwise falls back to strerror(3). The table
 * owner uses the stateful ones (a service that already exists, a destination that does not);
 * parse-rules applies the checks that need no table (kernel ip_vs_ctl.c ip_vs_add_service,
 * ip_vs_add_dest / ip_vs_edit_dest, ip_vs_new_dest).
 */
import type { Ipv4 } from '../../addr/ipv4';
import { SCHEDULER_NAMES } from '../types';

export const IPVS_ERRORS = {
  /** -A on a service that exists (EEXIST). */
  serviceExists: 'Service already exists',
  /** -E / -D / -L -t on a service that does not exist (ESRCH). */
  noSuchService: 'No such service',
  /** -a / -e / -d on a service that does not exist (ESRCH). */
  serviceNotDefined: 'Service not defined',
  /** -a of an addr:port the service already has (EEXIST). */
  destExists: 'Destination already exists',
  /** -e / -d of an addr:port the service does not have (ENOENT). */
  noSuchDest: 'No such destination',
  /** -A / -E with a scheduler the kernel has no module for (ENOENT). */
  schedulerNotFound: 'Scheduler or persistence engine not found',
  /** EINVAL, e.g. -a of an address that is neither unicast nor local. */
  invalid: 'Invalid operation.  Possibly wrong module version, address not unicast, ...',
  /** ERANGE has no libipvs entry: strerror(ERANGE), e.g. -y above -x. */
  outOfRange: 'Numerical result out of range',
} as const;

/**
 * Schedulers the console's kernel (Debian 12, Linux 6.1) has no module for: ip_vs_twos came
 * with 6.2, and `ipvsadm -A -s twos` answered "Scheduler or persistence engine not found"
 * (oracle lab ipvsadm-forms). The engine keeps twos for scenarios that name it.
 */
const NOT_IN_KERNEL_6_1: ReadonlySet<string> = new Set(['twos']);

/** ip_vs_add_service / ip_vs_edit_service: the scheduler module must exist. */
export function checkScheduler(name: string): string | null {
  const known = (SCHEDULER_NAMES as readonly string[]).includes(name) && !NOT_IN_KERNEL_6_1.has(name);
  return known ? null : IPVS_ERRORS.schedulerNotFound;
}

/** ip_vs_add_dest / ip_vs_edit_dest: "lower threshold is higher than upper threshold". */
export function checkThresholds(u: number, l: number): string | null {
  return l > u ? IPVS_ERRORS.outOfRange : null;
}

/**
 * ip_vs_new_dest: inet_addr_type() must be RTN_LOCAL or RTN_UNICAST. Without the director's
 * table we know the always-wrong ones: 0.0.0.0/8 and 255.255.255.255 (RTN_BROADCAST) and
 * 224.0.0.0/4 (RTN_MULTICAST). A directed broadcast of a director's subnet is also refused
 * by the kernel; that needs the director's addresses, so the table owner checks it.
 */
export function checkDestAddress(a: Ipv4): string | null {
  const bad = a >>> 24 === 0 || a >>> 0 === 0xffffffff || a >>> 28 === 0xe;
  return bad ? IPVS_ERRORS.invalid : null;
}
