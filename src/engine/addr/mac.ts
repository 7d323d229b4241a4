/** MAC addresses as branded 48-bit numbers (exact in a double), printed lower-case aa:bb:…. */
import { say } from '../problem/codes';
import type { Phrase } from '../problem/phrase';
import { err, ok, type Result } from './result';

export type Mac = number & { readonly __brand: 'Mac' };

export const MAC_BROADCAST = 0xffffffffffff as Mac;
export const MAC_ZERO = 0 as Mac;

const MAC_RE = /^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/;

export function parseMac(text: string): Result<Mac, Phrase> {
  if (!MAC_RE.test(text.trim())) return err(say('mac.malformed', { text }));
  return ok(parseInt(text.trim().replace(/:/g, ''), 16) as Mac);
}

export function macFromBytes(b: ArrayLike<number>): Mac {
  let v = 0;
  for (let i = 0; i < 6; i++) v = v * 256 + ((b[i] ?? 0) & 255);
  return v as Mac;
}

export function macByte(m: Mac, i: number): number {
  return Math.floor(m / 2 ** (8 * (5 - i))) & 255;
}

export function formatMac(m: Mac): string {
  let s = '';
  for (let i = 0; i < 6; i++) s += (i ? ':' : '') + macByte(m, i).toString(16).padStart(2, '0');
  return s;
}

/** Multicast/broadcast bit: the low bit of the first byte. */
export function isGroupMac(m: Mac): boolean {
  return (Math.floor(m / 0x10000000000) & 1) === 1;
}
