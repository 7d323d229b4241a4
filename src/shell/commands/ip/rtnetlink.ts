/**
 * The kernel's refusals as `ip` prints them: `RTNETLINK answers: <strerror>` for a bare errno,
 * or `Error: <message>.` when the kernel attached an extended ack (netlink extack). Either way
 * the subcommand returns -2, so `ip` exits with status 2 (as the oracle shows).
 */
import type { Errno } from '../../../engine';
import { strerror } from '../../strerror';
import type { ErrSink } from './exit';

export function rtnetlinkError(io: ErrSink, errno: Errno | 'EOPNOTSUPP'): number {
  io.err(`RTNETLINK answers: ${strerror(errno)}\n`);
  return 2;
}

/** An extack message, printed with a full stop as libnetlink adds one. */
export function kernelError(io: ErrSink, message: string): number {
  io.err(`Error: ${message}${message.endsWith('.') ? '' : '.'}\n`);
  return 2;
}
