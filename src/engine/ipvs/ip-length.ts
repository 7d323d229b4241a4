/** skb->len of an IPv4 packet: header plus payload, what IPVS adds to its byte counters. */
import type { Ipv4Payload, Ipv4Repr } from '../wire/repr';
import { tcpHeaderLen } from '../wire/tcp';

function payloadLength(p: Ipv4Payload): number {
  switch (p.proto) {
    case 'tcp':
      return tcpHeaderLen(p) + p.data.length;
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
