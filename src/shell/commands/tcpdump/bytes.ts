/**
 * Reading a captured frame as tcpdump's printers do: big-endian fields at offsets, dotted quads
 * and colon-separated MACs (tcpdump -n), all bounds-checked by the caller through `has`.
 */
import { portName } from '../../../engine';

export function u16(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
}

export function u32(b: Uint8Array, at: number): number {
  return (u16(b, at) * 0x10000 + u16(b, at + 2)) >>> 0;
}

export function ipAt(b: Uint8Array, at: number): string {
  return `${b[at] ?? 0}.${b[at + 1] ?? 0}.${b[at + 2] ?? 0}.${b[at + 3] ?? 0}`;
}

export function macAt(b: Uint8Array, at: number): string {
  let s = '';
  for (let i = 0; i < 6; i++) s += (i ? ':' : '') + (b[at + i] ?? 0).toString(16).padStart(2, '0');
  return s;
}

/** Whether `len` bytes from `at` were captured. */
export function has(b: Uint8Array, at: number, len: number): boolean {
  return at + len <= b.length;
}

/** tcpport_string/udpport_string: the service name without -n, else the number. */
export function portText(port: number, proto: 'tcp' | 'udp', names: boolean): string {
  return (names ? portName(port, proto) : undefined) ?? String(port);
}
