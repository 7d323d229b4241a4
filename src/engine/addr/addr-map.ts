/**
 * A hash map from IPv4 addresses to values, for lookups made on every packet. A Map keyed by an
 * address above 127.255.255.255 hashes a heap number (such an address is no small integer for
 * V8), which a load run's 198.18.x.x clients pay on every hop; this one hashes `addr | 0` into a
 * typed array. Open addressing with linear probing; a slot is empty while its value is
 * undefined, so every 32-bit key is allowed and undefined is not a value. Entries are only added
 * or all cleared: the tables using it (per-address sockets, a route cache, the IPVS index's client
 * level) never drop one address alone.
 */
const MIN_BITS = 4;

export class AddrMap<V> {
  private keys = new Int32Array(1 << MIN_BITS);
  private vals: Array<V | undefined> = new Array<V | undefined>(1 << MIN_BITS).fill(undefined);
  private bits = MIN_BITS;
  size = 0;

  /** The slot a key starts probing from (Fibonacci hashing: the top bits of key × 2^32/φ). */
  private home(k: number): number {
    return Math.imul(k, 0x9e3779b1) >>> (32 - this.bits);
  }

  get(addr: number): V | undefined {
    const k = addr | 0;
    const keys = this.keys;
    const vals = this.vals;
    const mask = keys.length - 1;
    for (let i = this.home(k); ; i = (i + 1) & mask) {
      const v = vals[i];
      if (v === undefined || keys[i] === k) return v;
    }
  }

  has(addr: number): boolean {
    return this.get(addr) !== undefined;
  }

  set(addr: number, v: V): void {
    const k = addr | 0;
    const keys = this.keys;
    const vals = this.vals;
    const mask = keys.length - 1;
    let i = this.home(k);
    for (; vals[i] !== undefined; i = (i + 1) & mask) {
      if (keys[i] === k) {
        vals[i] = v;
        return;
      }
    }
    keys[i] = k;
    vals[i] = v;
    // At most half full, so probes stay short.
    if (++this.size * 2 > keys.length) this.grow();
  }

  clear(): void {
    this.keys = new Int32Array(1 << MIN_BITS);
    this.vals = new Array<V | undefined>(1 << MIN_BITS).fill(undefined);
    this.bits = MIN_BITS;
    this.size = 0;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldVals = this.vals;
    this.bits++;
    this.keys = new Int32Array(1 << this.bits);
    this.vals = new Array<V | undefined>(1 << this.bits).fill(undefined);
    this.size = 0;
    for (let i = 0; i < oldKeys.length; i++) {
      const v = oldVals[i];
      if (v !== undefined) this.set(oldKeys[i] as number, v);
    }
  }
}
