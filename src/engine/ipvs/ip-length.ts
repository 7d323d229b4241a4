/** skb->len of an IPv4 packet: header plus payload, what IPVS adds to its byte counters. */
import type { Ipv4Payload, Ipv4Repr } from '../wire/repr';
import { tcpHeaderLen } from '../wire/tcp';
import { icmpLen } from '../wire/icmp';

function payloadLength(p: Ipv4Payload): number {
  switch (p.proto) {
    case 'tcp':
      return tcpHeaderLen(p) + p.data.length;
    case 'udp':
      return 8 + p.data.length;
    case 'icmp':
      // An error quotes as much of the offending packet as fits in 576 bytes, as on the wire.
      return icmpLen(p);
    case 'ipip':
      return ipLength(p.inner);
    default: {
      const never: never = p;
      return never;
    }
  }
}

export function ipLength(ip: Ipv4Repr): number {
  return 20 + payloadLength(ip.payload);
}
