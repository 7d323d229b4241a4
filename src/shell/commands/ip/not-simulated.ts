/**
 * What lvs-flow's `ip` accepts as iproute2 does but cannot carry out, because the simulated
 * kernel has no such thing (IPv6, peer addresses, route metrics, other route tables, …).
 * The words are checked exactly as iproute2 checks them first, so a typo still gets the
 * tool's own message; only a well-formed request for something unmodelled ends here.
 */
import type { ErrSink } from './exit';

export function notSimulated(io: ErrSink, what: string): number {
  io.err(`lvs-flow: ip: ${what} is not simulated\n`);
  return 1;
}
