/**
 * A binary min-heap of (time, tie, item), ordered by time and then by tie: a number that tells
 * equal times apart once and for all (the event queue's insertion counter, an IPVS entry's id),
 * so the order never depends on how the heap happens to be shaped. Slots live in three parallel
 * arrays, with no record per slot: the event queue and the IPVS expiry timers push and pop on
 * every packet.
 */
export class TimedHeap<T> {
  /** Slot times, ties and items; slot 0 is the earliest. Read them, never write them. */
  ts: number[] = [];
  ties: number[] = [];
  items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  push(t: number, tie: number, item: T): void {
    this.ts.push(t);
    this.ties.push(tie);
    this.items.push(item);
    this.siftUp(this.items.length - 1, t, tie, item);
  }

  /** Removes the earliest slot and returns its item (the heap must not be empty). */
  pop(): T {
    const { ts, ties, items } = this;
    const top = items[0] as T;
    const lastT = ts.pop() as number;
    const lastTie = ties.pop() as number;
    const lastItem = items.pop() as T;
    if (items.length > 0) this.siftDown(0, lastT, lastTie, lastItem);
    return top;
  }

  /** Takes `item` out wherever it is; false if it is not there. A scan: meant for small heaps. */
  remove(item: T): boolean {
    const { ts, ties, items } = this;
    let i = items.length - 1;
    // Newer slots sit towards the end, and they are the ones re-armed most: scan from there.
    while (i >= 0 && items[i] !== item) i--;
    if (i < 0) return false;
    const lastT = ts.pop() as number;
    const lastTie = ties.pop() as number;
    const lastItem = items.pop() as T;
    if (i === items.length) return true;
    // Refill the hole with the last slot: up if it is earlier than the hole's parent, else down.
    if (this.siftUp(i, lastT, lastTie, lastItem) === i) this.siftDown(i, lastT, lastTie, lastItem);
    return true;
  }

  /** Replaces every slot with these, already in (time, tie) order (a sorted array is a heap). */
  reset(ts: number[], ties: number[], items: T[]): void {
    this.ts = ts;
    this.ties = ties;
    this.items = items;
  }

  /** Moves (t, tie, item) from slot i towards the root to its place; returns the slot it took. */
  private siftUp(i: number, t: number, tie: number, item: T): number {
    const { ts, ties, items } = this;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = ts[p] as number;
      if (pt < t || (pt === t && (ties[p] as number) < tie)) break;
      ts[i] = pt;
      ties[i] = ties[p] as number;
      items[i] = items[p] as T;
      i = p;
    }
    ts[i] = t;
    ties[i] = tie;
    items[i] = item;
    return i;
  }

  /** Moves (t, tie, item) from slot i towards the leaves to its place. */
  private siftDown(i: number, t: number, tie: number, item: T): void {
    const { ts, ties, items } = this;
    const m = items.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= m) break;
      const r = l + 1;
      let c = l;
      if (r < m) {
        const rt = ts[r] as number;
        const lt = ts[l] as number;
        if (rt < lt || (rt === lt && (ties[r] as number) < (ties[l] as number))) c = r;
      }
      const ct = ts[c] as number;
      if (t < ct || (t === ct && tie < (ties[c] as number))) break;
      ts[i] = ct;
      ties[i] = ties[c] as number;
      items[i] = items[c] as T;
      i = c;
    }
    ts[i] = t;
    ties[i] = tie;
    items[i] = item;
  }
}
