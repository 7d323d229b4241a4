/**
 * Whole frames, the way a capture holds them: Ethernet II, then ARP or IPv4 (and whatever
 * IPv4 carries: TCP, UDP, ICMP, or another IPv4 packet for IP-in-IP), padded to 60 bytes.
 * Decoding verifies every checksum and names the first thing that is wrong.
 */
import { err, ok, type Result } from '../addr/result';
import { ETHERTYPE_ARP, ETHERTYPE_IPV4, type Frame } from './repr';
import { hex16 } from './checksum';
import { ETHERNET_HEADER_LEN, ETHERNET_MIN_FRAME_LEN, emitEthernet, parseEthernet } from './ethernet';
import { ARP_LEN, emitArp, parseArp } from './arp';
import { emitIpv4, ipv4Len, parseIpv4 } from './ipv4';

/** Length on the wire without FCS, padding included. */
export function frameLen(frame: Frame): number {
  const payload = frame.type === 'arp' ? ARP_LEN : ipv4Len(frame.ip);
  return Math.max(ETHERNET_MIN_FRAME_LEN, ETHERNET_HEADER_LEN + payload);
}

/**
 * @example
 * const bytes = encodeFrame({ eth: { src, dst: MAC_BROADCAST }, type: 'arp', arp });
 * bytes.length; // 60: 14 + 28, padded
 */
export function encodeFrame(frame: Frame): Uint8Array {
  const bytes = new Uint8Array(frameLen(frame));
  const view = new DataView(bytes.buffer);
  if (frame.type === 'arp') {
    emitEthernet(frame.eth, ETHERTYPE_ARP, view, 0);
    emitArp(frame.arp, view, ETHERNET_HEADER_LEN);
  } else {
    emitEthernet(frame.eth, ETHERTYPE_IPV4, view, 0);
    emitIpv4(frame.ip, view, ETHERNET_HEADER_LEN);
  }
  return bytes;
}

/**
 * @example
 * const r = decodeFrame(bytes);
 * if (!r.ok) console.log(r.error); // e.g. "bad TCP checksum 0x1234 (expected 0xbeef)"
 */
export function decodeFrame(bytes: Uint8Array): Result<Frame> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const head = parseEthernet(view, 0, bytes.byteLength);
  if (!head.ok) return head;
  const { eth, ethertype } = head.value;
  const rest = bytes.byteLength - ETHERNET_HEADER_LEN;
  if (ethertype === ETHERTYPE_ARP) {
    const arp = parseArp(view, ETHERNET_HEADER_LEN, rest);
    return arp.ok ? ok({ eth, type: 'arp', arp: arp.value }) : arp;
  }
  if (ethertype === ETHERTYPE_IPV4) {
    const ip = parseIpv4(view, ETHERNET_HEADER_LEN, rest);
    return ip.ok ? ok({ eth, type: 'ipv4', ip: ip.value }) : ip;
  }
  return err(`EtherType ${hex16(ethertype)} is not supported (only IPv4 0x0800 and ARP 0x0806)`);
}
