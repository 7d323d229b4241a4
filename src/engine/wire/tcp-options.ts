/**
 * TCP options in the order and packing Linux writes them (net/ipv4/tcp_output.c
 * tcp_options_write): MSS; SACK-permitted folded into the timestamp word, or NOP NOP before a
 * lone timestamp; NOP before window scale. A SYN from Linux carries all four: 20 bytes.
 */
import { err, ok, type Result } from '../addr/result';
import type { TcpRepr } from './repr';

const NOP = 1;
const MSS = 2;
const WSCALE = 3;
const SACK_PERM = 4;
const TIMESTAMP = 8;

export type TcpOptions = Pick<TcpRepr, 'mss' | 'sackPerm' | 'wscale' | 'ts'>;

export function tcpOptionsLen(o: TcpOptions): number {
  let n = 0;
  if (o.mss !== undefined) n += 4;
  if (o.ts) n += 12;
  else if (o.sackPerm) n += 4;
  if (o.wscale !== undefined) n += 4;
  return n;
}

export function emitTcpOptions(o: TcpOptions, view: DataView, at: number): void {
  let i = at;
  const bytes = (...b: number[]): void => {
    for (const x of b) view.setUint8(i++, x);
  };
  if (o.mss !== undefined) {
    bytes(MSS, 4);
    view.setUint16(i, o.mss);
    i += 2;
  }
  if (o.ts) {
    if (o.sackPerm) bytes(SACK_PERM, 2, TIMESTAMP, 10);
    else bytes(NOP, NOP, TIMESTAMP, 10);
    view.setUint32(i, o.ts.val >>> 0);
    view.setUint32(i + 4, o.ts.ecr >>> 0);
    i += 8;
  } else if (o.sackPerm) {
    bytes(NOP, NOP, SACK_PERM, 2);
  }
  if (o.wscale !== undefined) bytes(NOP, WSCALE, 3, o.wscale);
}

/** Reads the options between `start` and `end`; unknown kinds are skipped by their length. */
export function parseTcpOptions(view: DataView, start: number, end: number): Result<TcpOptions> {
  const out: { -readonly [K in keyof TcpOptions]: TcpOptions[K] } = {};
  let i = start;
  while (i < end) {
    const kind = view.getUint8(i);
    if (kind === 0) break;
    if (kind === NOP) {
      i += 1;
      continue;
    }
    const len = i + 1 < end ? view.getUint8(i + 1) : 0;
    if (len < 2 || i + len > end) return err(`TCP option kind ${kind} has a bad length ${len}`);
    const want = kind === MSS ? 4 : kind === WSCALE ? 3 : kind === SACK_PERM ? 2 : kind === TIMESTAMP ? 10 : len;
    if (len !== want) return err(`TCP option kind ${kind} has length ${len} (expected ${want})`);
    if (kind === MSS) out.mss = view.getUint16(i + 2);
    else if (kind === WSCALE) out.wscale = view.getUint8(i + 2);
    else if (kind === SACK_PERM) out.sackPerm = true;
    else if (kind === TIMESTAMP) out.ts = { val: view.getUint32(i + 2), ecr: view.getUint32(i + 6) };
    i += len;
  }
  return ok(out);
}
