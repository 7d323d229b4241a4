/** Prefixes such as 10.10.10.0/24, and an address with its prefix length (ip addr's form). */
import { say } from '../problem/codes';
import type { Phrase } from '../problem/phrase';
import { err, ok, type Result } from './result';
import { formatIpv4, parseIpv4, type Ipv4 } from './ipv4';

export interface Cidr {
  readonly addr: Ipv4;
  readonly len: number;
}

export function prefixMask(len: number): number {
  return len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
}

export function networkOf(addr: Ipv4, len: number): Ipv4 {
  return ((addr & prefixMask(len)) >>> 0) as Ipv4;
}

export function broadcastOf(addr: Ipv4, len: number): Ipv4 {
  return ((addr | ~prefixMask(len)) >>> 0) as Ipv4;
}

export function inPrefix(addr: Ipv4, net: Ipv4, len: number): boolean {
  return ((addr ^ net) & prefixMask(len)) >>> 0 === 0;
}

/** Parses `a.b.c.d/len` (len 0-32). A bare address is refused: callers say which they expect. */
export function parseCidr(text: string): Result<Cidr, Phrase> {
  const slash = text.indexOf('/');
  if (slash < 0) return err(say('cidr.no-prefix', { text }));
  const a = parseIpv4(text.slice(0, slash));
  if (!a.ok) return a;
  const lenText = text.slice(slash + 1).trim();
  if (!/^\d{1,2}$/.test(lenText) || Number(lenText) > 32) {
    return err(say('cidr.bad-prefix', { text, len: lenText }));
  }
  return ok({ addr: a.value, len: Number(lenText) });
}

export function formatCidr(c: Cidr): string {
  return `${formatIpv4(c.addr)}/${c.len}`;
}
