/**
 * One TCP segment as tcpdump 4.99 prints it (print-tcp.c tcp_print, without -v/-S): flags,
 * sequence numbers relative to the conversation's first seen ones, window, options, length,
 * and for ports 80/8080 the HTTP request or status line (print-http.c, util-print.c
 * txtproto_print). `length` is the IP payload length, as the IP printer passes it.
 */
import { has, portText, u16, u32 } from './bytes';
import type { PrintOptions } from './format-options';

const FLAG_CHARS: ReadonlyArray<readonly [number, string]> = [
  [0x01, 'F'], [0x02, 'S'], [0x04, 'R'], [0x08, 'P'], [0x10, '.'], [0x20, 'U'], [0x40, 'E'], [0x80, 'W'],
];
const TH_SYN = 0x02;
const TH_FIN = 0x01;
const TH_RST = 0x04;
const TH_ACK = 0x10;
const TH_URG = 0x20;
const HTTP_PORTS = new Set([80, 8080]);

/**
 * tcpdump's tcp_seq_hash: per conversation (both directions under one key), the sequence and
 * acknowledgment numbers that later segments are printed relative to. One per capture.
 */
export type TcpSeqTable = Map<string, { seq: number; ack: number }>;

function flagString(flags: number): string {
  let s = '';
  for (const [bit, c] of FLAG_CHARS) if (flags & bit) s += c;
  return s === '' ? 'none' : s;
}

/**
 * tcp_print's relative numbers: the first segment with ACK (or any SYN) records, later ones
 * subtract. The third number is what SACK blocks are printed relative to (the acknowledged side's).
 */
function relative(table: TcpSeqTable, src: string, dst: string, sport: number, dport: number, flags: number, seq: number, ack: number): [number, number, number] {
  if (!(flags & TH_ACK)) return [seq, ack, 0];
  // tcpdump orders the key by port (then address), so both directions share one entry.
  const rev = sport > dport || (sport === dport && compareIp(src, dst) > 0);
  const key = rev ? `${dst}|${src}|${dport}|${sport}` : `${src}|${dst}|${sport}|${dport}`;
  const th = table.get(key);
  if (!th || flags & TH_SYN) {
    const entry = rev ? { ack: seq, seq: (ack - 1) >>> 0 } : { seq, ack: (ack - 1) >>> 0 };
    table.set(key, entry);
    return [seq, ack, rev ? entry.seq : entry.ack];
  }
  return rev ? [(seq - th.ack) >>> 0, (ack - th.seq) >>> 0, th.seq] : [(seq - th.seq) >>> 0, (ack - th.ack) >>> 0, th.ack];
}

function compareIp(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < 4; i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

function optionsText(b: Uint8Array, at: number, hlen: number, sackBase: number): string {
  let out = '';
  let left = hlen;
  let p = at;
  let sep = '';
  while (left > 0) {
    out += sep;
    sep = ',';
    const opt = b[p++] ?? 0;
    let len = 1;
    if (opt !== 0 && opt !== 1) {
      len = b[p++] ?? 0;
      if (len < 2 || len > left) return `${out}[bad opt]`;
      left--;
    }
    left--;
    const datalen = opt === 0 || opt === 1 ? 0 : len - 2;
    switch (opt) {
      case 0: out += 'eol'; break;
      case 1: out += 'nop'; break;
      case 2: out += `mss ${u16(b, p)}`; break;
      case 3: out += `wscale ${b[p] ?? 0}`; break;
      case 4: out += 'sackOK'; break;
      case 5: out += sackText(b, p, datalen, sackBase); break;
      case 8: out += `TS val ${u32(b, p)} ecr ${u32(b, p + 4)}`; break;
      default: {
        out += `unknown-${opt}${datalen ? ' 0x' : ''}`;
        for (let i = 0; i < datalen; i++) out += (b[p + i] ?? 0).toString(16).padStart(2, '0');
      }
    }
    p += datalen;
    left -= datalen;
    if (opt === 0) break;
  }
  return out;
}

/** SACK blocks (a D-SACK after a retransmitted FIN), relative as the segment's numbers are. */
function sackText(b: Uint8Array, p: number, datalen: number, base: number): string {
  if (datalen % 8 !== 0) return 'sack invalid sack';
  let out = `sack ${datalen / 8} `;
  for (let i = 0; i < datalen; i += 8) out += `{${(u32(b, p + i) - base) >>> 0}:${(u32(b, p + i + 4) - base) >>> 0}}`;
  return out;
}

/** -v: ", cksum 0x…" and whether it is right (in_cksum over the pseudo-header and the segment). */
function cksumText(b: Uint8Array, ipAt: number, at: number, length: number): string {
  let sum = u16(b, ipAt + 12) + u16(b, ipAt + 14) + u16(b, ipAt + 16) + u16(b, ipAt + 18) + 6 + length;
  for (let i = 0; i < length; i += 2) if (i !== 16) sum += ((b[at + i] ?? 0) << 8) | (i + 1 < length ? b[at + i + 1] ?? 0 : 0);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  const should = ~sum & 0xffff;
  const stored = u16(b, at + 16);
  const hex = (n: number): string => `0x${n.toString(16).padStart(4, '0')}`;
  return `, cksum ${hex(stored)} ${stored === should ? '(correct)' : `(incorrect -> ${hex(should)})`}`;
}

/** txtproto_print for HTTP: the first line when the payload starts with a method or a status code (-v: every text line). */
function httpText(b: Uint8Array, at: number, len: number, verbose: boolean): string {
  const end = Math.min(at + len, b.length);
  const text = String.fromCharCode(...b.subarray(at, end));
  const tokens = /^([\x21-\x7e]+)[ \t]*([\x21-\x7e]*)/.exec(text);
  const first = tokens?.[1] ?? '';
  const second = tokens?.[2] ?? '';
  const looks = HTTP_METHODS.has(first.toUpperCase()) || /^\d{3}$/.test(second);
  if (!looks) return ': HTTP';
  if (verbose) return `: HTTP, length: ${len}${textLines(text)}`;
  const eol = /^([\x20-\x7e\t]*)(\r\n|\n)/.exec(text);
  if (eol) return `: HTTP: ${eol[1] ?? ''}`;
  if (/^[\x20-\x7e\t]*$/.test(text)) return `: HTTP: ${text} [|http]`;
  return ': HTTP';
}

/** print_txt_line from the start, "\n\t" before each line, until a line is not printable text or has no end. */
function textLines(text: string): string {
  let out = '';
  let rest = text;
  while (rest.length > 0) {
    const m = /^([\x20-\x7e\t]*)(\r\n|\n)/.exec(rest);
    if (!m) {
      if (/^[\x20-\x7e\t]*$/.test(rest)) out += `\n\t${rest} [|http]`;
      break;
    }
    out += `\n\t${m[1] ?? ''}`;
    rest = rest.slice(m[0].length);
  }
  return out;
}

const HTTP_METHODS = new Set(['GET', 'PUT', 'COPY', 'HEAD', 'LOCK', 'MOVE', 'POLL', 'POST', 'BCOPY', 'BMOVE', 'MKCOL', 'TRACE', 'LABEL', 'MERGE', 'DELETE', 'SEARCH', 'UNLOCK', 'REPORT', 'UPDATE', 'NOTIFY', 'BDELETE', 'CONNECT', 'OPTIONS', 'CHECKIN', 'PROPFIND', 'CHECKOUT', 'CCM_POST', 'SUBSCRIBE', 'PROPPATCH', 'BPROPFIND', 'BPROPPATCH', 'UNCHECKOUT', 'MKACTIVITY', 'MKWORKSPACE', 'UNSUBSCRIBE', 'RPC_CONNECT', 'VERSION-CONTROL', 'BASELINE-CONTROL']);

/** The segment at `at` (IP payload of `length` bytes) from `src` to `dst`: "a.p > b.q: Flags [S], …". */
export function tcpText(b: Uint8Array, at: number, length: number, src: string, dst: string, o: PrintOptions, ipAt = -1): string {
  if (!has(b, at, 4)) return `${src} > ${dst}: [|tcp]`;
  const sport = u16(b, at);
  const dport = u16(b, at + 2);
  let out = `${src}.${portText(sport, 'tcp', o.names)} > ${dst}.${portText(dport, 'tcp', o.names)}: `;
  if (!has(b, at, 20)) return `${out}[|tcp]`;
  const hlen = ((b[at + 12] ?? 0) >> 4) * 4;
  if (hlen < 20) return `${out} tcp ${length - hlen} [bad hdr length ${hlen} - too short, < 20]`;
  if (o.quiet) return `${out}tcp ${length - hlen}`;
  const flags = b[at + 13] ?? 0;
  out += `Flags [${flagString(flags)}]`;
  if (o.verbose && ipAt >= 0 && has(b, at, length)) out += cksumText(b, ipAt, at, length);
  const [seq, ack, sackBase] = relative(o.tcpSeq, src, dst, sport, dport, flags, u32(b, at + 4), u32(b, at + 8));
  const dataLen = length - hlen;
  if (dataLen > 0 || flags & (TH_SYN | TH_FIN | TH_RST)) out += `, seq ${seq}${dataLen > 0 ? `:${(seq + dataLen) >>> 0}` : ''}`;
  if (flags & TH_ACK) out += `, ack ${ack}`;
  out += `, win ${u16(b, at + 14)}`;
  if (flags & TH_URG) out += `, urg ${u16(b, at + 18)}`;
  if (hlen > 20) out += `, options [${optionsText(b, at + 20, hlen - 20, sackBase)}]`;
  out += `, length ${dataLen}`;
  if (dataLen > 0 && (HTTP_PORTS.has(sport) || HTTP_PORTS.has(dport))) out += httpText(b, at + hlen, dataLen, o.verbose > 0);
  return out;
}
