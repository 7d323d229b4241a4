/**
 * Neighbour confirmation carried by a packet (skb->dst_pending_confirm). A TCP socket that saw
 * forward progress (tcp_ack → sk_dst_confirm) marks the next segment it sends; ip_finish_output2
 * (sock_confirm_neigh) then confirms the neighbour that segment goes to, so a DELAY entry turns
 * REACHABLE without an ARP probe. The mark stays on the packet: in a lab, hosts are network
 * namespaces joined by veth pairs and bridges, which hand the same skb on without clearing it
 * (skb_scrub_packet leaves the bit), so every router and director that forwards the segment
 * confirms its own next hop too (the oracle lab neigh-confirm: R forwards S's TCP replies to C
 * and never probes C, but probes C2, which only got echo replies).
 * Kept by packet identity (Ipv4Repr.pid, which NAT, TTL and IP-in-IP keep): one bit a packet.
 */
import type { World } from '../sim/world';
import type { Ipv4Repr } from '../wire/repr';

/** Marks the packet `pid` as carrying a confirmation. */
export function markPendingConfirm(w: World, pid: number): void {
  const byte = pid >>> 3;
  let bits = w.confirmBits;
  if (byte >= bits.length) {
    const grown = new Uint8Array(Math.max(bits.length * 2, byte + 1));
    grown.set(bits);
    w.confirmBits = bits = grown;
  }
  bits[byte] = (bits[byte] as number) | (1 << (pid & 7));
}

/** Whether `ip` carries a confirmation for the neighbour it is sent to. */
export function carriesPendingConfirm(w: World, ip: Ipv4Repr): boolean {
  const pid = ip.pid;
  if (pid === undefined) return false;
  const byte = w.confirmBits[pid >>> 3];
  return byte !== undefined && (byte & (1 << (pid & 7))) !== 0;
}
