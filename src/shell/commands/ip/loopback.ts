/**
 * lo's own 127.0.0.1/8 is implicit in a scenario (every host has it), so a scenario cannot say
 * it is gone: removing it is reported as not simulated rather than lost on the next rebuild.
 */
import type { IfAddr, Iface } from '../../../engine';

export const LOOPBACK_HOME = 'removing 127.0.0.1/8 from lo';

export function isLoopbackHome(dev: Iface, a: IfAddr): boolean {
  return dev.kind === 'loopback' && a.addr === 0x7f000001 && a.len === 8;
}
