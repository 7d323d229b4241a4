/**
 * How ipvsadm reads numbers, addresses and ports: string_to_number() and parse_fwmark() over
 * strtol(3), parse_service() and parse_netmask() over glibc inet_aton(3) (which also takes
 * `10.1`, `0x0a.0.0.1` and octal `010.0.0.1`, unlike the engine's strict parseIpv4), and
 * service_to_port() over a few /etc/services names. Host names would be resolved by the
 * real tool; the simulator has no resolver, so they fail as an unresolvable name does.
 */
import { ipv4FromU32, type Ipv4 } from '../../addr/ipv4';

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isSpace = (c: string): boolean => c !== '' && ' \t\n\v\f\r'.includes(c);
const LONG_MAX = 9223372036854775807n;

/** strtol(s, &end, 10): the value and how many characters were used (0: no number). */
function strtol10(s: string): { value: bigint; end: number } {
  let i = 0;
  while (isSpace(s.charAt(i))) i++;
  const neg = s.charAt(i) === '-';
  if (neg || s.charAt(i) === '+') i++;
  const start = i;
  while (isDigit(s.charAt(i))) i++;
  if (i === start) return { value: 0n, end: 0 };
  const v = BigInt(s.slice(start, i));
  return { value: neg ? -v : v, end: i };
}

/** string_to_number(s, min, max): the number, or null where ipvsadm gets -1. */
export function stringToNumber(s: string, min: number, max: number): number | null {
  const { value, end } = strtol10(s);
  if (end === 0 || end !== s.length) return null;
  // ERANGE beyond a 64-bit long
  if (value > LONG_MAX || value < -LONG_MAX - 1n) return null;
  return value >= BigInt(min) && value <= BigInt(max) ? Number(value) : null;
}

/** parse_fwmark(): 1..4294967295, or null ("invalid fwmark value"). */
export function parseFwmark(s: string): number | null {
  return stringToNumber(s, 1, 0xffffffff);
}

/** strtoul(s + i, &end, 0) for a string known to start with a digit at i. */
function strtoulBase0(s: string, i: number): { value: bigint; end: number } {
  let base = 10;
  let j = i;
  if (s.charAt(i) === '0' && /^[xX][0-9a-fA-F]/.test(s.slice(i + 1, i + 3))) {
    base = 16;
    j = i + 2;
  } else if (s.charAt(i) === '0') {
    base = 8;
  }
  const digit = base === 16 ? /[0-9a-fA-F]/ : base === 8 ? /[0-7]/ : /[0-9]/;
  const start = j;
  while (j < s.length && digit.test(s.charAt(j))) j++;
  const text = s.slice(start, j);
  const prefix = base === 16 ? '0x' : base === 8 ? '0o' : '';
  return { value: BigInt(prefix + text), end: j };
}

/** glibc inet_aton(): a, a.b, a.b.c or a.b.c.d, each part decimal, 0x-hex or 0-octal. */
export function inetAton(text: string): Ipv4 | null {
  const parts: number[] = [];
  let i = 0;
  let val = 0n;
  for (;;) {
    if (!isDigit(text.charAt(i))) return null;
    const r = strtoulBase0(text, i);
    if (r.value > 0xffffffffn) return null;
    val = r.value;
    i = r.end;
    if (text.charAt(i) !== '.') break;
    if (parts.length > 2 || val > 255n) return null;
    parts.push(Number(val));
    i++;
  }
  // Only the first character after the number is checked, as glibc does.
  if (i < text.length && !isSpace(text.charAt(i))) return null;
  const max = [0xffffffffn, 0xffffffn, 0xffffn, 0xffn][parts.length] ?? 0n;
  if (val > max) return null;
  let n = Number(val);
  parts.forEach((p, k) => (n += p * 2 ** (24 - 8 * k)));
  return ipv4FromU32(n);
}

/** IPPROTO_* numbers: the kernel and ipvsadm's sort compare these. */
export const IPPROTO = { ip: 0, tcp: 6, udp: 17, sctp: 132 } as const;

// A few /etc/services names (Debian netbase); the real tool reads the whole file.
const SERVICES: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  [IPPROTO.tcp]: {
    ftp: 21, ssh: 22, telnet: 23, smtp: 25, domain: 53, http: 80, www: 80, pop3: 110,
    imap: 143, imap2: 143, https: 443, mysql: 3306, 'http-alt': 8080, webcache: 8080,
  },
  [IPPROTO.udp]: { domain: 53, ntp: 123, snmp: 161, syslog: 514 },
};

/** service_to_port(): getservbyname(name, "tcp"|"udp"|"sctp"). */
export function serviceToPort(name: string, proto: number): number | null {
  return SERVICES[proto]?.[name] ?? null;
}

/** inet_pton(AF_INET6, …): enough to tell an IPv6 literal from `addr:port`. */
export function isIpv6Literal(s: string): boolean {
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  const last = groups[groups.length - 1] ?? '';
  const v4Tail = last.includes('.') ? 1 : 0;
  if (v4Tail && !/^\d{1,3}(\.\d{1,3}){3}$/.test(last)) return false;
  const hex = groups.slice(0, groups.length - v4Tail);
  if (!hex.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  const width = hex.length + 2 * v4Tail;
  return halves.length === 2 ? width < 8 : width === 8;
}

export const SERVICE_NONE = 0;
export const SERVICE_ADDR = 1;
export const SERVICE_PORT = 2;

export type ParsedService =
  | { readonly flags: number; readonly addr: Ipv4 | null; readonly port: number | null }
  | { readonly flags: 'ipv6' };

/**
 * parse_service(buf): which of address and port were given. `addr`/`port` are null when
 * not given; flags is SERVICE_NONE on any error, as ipvsadm reports it.
 */
export function parseServiceArg(buf: string, proto: number): ParsedService {
  const none = { flags: SERVICE_NONE, addr: null, port: null };
  if (/^\d*$/.test(buf)) return none; // str_is_digit(): "80" or ""
  let s = buf;
  if (s.startsWith('[')) {
    const close = s.indexOf(']');
    if (close < 0 || s.charAt(close + 1) !== ':') return none;
    s = s.slice(1, close);
  }
  if (isIpv6Literal(s)) return { flags: 'ipv6' };
  // Not IPv6: the port is after the last ':' of what is left. "[10.0.0.1]:80" thus keeps
  // no port at all, because the bracket and its ':' were already cut off.
  const colon = s.lastIndexOf(':');
  const portText = colon < 0 ? null : s.slice(colon + 1);
  const addr = inetAton(colon < 0 ? s : s.slice(0, colon));
  if (addr === null) return none;
  if (portText === null) return { flags: SERVICE_ADDR, addr, port: null };
  const port = stringToNumber(portText, 0, 65535) ?? serviceToPort(portText, proto);
  if (port === null) return none;
  return { flags: SERVICE_ADDR | SERVICE_PORT, addr, port };
}
