/**
 * The event queue: a binary min-heap ordered by (t, seq). `seq` is the insertion counter, so two
 * events at the same simulated time always run in the order they were scheduled. Times, seqs
 * and items sit in parallel arrays so the hot path allocates nothing per event.
 */
export interface Scheduled<T> {
  t: number;
  seq: number;
  item: T;
}

export class EventQueue<T> {
  private ts: number[] = [];
  private seqs: number[] = [];
  private items: T[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.items.length;
  }

  push(t: number, item: T): void {
    const { ts, seqs, items } = this;
    const seq = this.nextSeq++;
    let i = items.length;
    ts.push(t);
    seqs.push(seq);
    items.push(item);
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = ts[p] as number;
      if (pt < t || (pt === t && (seqs[p] as number) < seq)) break;
      ts[i] = pt;
      seqs[i] = seqs[p] as number;
      items[i] = items[p] as T;
      i = p;
    }
    ts[i] = t;
    seqs[i] = seq;
    items[i] = item;
  }

  peekTime(): number {
    return this.items.length ? (this.ts[0] as number) : Infinity;
  }

  /** Removes the earliest event and returns its item (read its time with peekTime first). */
  popItem(): T | undefined {
    const { ts, seqs, items } = this;
    const n = items.length;
    if (n === 0) return undefined;
    const top = items[0] as T;
    const lastT = ts.pop() as number;
    const lastSeq = seqs.pop() as number;
    const lastItem = items.pop() as T;
    const m = n - 1;
    if (m === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= m) break;
      const r = l + 1;
      let c = l;
      if (r < m) {
        const rt = ts[r] as number;
        const lt = ts[l] as number;
        if (rt < lt || (rt === lt && (seqs[r] as number) < (seqs[l] as number))) c = r;
      }
      const ct = ts[c] as number;
      if (lastT < ct || (lastT === ct && lastSeq < (seqs[c] as number))) break;
      ts[i] = ct;
      seqs[i] = seqs[c] as number;
      items[i] = items[c] as T;
      i = c;
    }
    ts[i] = lastT;
    seqs[i] = lastSeq;
    items[i] = lastItem;
    return top;
  }

  pop(): Scheduled<T> | undefined {
    if (this.items.length === 0) return undefined;
    const t = this.ts[0] as number;
    const seq = this.seqs[0] as number;
    const item = this.popItem() as T;
    return { t, seq, item };
  }
}
