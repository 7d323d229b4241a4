/** skb->len of an IPv4 packet: header plus payload, what IPVS adds to its byte counters. */
import type { Ipv4Payload, Ipv4Repr } from '../wire/repr';

function payloadLength(p: Ipv4Payload): number {
  switch (p.proto) {
    case 'tcp':
      return 20 + (p.mss !== undefined ? 4 : 0) + p.data.length;
    case 'udp':
      return 8 + p.data.length;
    case 'icmp':
      return 8 + (p.quote ? 28 : (p.data?.length ?? 0));
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
