/**
 * The event queue's heap of cancellable timers: a binary min-heap of (time, tie, item) like
 * TimedHeap, whose items carry the slot they sit in, so that taking one out (a TCP
 * retransmission timer re-armed by an ACK, as mod_timer does) costs a sift and not a scan. A
 * load run keeps hundreds of such timers live at once (the connections to a failed server
 * backing off), and each ACK re-arms one.
 */
export interface Slotted {
  /** The item's slot in the heap, -1 when it is in none. Only the heap writes it. */
  heapSlot: number;
}

export class SlotHeap<T extends Slotted> {
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
    const top = this.items[0] as T;
    this.removeAt(0);
    top.heapSlot = -1;
    return top;
  }

  /** Takes `item` out; false if it is not in this heap. */
  remove(item: T): boolean {
    const i = item.heapSlot;
    if (i < 0 || this.items[i] !== item) return false;
    this.removeAt(i);
    item.heapSlot = -1;
    return true;
  }

  private removeAt(i: number): void {
    const { ts, ties, items } = this;
    const lastT = ts.pop() as number;
    const lastTie = ties.pop() as number;
    const lastItem = items.pop() as T;
    if (i === items.length) return;
    // Refill the hole with the last slot: up if it is earlier than the hole's parent, else down.
    if (this.siftUp(i, lastT, lastTie, lastItem) === i) this.siftDown(i, lastT, lastTie, lastItem);
  }

  /** Moves (t, tie, item) from slot i towards the root to its place; returns the slot it took. */
  private siftUp(i: number, t: number, tie: number, item: T): number {
    const { ts, ties, items } = this;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = ts[p] as number;
      if (pt < t || (pt === t && (ties[p] as number) < tie)) break;
      const moved = items[p] as T;
      ts[i] = pt;
      ties[i] = ties[p] as number;
      items[i] = moved;
      moved.heapSlot = i;
      i = p;
    }
    ts[i] = t;
    ties[i] = tie;
    items[i] = item;
    item.heapSlot = i;
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
      const moved = items[c] as T;
      ts[i] = ct;
      ties[i] = ties[c] as number;
      items[i] = moved;
      moved.heapSlot = i;
      i = c;
    }
    ts[i] = t;
    ties[i] = tie;
    items[i] = item;
    item.heapSlot = i;
  }
}
