/**
 * SipHash as lib/siphash.c computes it. mh hashes with hsiphash(), which on a 64-bit kernel
 * (BITS_PER_LONG == 64, e.g. x86-64) is SipHash-1-3 over 64-bit words with a 64-bit key
 * pair, truncated to u32 ("we make HalfSipHash1-3 actually be SipHash1-3" in siphash.c).
 * Message bytes are read little-endian, as on x86-64. BigInt keeps the 64-bit words exact.
 */

const MASK64 = (1n << 64n) - 1n;

// "somepseudorandomlygeneratedbytes", SIPHASH_CONST_0..3 of include/linux/siphash.h.
const C0 = 0x736f6d6570736575n;
const C1 = 0x646f72616e646f6dn;
const C2 = 0x6c7967656e657261n;
const C3 = 0x7465646279746573n;

function rotl(x: bigint, b: bigint): bigint {
  return ((x << b) | (x >> (64n - b))) & MASK64;
}

/** A 64-bit key pair, hsiphash_key_t { unsigned long key[2]; } on 64-bit. */
export interface SipKey {
  readonly k0: bigint;
  readonly k1: bigint;
}

/** SipHash-c-d of `bytes`, the full 64-bit (v0 ^ v1) ^ (v2 ^ v3). */
export function sipHash(bytes: Uint8Array, key: SipKey, cRounds: number, dRounds: number): bigint {
  let v0 = C0 ^ key.k0;
  let v1 = C1 ^ key.k1;
  let v2 = C2 ^ key.k0;
  let v3 = C3 ^ key.k1;
  const round = (): void => {
    v0 = (v0 + v1) & MASK64; v1 = rotl(v1, 13n); v1 ^= v0; v0 = rotl(v0, 32n);
    v2 = (v2 + v3) & MASK64; v3 = rotl(v3, 16n); v3 ^= v2;
    v0 = (v0 + v3) & MASK64; v3 = rotl(v3, 21n); v3 ^= v0;
    v2 = (v2 + v1) & MASK64; v1 = rotl(v1, 17n); v1 ^= v2; v2 = rotl(v2, 32n);
  };
  const whole = bytes.length - (bytes.length % 8);
  for (let off = 0; off < whole; off += 8) {
    let m = 0n;
    for (let i = 7; i >= 0; i--) m = (m << 8n) | BigInt(bytes[off + i] as number);
    v3 ^= m;
    for (let r = 0; r < cRounds; r++) round();
    v0 ^= m;
  }
  // The last block: the leftover bytes little-endian, with the length in the top byte.
  let b = BigInt(bytes.length & 0xff) << 56n;
  for (let i = bytes.length - 1; i >= whole; i--) b |= BigInt(bytes[i] as number) << BigInt(8 * (i - whole));
  v3 ^= b;
  for (let r = 0; r < cRounds; r++) round();
  v0 ^= b;
  v2 ^= 0xffn;
  for (let r = 0; r < dRounds; r++) round();
  return (v0 ^ v1 ^ v2 ^ v3) & MASK64;
}

/** hsiphash() on a 64-bit kernel: SipHash-1-3, the low 32 bits. */
export function hsiphash(bytes: Uint8Array, key: SipKey): number {
  return Number(sipHash(bytes, key, 1, 3) & 0xffffffffn);
}

/** hsiphash(&v, sizeof(v), key) for a u32 `v` held in memory on a little-endian machine. */
export function hsiphashU32(v: number, key: SipKey): number {
  const u = v >>> 0;
  return hsiphash(new Uint8Array([u & 0xff, (u >>> 8) & 0xff, (u >>> 16) & 0xff, u >>> 24]), key);
}
