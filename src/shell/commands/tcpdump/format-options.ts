/** What changes how tcpdump prints a frame (-e, -q, -v), and the state one capture keeps while printing. */
import type { TcpSeqTable } from './format-tcp';

export interface PrintOptions {
  /** -e: the link-level header on each line. */
  readonly link: boolean;
  /** -q: less protocol information (`tcp 76` instead of flags and numbers). */
  readonly quiet: boolean;
  /** -v count. */
  readonly verbose: number;
  /** Without -n: ports by their /etc/services name (`10.0.0.2.http`), 127.0.0.1 as `localhost`; other addresses have no name here. */
  readonly names: boolean;
  readonly tcpSeq: TcpSeqTable;
}

export function printOptions(o: Partial<Omit<PrintOptions, 'tcpSeq'>> = {}): PrintOptions {
  return { link: o.link ?? false, quiet: o.quiet ?? false, verbose: o.verbose ?? 0, names: o.names ?? false, tcpSeq: new Map() };
}
