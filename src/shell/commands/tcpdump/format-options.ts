/** What changes how tcpdump prints a frame (-e, -q, -v), and the state one capture keeps while printing. */
import type { TcpSeqTable } from './format-tcp';

export interface PrintOptions {
  /** -e: the link-level header on each line. */
  readonly link: boolean;
  /** -q: less protocol information (`tcp 76` instead of flags and numbers). */
  readonly quiet: boolean;
  /** -v count. */
  readonly verbose: number;
  /** Without -n: ports by their /etc/services name (`10.0.0.2.http`). Addresses stay numeric: the simulator has no resolver. */
  readonly portNames: boolean;
  readonly tcpSeq: TcpSeqTable;
}

export function printOptions(o: Partial<Omit<PrintOptions, 'tcpSeq'>> = {}): PrintOptions {
  return { link: o.link ?? false, quiet: o.quiet ?? false, verbose: o.verbose ?? 0, portNames: o.portNames ?? false, tcpSeq: new Map() };
}
