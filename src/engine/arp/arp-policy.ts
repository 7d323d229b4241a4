/**
 * Pure kernels for Linux's ARP decisions (net/ipv4/arp.c, Documentation/networking/ip-sysctl.rst):
 * whether to answer a request (arp_ignore) and which source address to put in a request we send
 * (arp_announce). They return a decision and its reason; the sim shell applies and traces it.
 */
import type { Ipv4 } from '../addr/ipv4';
import { ifaMatch, SCOPE_HOST, SCOPE_LINK, type Iface } from '../host/iface';

/**
 * confirm_addr_indev (devinet.c): is `local` configured on `dev` with scope ≤ `scope`, and (when
 * `dst` is given) in a subnet of `dev` that also holds `dst`? Returns the confirmed address or 0.
 */
export function confirmAddrOnDev(dev: Iface, dst: Ipv4 | 0, local: Ipv4 | 0, scope: number): Ipv4 | 0 {
  let addr: Ipv4 | 0 = 0;
  let same = false;
  for (const ifa of dev.addrs) {
    const minScope = Math.min(ifa.scope, SCOPE_HOST);
    if (addr === 0 && (local === ifa.addr || local === 0) && minScope <= scope) {
      addr = ifa.addr;
      if (same) break;
    }
    if (!same) {
      same = (local === 0 || ifaMatch(local, ifa)) && (dst === 0 || ifaMatch(dst, ifa));
      if (same && addr !== 0) {
        if (local !== 0 || dst === 0) break;
        if (ifaMatch(addr, ifa)) break;
        if (minScope <= scope) {
          addr = ifa.addr;
          break;
        }
        same = false;
      }
    }
  }
  return same ? addr : 0;
}

export type ArpIgnoreDecision =
  | { reply: true; level: number }
  | { reply: false; level: number; why: 'not-on-arrival-if' | 'not-in-sender-subnet' | 'host-scope' | 'never-reply' | 'arp-filter' };

/**
 * arp_ignore(): called only once the target is known to be a local address of the host.
 * 0 reply for any local address; 1 only if the target is on the arrival interface; 2 also
 * requires the sender in the same subnet; 3 not for host-scope addresses; 8 never; 4-7 reply.
 */
export function arpIgnoreDecision(level: number, arrival: Iface, allIfaces: readonly Iface[], sip: Ipv4, tip: Ipv4): ArpIgnoreDecision {
  switch (level) {
    case 1:
      return confirmAddrOnDev(arrival, 0, tip, SCOPE_HOST) !== 0 ? { reply: true, level } : { reply: false, level, why: 'not-on-arrival-if' };
    case 2: {
      if (confirmAddrOnDev(arrival, 0, tip, SCOPE_HOST) === 0) return { reply: false, level, why: 'not-on-arrival-if' };
      return confirmAddrOnDev(arrival, sip, tip, SCOPE_HOST) !== 0 ? { reply: true, level } : { reply: false, level, why: 'not-in-sender-subnet' };
    }
    case 3:
      return allIfaces.some((d) => confirmAddrOnDev(d, 0, tip, SCOPE_LINK) !== 0) ? { reply: true, level } : { reply: false, level, why: 'host-scope' };
    case 8:
      return { reply: false, level, why: 'never-reply' };
    default:
      return { reply: true, level };
  }
}

export interface ArpAnnounceInput {
  level: number;
  dev: Iface;
  allIfaces: readonly Iface[];
  /** The source address of the packet waiting for this resolution, if any. */
  packetSrc?: Ipv4;
  /** Is that source one of this host's local addresses? */
  packetSrcIsLocal: boolean;
  target: Ipv4;
}

export type ArpAnnounceDecision = { saddr: Ipv4 | 0; from: 'packet-source' | 'selected' };

/**
 * arp_solicit()'s choice of the sender IP in our ARP request. 0: the waiting packet's source if
 * it is local; 1: that source only if it shares a subnet with the target on this interface;
 * 2: never the packet's source; otherwise inet_select_addr(dev, target, RT_SCOPE_LINK).
 */
export function arpAnnounceSource(inp: ArpAnnounceInput, selectAddr: (dev: Iface, target: Ipv4) => Ipv4 | undefined): ArpAnnounceDecision {
  const src = inp.packetSrc;
  if (src !== undefined && inp.packetSrcIsLocal) {
    if (inp.level <= 0) return { saddr: src, from: 'packet-source' };
    if (inp.level === 1 && inp.dev.addrs.some((ifa) => ifaMatch(inp.target, ifa) && ifaMatch(src, ifa))) {
      return { saddr: src, from: 'packet-source' };
    }
  }
  return { saddr: selectAddr(inp.dev, inp.target) ?? 0, from: 'selected' };
}
