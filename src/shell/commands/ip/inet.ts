/**
 * Address and prefix arguments as iproute2 reads them (lib/utils.c get_addr_1, get_prefix_1,
 * get_netmask): octets through strtoul with base 0 (so 0x0a and 012 are 10), missing octets
 * zero (`10.8` is 10.8.0.0), a mask as a length or a dotted netmask, and the words `default`,
 * `all`, `any`. A word with a colon is IPv6, which lvs-flow does not simulate.
 */
import type { Ipv4 } from '../../../engine';
import { fail1, type ErrSink } from './exit';

export type Family = 'unspec' | 'inet' | 'inet6' | 'packet';

export interface InetPrefix {
  readonly family: Family;
  readonly addr: Ipv4;
  /** Prefix length; for a bare address the family's full length. */
  readonly bitlen: number;
  /** A `/len` was written (or the word was `default`): PREFIXLEN_SPECIFIED. */
  readonly lenGiven: boolean;
  /** 0 for `all`/`any` (and `default` with no family): no address bytes sent. */
  readonly bytelen: number;
}

const SPACE = /[ \t\n\v\f\r]/;

/** C's strtoul: the value (Infinity when out of range) and where the digits ended. */
export function strtoul(s: string, start: number, base0: number): { value: number; end: number } {
  let i = start;
  while (i < s.length && SPACE.test(s[i] as string)) i++;
  let neg = false;
  if (s[i] === '+' || s[i] === '-') {
    neg = s[i] === '-';
    i++;
  }
  let base = base0;
  if ((base === 0 || base === 16) && s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X') && /[0-9a-fA-F]/.test(s[i + 2] ?? '')) {
    i += 2;
    base = 16;
  } else if (base === 0) base = s[i] === '0' ? 8 : 10;
  const digitsFrom = i;
  let value = 0;
  for (; i < s.length; i++) {
    const d = parseInt(s[i] as string, 36);
    if (Number.isNaN(d) || d >= base) break;
    value = value * base + d;
  }
  if (i === digitsFrom) return { value: 0, end: start };
  if (value > 0xffffffffffff) value = Infinity;
  if (neg && value !== 0) value = Infinity;
  return { value, end: i };
}

/** get_unsigned: the whole word a number no larger than UINT_MAX. */
export function getUnsigned(word: string, base = 0): number | undefined {
  if (word === '') return undefined;
  const r = strtoul(word, 0, base);
  if (r.end === 0 || r.end !== word.length || r.value > 0xffffffff) return undefined;
  return r.value;
}

/** get_addr_ipv4: up to four octets, the missing ones zero. */
function parseOctets(text: string): Ipv4 | undefined {
  const bytes = [0, 0, 0, 0];
  let cp = 0;
  for (let i = 0; i < 4; i++) {
    const r = strtoul(text, cp, 0);
    if (r.value > 255) return undefined;
    if (r.end === cp) return undefined;
    bytes[i] = r.value;
    if (r.end === text.length) break;
    if (i === 3 || text[r.end] !== '.') return undefined;
    cp = r.end + 1;
  }
  return ((((bytes[0] as number) << 24) | ((bytes[1] as number) << 16) | ((bytes[2] as number) << 8) | (bytes[3] as number)) >>> 0) as Ipv4;
}

/** A loose inet_pton(AF_INET6) check: hex groups, at most one `::`, an optional dotted tail. */
function isIpv6(text: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || text.split('::').length > 2) return false;
  const groups = text.split(':');
  let dotted = 0;
  if (groups.length > 0 && (groups[groups.length - 1] as string).includes('.')) {
    if (parseStrictDotted(groups.pop() as string) === undefined) return false;
    dotted = 2;
  }
  const filled = groups.filter((g) => g !== '');
  if (!filled.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  const total = filled.length + dotted;
  return text.includes('::') ? total < 8 : total === 8 && groups.every((g) => g !== '');
}

function parseStrictDotted(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m || m.slice(1).some((p) => Number(p) > 255)) return undefined;
  return 0;
}

function byteLen(family: Family): number {
  return family === 'inet' ? 4 : family === 'inet6' ? 16 : 0;
}

function bitLen(family: Family): number {
  return byteLen(family) * 8;
}

/** get_addr_1: undefined where iproute2 returns an error. bitlen -2 marks default/all/any. */
export function parseAddr(text: string, family: Family): InetPrefix | undefined {
  const zero = 0 as Ipv4;
  if (text === 'default') return { family, addr: zero, bitlen: -2, lenGiven: true, bytelen: byteLen(family) };
  if (text === 'all' || text === 'any') return { family, addr: zero, bitlen: -2, lenGiven: false, bytelen: 0 };
  if (family === 'packet') return undefined;
  if (text.includes(':')) {
    if ((family !== 'unspec' && family !== 'inet6') || !isIpv6(text)) return undefined;
    return { family: 'inet6', addr: zero, bitlen: -1, lenGiven: false, bytelen: 16 };
  }
  if (family !== 'unspec' && family !== 'inet') return undefined;
  const addr = parseOctets(text);
  if (addr === undefined) return undefined;
  return { family: 'inet', addr, bitlen: -1, lenGiven: false, bytelen: 4 };
}

/** mask2bits: a dotted netmask's length, or -1 when its ones are not contiguous. */
function maskBits(mask: number): number {
  const host = ~mask >>> 0;
  if (((host & (host + 1)) >>> 0) !== 0) return -1;
  let bits = 0;
  for (let m = mask >>> 0; m !== 0; m = (m << 1) >>> 0) bits++;
  return bits;
}

function getNetmask(text: string): number | undefined {
  const n = getUnsigned(text);
  if (n !== undefined) return n;
  const a = parseAddr(text, 'inet');
  if (a !== undefined && a.family === 'inet' && a.bitlen !== -2) {
    const b = maskBits(a.addr);
    if (b >= 0) return b;
  }
  return undefined;
}

/** get_prefix_1: an address with an optional /len or /netmask. */
export function parsePrefix(text: string, family: Family): InetPrefix | undefined {
  const slash = text.indexOf('/');
  const a = parseAddr(slash < 0 ? text : text.slice(0, slash), family);
  if (a === undefined) return undefined;
  if (slash < 0) return { ...a, bitlen: a.bitlen === -2 ? 0 : bitLen(a.family) };
  if (a.bitlen === -2) return undefined;
  const plen = getNetmask(text.slice(slash + 1));
  if (plen === undefined || plen > bitLen(a.family)) return undefined;
  return { ...a, bitlen: plen, lenGiven: true };
}

function familyWords(family: Family): string {
  return family === 'unspec' ? 'any valid' : family === 'packet' ? 'link' : family;
}

/** get_addr: the address, or iproute2's message and exit status 1. */
export function getAddr(io: ErrSink, text: string, family: Family): InetPrefix {
  const a = parseAddr(text, family);
  if (a === undefined) fail1(io, `Error: ${familyWords(family)} address is expected rather than "${text}".\n`);
  return a;
}

/** get_prefix: the prefix, or iproute2's message and exit status 1. */
export function getPrefix(io: ErrSink, text: string, family: Family): InetPrefix {
  if (family === 'packet') fail1(io, `Error: "${text}" may be inet prefix, but it is not allowed in this context.\n`);
  const p = parsePrefix(text, family);
  if (p === undefined) fail1(io, `Error: ${familyWords(family)} prefix is expected rather than "${text}".\n`);
  return p;
}
