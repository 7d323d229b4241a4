/**
 * -b scheduler flags. The kernel keeps three bits (IP_VS_SVC_F_SCHED1..3); ipvsadm names
 * them after the scheduler when it prints them (print_sched_flags): sh-fallback/sh-port for
 * sh, mh-fallback/mh-port for mh, flag-1..flag-3 otherwise. ServiceConfig.schedFlags holds
 * the names; these turn them into bits and back.
 */

/** Bits as 1, 2, 4 (SCHED1, SCHED2, SCHED3). */
export function schedFlagBits(names: readonly string[]): number {
  let bits = 0;
  for (const n of names) {
    if (n === 'flag-1' || n === 'sh-fallback' || n === 'mh-fallback') bits |= 1;
    else if (n === 'flag-2' || n === 'sh-port' || n === 'mh-port') bits |= 2;
    else if (n === 'flag-3') bits |= 4;
  }
  return bits;
}

/** The names a set of bits gets under this scheduler, for ServiceConfig.schedFlags. */
export function schedFlagNames(scheduler: string, bits: number): string[] {
  const names =
    scheduler === 'sh' ? ['sh-fallback', 'sh-port', 'flag-3']
    : scheduler === 'mh' ? ['mh-fallback', 'mh-port', 'flag-3']
    : ['flag-1', 'flag-2', 'flag-3'];
  return names.filter((_, i) => bits & (1 << i));
}

/**
 * print_sched_flags(): what ipvsadm prints between the parentheses of -L or after -b of -S.
 * For sh and mh only their two named flags show; a third bit prints nothing.
 */
export function printSchedFlags(scheduler: string, bits: number): string {
  const shown =
    scheduler === 'sh' ? ['sh-fallback', 'sh-port']
    : scheduler === 'mh' ? ['mh-fallback', 'mh-port']
    : ['flag-1', 'flag-2', 'flag-3'];
  return shown.filter((_, i) => bits & (1 << i)).join(',');
}
