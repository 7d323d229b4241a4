/**
 * Packet capture on a live world, as a packet socket (AF_PACKET, what tcpdump opens) sees an
 * interface: every frame the host sends on it and every frame that arrives on it (promiscuous,
 * as tcpdump opens it: also frames for other MACs that the switch floods), at the simulated
 * time it crosses, as bytes without FCS or padding (a veth pads nothing: ARP is 42 bytes).
 */
import { frameLength } from '../l2/segment';
import type { Iface } from '../host/iface';
import type { FrameTap, World } from '../sim/world';
import { encodeFrame } from '../wire/frame';
import type { Frame } from '../wire/repr';
import type { LiveWorld } from './live-world';

export interface CapturedFrame {
  /** Simulated milliseconds. */
  readonly t: number;
  readonly bytes: Uint8Array;
  readonly ifname: string;
  /** `out`: the host sent it (PACKET_OUTGOING); `in`: it arrived. */
  readonly dir: 'in' | 'out';
}

export interface Capture {
  /** Stops the capture; the world's hot path is back to one check once no capture is left. */
  detach(): void;
}

interface Listener {
  readonly hostId: string;
  readonly ifname: string | 'any';
  readonly onFrame: (f: CapturedFrame) => void;
}

const LISTENERS = new WeakMap<World, Listener[]>();

function tapFor(w: World, listeners: Listener[]): FrameTap {
  return (iface: Iface, dir: 'in' | 'out', frame: Frame) => {
    let bytes: Uint8Array | undefined;
    // A callback may detach (tcpdump -c N): walk a copy.
    for (const l of [...listeners]) {
      if (l.hostId !== iface.hostId || (l.ifname !== 'any' && l.ifname !== iface.name)) continue;
      bytes ??= encodeFrame(frame).slice(0, frameLength(frame.type === 'ipv4' ? frame.ip : undefined));
      l.onFrame({ t: w.now, bytes, ifname: iface.name, dir });
    }
  };
}

/**
 * Calls `onFrame` for every frame crossing `ifname` of `hostId` (`'any'`: every interface of
 * the host) from now on, until `detach()`.
 *
 * @example
 * const cap = attachCapture(live, 'RS1', 'eth0', (f) => lines.push(f.t));
 * httpGet(live, live.host('C')!, request); // lines fill as frames cross RS1's eth0
 * cap.detach();
 */
export function attachCapture(live: LiveWorld, hostId: string, ifname: string | 'any', onFrame: (f: CapturedFrame) => void): Capture {
  const w = live.world;
  let listeners = LISTENERS.get(w);
  if (!listeners) LISTENERS.set(w, (listeners = []));
  const me: Listener = { hostId, ifname, onFrame };
  listeners.push(me);
  w.taps ??= tapFor(w, listeners);
  const list = listeners;
  return {
    detach() {
      const i = list.indexOf(me);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) w.taps = undefined;
    },
  };
}
