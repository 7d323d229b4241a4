/**
 * The event queue: a binary min-heap ordered by (t, seq). `seq` is the insertion counter, so two
 * events at the same simulated time always run in the order they were scheduled.
 */
export interface Scheduled<T> {
  t: number;
  seq: number;
  item: T;
}

export class EventQueue<T> {
  private heap: Array<Scheduled<T>> = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(t: number, item: T): void {
    const e = { t, seq: this.nextSeq++, item };
    const h = this.heap;
    let i = h.length;
    h.push(e);
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pe = h[p] as Scheduled<T>;
      if (pe.t < t || (pe.t === t && pe.seq < e.seq)) break;
      h[i] = pe;
      i = p;
    }
    h[i] = e;
  }

  peekTime(): number {
    const top = this.heap[0];
    return top ? top.t : Infinity;
  }

  pop(): Scheduled<T> | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (!top || !last || h.length === 0) return top;
    const n = h.length;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      const le = h[l] as Scheduled<T>;
      if (r < n) {
        const re = h[r] as Scheduled<T>;
        if (re.t < le.t || (re.t === le.t && re.seq < le.seq)) c = r;
      }
      const ce = h[c] as Scheduled<T>;
      if (last.t < ce.t || (last.t === ce.t && last.seq < ce.seq)) break;
      h[i] = ce;
      i = c;
    }
    h[i] = last;
    return top;
  }
}
