/**
 * A hash map from small non-negative integers (a client port with its protocol) to values, by
 * open addressing with linear probing and backward-shift deletion: a key that comes and goes on
 * every connection costs no rehash and no allocation, unlike a Map whose deleted slots pile up
 * until it rebuilds itself. It iterates in slot order, not insertion order: a user that needs
 * an order keeps its own (see TcpStack.list).
 */
const EMPTY = -1;
const MIN_BITS = 4;

export class IntMap<V> {
  private keys = new Int32Array(1 << MIN_BITS).fill(EMPTY);
  private vals: Array<V | undefined> = new Array<V | undefined>(1 << MIN_BITS).fill(undefined);
  private bits = MIN_BITS;
  size = 0;

  /** The slot a key starts probing from (Fibonacci hashing: the top bits of key × 2^32/φ). */
  private home(k: number): number {
    return Math.imul(k, 0x9e3779b1) >>> (32 - this.bits);
  }

  get(k: number): V | undefined {
    const keys = this.keys;
    const mask = keys.length - 1;
    for (let i = this.home(k); ; i = (i + 1) & mask) {
      const at = keys[i] as number;
      if (at === k) return this.vals[i];
      if (at === EMPTY) return undefined;
    }
  }

  set(k: number, v: V): void {
    const keys = this.keys;
    const mask = keys.length - 1;
    let i = this.home(k);
    for (; ; i = (i + 1) & mask) {
      const at = keys[i] as number;
      if (at === k) {
        this.vals[i] = v;
        return;
      }
      if (at === EMPTY) break;
    }
    keys[i] = k;
    this.vals[i] = v;
    // At most half full, so probes stay short.
    if (++this.size * 2 > keys.length) this.grow();
  }

  delete(k: number): boolean {
    const keys = this.keys;
    const vals = this.vals;
    const mask = keys.length - 1;
    let i = this.home(k);
    for (; ; i = (i + 1) & mask) {
      const at = keys[i] as number;
      if (at === k) break;
      if (at === EMPTY) return false;
    }
    // Backward shift: pull later keys of the probe run into the hole when their home allows it,
    // so no tombstone is left behind (Knuth, vol. 3, 6.4 Algorithm R).
    for (let j = (i + 1) & mask; ; j = (j + 1) & mask) {
      const at = keys[j] as number;
      if (at === EMPTY) break;
      const h = this.home(at);
      // The key at j may move to i unless its home lies cyclically in (i, j].
      const stays = i <= j ? i < h && h <= j : i < h || h <= j;
      if (stays) continue;
      keys[i] = at;
      vals[i] = vals[j];
      i = j;
    }
    keys[i] = EMPTY;
    vals[i] = undefined;
    this.size--;
    return true;
  }

  has(k: number): boolean {
    return this.get(k) !== undefined;
  }

  /** Every value, in slot order. */
  forEach(fn: (v: V, k: number) => void): void {
    const keys = this.keys;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as number;
      if (k !== EMPTY) fn(this.vals[i] as V, k);
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldVals = this.vals;
    this.bits++;
    this.keys = new Int32Array(1 << this.bits).fill(EMPTY);
    this.vals = new Array<V | undefined>(1 << this.bits).fill(undefined);
    this.size = 0;
    for (let i = 0; i < oldKeys.length; i++) {
      const k = oldKeys[i] as number;
      if (k !== EMPTY) this.set(k, oldVals[i] as V);
    }
  }
}
