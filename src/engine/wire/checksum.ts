/**
 * The Internet checksum (RFC 1071) and the IPv4 pseudo-header that TCP and UDP add to it
 * (RFC 793 §3.1, RFC 768), plus the few byte helpers every protocol in this folder shares:
 * the bounds check each parser starts with, and payload text as one byte per character.
 */
import type { Ipv4 } from '../addr/ipv4';

/** The addresses a TCP or UDP checksum covers besides the segment itself. */
export interface PseudoHeader {
  readonly src: Ipv4;
  readonly dst: Ipv4;
}

/** Adds up big-endian 16-bit words, an odd last byte padded with zero; the carries fold later. */
export function sumWords(view: DataView, offset: number, len: number, initial = 0): number {
  let sum = initial;
  const end = offset + len - (len & 1);
  for (let i = offset; i < end; i += 2) sum += view.getUint16(i);
  if (len & 1) sum += view.getUint8(offset + len - 1) << 8;
  return sum;
}

/** Folds the carries back in and complements: the value that goes in the header. */
export function foldChecksum(sum: number): number {
  let s = sum;
  while (s > 0xffff) s = (s & 0xffff) + Math.floor(s / 0x10000);
  return ~s & 0xffff;
}

/** RFC 1071 over `len` bytes; over bytes that already hold a correct checksum it gives 0. */
export function internetChecksum(view: DataView, offset: number, len: number, initial = 0): number {
  return foldChecksum(sumWords(view, offset, len, initial));
}

/** The unfolded sum of the pseudo-header: source, destination, zero, protocol, length. */
export function pseudoHeaderSum(ph: PseudoHeader, protocol: number, length: number): number {
  return (ph.src >>> 16) + (ph.src & 0xffff) + (ph.dst >>> 16) + (ph.dst & 0xffff) + protocol + length;
}

/**
 * Checks the checksum at `fieldOffset` over `len` bytes (plus `initial`, the pseudo-header):
 * undefined when it is right, else a message with the value it should have had.
 */
export function checksumError(view: DataView, offset: number, len: number, fieldOffset: number, initial: number, what: string): string | undefined {
  if (internetChecksum(view, offset, len, initial) === 0) return undefined;
  const found = view.getUint16(fieldOffset);
  const expected = foldChecksum(sumWords(view, offset, len, initial) - found);
  return `bad ${what} checksum ${hex16(found)} (expected ${hex16(expected)})`;
}

/** Every parser checks this first, so a bad `offset`/`len` is an error, never a RangeError. */
export function rangeError(view: DataView, offset: number, len: number, what: string): string | undefined {
  const okRange = Number.isInteger(offset) && Number.isInteger(len) && offset >= 0 && len >= 0;
  if (okRange && offset + len <= view.byteLength) return undefined;
  return `${what}: bytes ${offset}..${offset + len} lie outside the ${view.byteLength}-byte buffer`;
}

export function hex16(n: number): string {
  return `0x${n.toString(16).padStart(4, '0')}`;
}

/**
 * Payloads are text in the reprs (HTTP-like lines). One byte per character: ASCII and
 * Latin-1 round-trip; anything wider would not fit a byte, so it goes out as `?`.
 */
export function writeText(view: DataView, offset: number, text: string): void {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    view.setUint8(offset + i, c <= 0xff ? c : 0x3f);
  }
}

export function readText(view: DataView, offset: number, len: number): string {
  const bytes = new Uint8Array(view.buffer, view.byteOffset + offset, len);
  let s = '';
  // Chunks keep fromCharCode's argument list well under engines' limits.
  for (let i = 0; i < len; i += 4096) s += String.fromCharCode(...bytes.subarray(i, i + 4096));
  return s;
}
