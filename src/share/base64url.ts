/**
 * base64url without padding (RFC 4648 §5), strict both ways: a link is text someone may have
 * cut or altered, so decoding refuses any character outside the alphabet, an impossible length
 * and non-zero leftover bits. Canonical text is then the only spelling of its bytes, so every
 * altered character changes the bytes (and the checksum catches it).
 */
import type { Phrase } from '../engine';
import { sayLink } from './link-problems';
import { err, ok, type Result } from './result';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Map<string, number>([...ALPHABET].map((c, i) => [c, i]));

const at = (s: string, i: number): number => VALUE.get(s[i] ?? '') ?? 0;

export function encodeBase64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

export function decodeBase64url(text: string): Result<Uint8Array, Phrase> {
  for (let i = 0; i < text.length; i++) {
    if (!VALUE.has(text[i] as string)) {
      return err(sayLink('base64url.bad-character', { char: JSON.stringify(text[i]), index: i }));
    }
  }
  if (text.length % 4 === 1) return err(sayLink('base64url.bad-length', { length: text.length }));
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n = (at(text, i) << 18) | (at(text, i + 1) << 12) | (at(text, i + 2) << 6) | at(text, i + 3);
    for (let k = 0; k < 3 && o < out.length; k++) out[o++] = (n >> (16 - 8 * k)) & 255;
  }
  // The last character may carry bits past the final byte; canonical text leaves them zero.
  const spare = (text.length * 6) % 8;
  if (spare && (at(text, text.length - 1) & ((1 << spare) - 1)) !== 0) return err(sayLink('base64url.stray-bits'));
  return ok(out);
}
