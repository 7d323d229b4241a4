/**
 * Seeded pseudo-random streams (sfc32, seeded by splitmix32). One stream per purpose, so adding
 * a draw in one place never shifts the numbers another place sees (smoltcp seeds each direction).
 */
export interface Prng {
  /** A uniform unsigned 32-bit integer. */
  u32(): number;
  /** A uniform integer in [lo, hi]. */
  int(lo: number, hi: number): number;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a of the stream name, so streams are independent of each other's order of creation. */
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export function createPrng(seed: number, stream: string): Prng {
  const mix = splitmix32((seed ^ hashName(stream)) >>> 0);
  let a = mix(), b = mix(), c = mix(), d = mix();
  const u32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) u32();
  return {
    u32,
    int: (lo, hi) => lo + (u32() % (hi - lo + 1)),
  };
}
