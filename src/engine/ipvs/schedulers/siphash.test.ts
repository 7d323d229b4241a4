import { describe, expect, it } from 'vitest';
import { hsiphash, hsiphashU32, sipHash } from './siphash';

// lib/siphash_kunit.c (formerly lib/test_siphash.c): input i is the bytes 0, 1, …, i-1;
// on 64-bit kernels the hsiphash key is {0x0706050403020100, 0x0f0e0d0c0b0a0908}.
const KEY = { k0: 0x0706050403020100n, k1: 0x0f0e0d0c0b0a0908n };
const HSIPHASH_64BIT_VECTORS = [
  0x050fc4dc, 0x7d57ca93, 0x4dc7d44d, 0xe7ddf7fb, 0x88d38328, 0x49533b67, 0xc59f22a7, 0x9bb11140,
  0x8d299a8e, 0x6c063de4, 0x92ff097f, 0xf94dc352, 0x57b4d9a2, 0x1229ffa7, 0xc0f95d34, 0x2a519956,
  0x7d908b66, 0x63dbd80c, 0xb473e63e, 0x8d297d1c, 0xa6cce040, 0x2b45f844, 0xa320872e, 0xdae6c123,
  0x67349c8c, 0x705b0979, 0xca9913a5, 0x4ade3b35, 0xef6cd00d, 0x4ab1e1f4, 0x43c5e663, 0x8c21d1bc,
  0x16a7b60d, 0x7a8ff9bf, 0x1f2a753e, 0xbf186b91, 0xada26206, 0xa3c33057, 0xae3a36a1, 0x7b108392,
  0x99e41531, 0x3f1ad944, 0xc8138825, 0xc28949a6, 0xfaf8876b, 0x9f042196, 0x68b1d623, 0x8b5114fd,
  0xdf074c46, 0x12cc86b3, 0x0a52098f, 0x9d292f9a, 0xa2f41f12, 0x43a71ed0, 0x73f0bce6, 0x70a7e980,
  0x243c6d75, 0xfdb71513, 0xa67d8a08, 0xb7e8f148, 0xf7a644ee, 0x0f1837f2, 0x4b6694e0, 0xb7bbb3a8,
];

const bytesUpTo = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => i);

describe('siphash', () => {
  it('matches the kernel self-test vectors for hsiphash on 64-bit (SipHash-1-3, low 32 bits)', () => {
    const got = HSIPHASH_64BIT_VECTORS.map((_, i) => hsiphash(bytesUpTo(i), KEY));
    expect(got).toEqual(HSIPHASH_64BIT_VECTORS);
  });

  it('gives the reference SipHash-2-4 value for the empty message (veorq/SipHash vectors[0])', () => {
    expect(sipHash(bytesUpTo(0), KEY, 2, 4)).toBe(0x726fdb47dd0e0e31n);
  });

  it('hashes a u32 as its four little-endian bytes, as hsiphash(&v, 4, key) does on x86-64', () => {
    expect(hsiphashU32(0x03020100, KEY)).toBe(HSIPHASH_64BIT_VECTORS[4]);
  });
});
