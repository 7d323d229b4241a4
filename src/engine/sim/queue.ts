/**
 * The event queue, ordered by (t, seq). `seq` is the insertion counter, so two events at the
 * same simulated time always run in the order they were scheduled.
 *
 * Most events come `delay` ms after the current time with one of a few fixed delays (a
 * segment's latency, TIME_WAIT, the delayed ACK, ARP's retransmit). Simulated time never runs
 * backwards, so the events of one fixed delay are scheduled already in (t, seq) order: each
 * such delay gets a FIFO lane, and only the other delays go to a binary min-heap. A pop takes
 * the smallest (t, seq) among the heap's top and the lanes' heads, which is exactly the order
 * one heap would give, without sifting thousands of long timers on every event. Cancellable
 * timers have a heap of their own whose items know their slot, so cancelling one is a sift, not
 * a scan. Times, seqs and items sit in parallel arrays so the hot path allocates nothing per event.
 */
import { SlotHeap, type Slotted } from './slot-heap';
import { TimedHeap } from './timed-heap';

export interface Scheduled<T> {
  t: number;
  seq: number;
  item: T;
}

/**
 * A FIFO of events whose (t, seq) only grow: slots [head, tail) of parallel arrays that keep
 * their capacity when the lane drains (a lane of frames on a link empties after nearly every hop).
 */
class Lane<T> {
  constructor(readonly index: number) {}
  ts: number[] = [];
  seqs: number[] = [];
  items: Array<T | undefined> = [];
  head = 0;
  tail = 0;

  /** The time of the newest event (a lane only takes events at or after it). */
  lastT(): number {
    return this.tail > this.head ? (this.ts[this.tail - 1] as number) : -Infinity;
  }

  push(t: number, seq: number, item: T): void {
    const i = this.tail++;
    if (i === this.items.length) {
      this.ts.push(t);
      this.seqs.push(seq);
      this.items.push(item);
    } else {
      this.ts[i] = t;
      this.seqs[i] = seq;
      this.items[i] = item;
    }
  }

  shift(): T {
    const h = this.head;
    const item = this.items[h] as T;
    this.items[h] = undefined;
    this.head = h + 1;
    if (this.head === this.tail) {
      this.head = 0;
      this.tail = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.tail) {
      // A long lane (TIME_WAIT's 60 s): slide the live part to the front, in place.
      this.ts.copyWithin(0, this.head, this.tail);
      this.seqs.copyWithin(0, this.head, this.tail);
      this.items.copyWithin(0, this.head, this.tail);
      this.items.fill(undefined, this.tail - this.head, this.tail);
      this.tail -= this.head;
      this.head = 0;
    }
    return item;
  }
}

/** Lanes beyond the ones a world asks for are made on first use of a delay, up to this many. */
const MAX_LANES = 12;

/** Which source holds the next event: the heap, a lane index, or nothing. */
const FROM_HEAP = -1;
const FROM_TIMERS = -4;
const NONE = -2;
const UNKNOWN = -3;

export class EventQueue<T> {
  /** Events with no lane, ordered by (t, seq). */
  private readonly heap = new TimedHeap<T>();
  /** Cancellable timers (pushCancellable), ordered by (t, seq) like the rest. */
  private readonly timers = new SlotHeap<T & Slotted>();
  private nextSeq = 0;
  private readonly lanes: Array<Lane<T>> = [];
  /** Each lane's delay, by lane index: scanned (a dozen numbers at most) rather than hashed per push. */
  private readonly laneDelays: number[] = [];
  /** Each lane's head (t, seq), Infinity when empty: next() scans two number arrays, not the lanes. */
  private readonly laneT: number[] = [];
  private readonly laneS: number[] = [];
  private laned = 0;
  /** next()'s answer, kept from peekTime to popItem (any push forgets it). */
  private peeked = UNKNOWN;

  get size(): number {
    return this.heap.size + this.timers.size + this.laned;
  }

  /** Schedules at absolute time `t` (the heap). */
  push(t: number, item: T): void {
    this.peeked = UNKNOWN;
    this.heap.push(t, this.nextSeq++, item);
  }

  /** Schedules `delay` after `now`, in the FIFO lane of that delay when it has (or can get) one. */
  pushAfter(now: number, delay: number, item: T): void {
    this.peeked = UNKNOWN;
    const t = now + delay;
    let lane: Lane<T> | undefined;
    const delays = this.laneDelays;
    for (let i = 0; i < delays.length; i++) {
      if (delays[i] === delay) {
        lane = this.lanes[i];
        break;
      }
    }
    if (lane === undefined && this.lanes.length < MAX_LANES && delay >= 0) {
      lane = new Lane<T>(this.lanes.length);
      this.lanes.push(lane);
      this.laneT.push(Infinity);
      this.laneS.push(Infinity);
      delays.push(delay);
    }
    const seq = this.nextSeq++;
    if (lane === undefined || t < lane.lastT()) {
      this.heap.push(t, seq, item);
      return;
    }
    if (lane.head === lane.tail) {
      this.laneT[lane.index] = t;
      this.laneS[lane.index] = seq;
    }
    lane.push(t, seq, item);
    this.laned++;
  }

  /**
   * Schedules `delay` after `now` in the heap, where cancel() can find it again: for timers that
   * are re-armed far more often than they fire (TCP's retransmission timer, restarted by every
   * ACK). A cancelled timer leaves nothing behind, as del_timer() in the kernel.
   */
  pushCancellable(now: number, delay: number, item: T & Slotted): void {
    this.peeked = UNKNOWN;
    this.timers.push(now + delay, this.nextSeq++, item);
  }

  /** Takes `item` (scheduled by pushCancellable) out of the queue; false if it was not there. */
  cancel(item: T & Slotted): boolean {
    if (!this.timers.remove(item)) return false;
    this.peeked = UNKNOWN;
    return true;
  }

  /** The source of the earliest (t, seq): FROM_HEAP, a lane's index, or NONE. */
  private next(): number {
    let src = NONE;
    let bt = Infinity;
    let bs = Infinity;
    const heap = this.heap;
    if (heap.size) {
      src = FROM_HEAP;
      bt = heap.ts[0] as number;
      bs = heap.ties[0] as number;
    }
    const timers = this.timers;
    if (timers.size) {
      const t = timers.ts[0] as number;
      if (t < bt || (t === bt && (timers.ties[0] as number) < bs)) {
        src = FROM_TIMERS;
        bt = t;
        bs = timers.ties[0] as number;
      }
    }
    const lt = this.laneT;
    const ls = this.laneS;
    for (let i = 0; i < lt.length; i++) {
      const t = lt[i] as number;
      if (t < bt || (t === bt && (ls[i] as number) < bs)) {
        src = i;
        bt = t;
        bs = ls[i] as number;
      }
    }
    return src;
  }

  peekTime(): number {
    const src = (this.peeked = this.next());
    if (src === NONE) return Infinity;
    if (src === FROM_HEAP) return this.heap.ts[0] as number;
    if (src === FROM_TIMERS) return this.timers.ts[0] as number;
    const l = this.lanes[src] as Lane<T>;
    return l.ts[l.head] as number;
  }

  /** Removes the earliest event and returns its item (read its time with peekTime first). */
  popItem(): T | undefined {
    const src = this.peeked !== UNKNOWN ? this.peeked : this.next();
    this.peeked = UNKNOWN;
    if (src === NONE) return undefined;
    if (src === FROM_HEAP) return this.heap.pop();
    if (src === FROM_TIMERS) return this.timers.pop();
    this.laned--;
    return this.laneShift(src);
  }

  pop(): Scheduled<T> | undefined {
    const src = this.peeked !== UNKNOWN ? this.peeked : this.next();
    this.peeked = UNKNOWN;
    if (src === NONE) return undefined;
    if (src === FROM_HEAP) {
      const t = this.heap.ts[0] as number;
      const seq = this.heap.ties[0] as number;
      return { t, seq, item: this.heap.pop() };
    }
    if (src === FROM_TIMERS) {
      const t = this.timers.ts[0] as number;
      const seq = this.timers.ties[0] as number;
      return { t, seq, item: this.timers.pop() };
    }
    const l = this.lanes[src] as Lane<T>;
    const t = l.ts[l.head] as number;
    const seq = l.seqs[l.head] as number;
    this.laned--;
    return { t, seq, item: this.laneShift(src) };
  }

  /** Takes lane `i`'s head and records its new head. */
  private laneShift(i: number): T {
    const l = this.lanes[i] as Lane<T>;
    const item = l.shift();
    if (l.head === l.tail) {
      this.laneT[i] = Infinity;
      this.laneS[i] = Infinity;
    } else {
      this.laneT[i] = l.ts[l.head] as number;
      this.laneS[i] = l.seqs[l.head] as number;
    }
    return item;
  }
}
