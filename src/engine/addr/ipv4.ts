/**
 * IPv4 addresses as branded unsigned 32-bit numbers: cheap to compare and hash on the
 * simulator's hot path, impossible to mix up with a bare number or string.
 */
import { say } from '../problem/codes';
import type { Phrase } from '../problem/phrase';
import { formatEnglish } from '../problem/format';
import { err, ok, type Result } from './result';

export type Ipv4 = number & { readonly __brand: 'Ipv4' };

const DOTTED = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Parses a dotted quad such as `10.10.10.100`; the error quotes the bad text. */
export function parseIpv4(text: string): Result<Ipv4, Phrase> {
  const m = DOTTED.exec(text.trim());
  if (!m) return err(say('ipv4.not-dotted-quad', { text }));
  let v = 0;
  for (let i = 1; i <= 4; i++) {
    const part = m[i] as string;
    const n = Number(part);
    if (n > 255) return err(say('ipv4.octet-too-large', { text, octet: part }));
    if (part.length > 1 && part.startsWith('0')) return err(say('ipv4.leading-zero', { text, octet: part }));
    v = v * 256 + n;
  }
  return ok(v as Ipv4);
}

/** For literals in presets and tests that are known to be valid. */
export function ip(text: string): Ipv4 {
  const r = parseIpv4(text);
  if (!r.ok) throw new Error(formatEnglish(r.error));
  return r.value;
}

export function ipv4FromU32(n: number): Ipv4 {
  return (n >>> 0) as Ipv4;
}

export function formatIpv4(a: Ipv4): string {
  return `${(a >>> 24) & 255}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`;
}

export const IPV4_ANY = 0 as Ipv4;
export const IPV4_BROADCAST = 0xffffffff as Ipv4;

export function isMulticast(a: Ipv4): boolean {
  return a >>> 28 === 0xe;
}

export function isLoopbackNet(a: Ipv4): boolean {
  return a >>> 24 === 127;
}

/** Martian source addresses that Linux refuses before any routing (ip_route_input_slow). */
export function isMartianSource(a: Ipv4): boolean {
  return a === IPV4_BROADCAST || isMulticast(a) || a >>> 24 === 0;
}
