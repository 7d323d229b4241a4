/**
 * When a kernel wheel timer (mod_timer: neighbour, TCP retransmission) really runs. Debian's
 * 6.1 kernel ticks at HZ=250 (a jiffy is 4 ms) and files a timer in the timer wheel's level for
 * its distance (kernel/time/timer.c, calc_wheel_index): level n holds 64 buckets of 8^n jiffies,
 * and calc_index rounds the expiry up to the next bucket boundary so that it never fires early.
 * So a 1 s timer (250 jiffies, level 1) runs 4-32 ms late and a 5 s one (level 2) up to 256 ms:
 * the oracle VM's ARP retries and DELAY probes came that late.
 */

/** One jiffy at HZ=250. */
export const JIFFY_MS = 4;

/** LVL_CLK_SHIFT: each level's buckets are 8 times the last's. */
const LVL_CLK_SHIFT = 3;
/** LVL_SIZE - 1: the buckets a level covers before the next one takes over. */
const LVL_SPAN = 63;
/** LVL_DEPTH at HZ > 100. */
const LVL_DEPTH = 9;

/**
 * The jiffies count at simulated time 0. A real session begins at some unknown time after boot,
 * so where the bucket boundaries fall is a free choice; any fixed value keeps runs deterministic.
 * Of the 8 phases of a 32 ms (level 1) bucket, 4 agree equally with the oracle labs (this, 75008,
 * 75014, 75015); the others put a few more ARP failures on the other side of a curl's timeout.
 */
export const JIFFIES_AT_ZERO = 75012;

/** jiffies at `nowMs`: the ticks come every 4 ms of simulated time. */
export function jiffiesAt(nowMs: number): number {
  return JIFFIES_AT_ZERO + Math.floor(nowMs / JIFFY_MS);
}

/** msecs_to_jiffies: a delay in whole jiffies, rounded up. */
export function msToJiffies(ms: number): number {
  return Math.ceil(ms / JIFFY_MS - 1e-9);
}

/** The level calc_wheel_index files a timer `delta` jiffies away in. */
function wheelLevel(delta: number): number {
  for (let lvl = 0; lvl < LVL_DEPTH - 1; lvl++) {
    if (delta < LVL_SPAN << (lvl * LVL_CLK_SHIFT)) return lvl;
  }
  return LVL_DEPTH - 1;
}

/** calc_index's bucket expiry: the expiry rounded up past its level's granularity. */
export function bucketExpiry(expires: number, delta: number): number {
  const shift = wheelLevel(delta) * LVL_CLK_SHIFT;
  const gran = 2 ** shift;
  return (Math.floor(expires / gran) + 1) * gran;
}

/**
 * The delay, from `nowMs`, after which a timer armed now for `delayMs` (mod_timer(jiffies +
 * msecs_to_jiffies(delayMs))) runs: at the tick its bucket comes due.
 */
export function wheelDelayMs(nowMs: number, delayMs: number): number {
  const now = jiffiesAt(nowMs);
  const delta = msToJiffies(delayMs);
  const due = bucketExpiry(now + delta, delta);
  return (due - JIFFIES_AT_ZERO) * JIFFY_MS - nowMs;
}
