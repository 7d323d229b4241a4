/**
 * One tcpdump-like line per header or frame (`tcpdump -n -S`: numeric addresses, absolute
 * sequence numbers), for the CLI table, golden traces and debugging.
 * tcpdump's own forms are in print-arp.c, print-ip.c, print-tcp.c, print-udp.c, print-icmp.c.
 */
import { formatIpv4 } from '../addr/ipv4';
import { formatMac } from '../addr/mac';
import { TCP_ACK, TCP_FIN, TCP_PSH, TCP_RST, TCP_SYN, protoNumber } from './repr';
import type { ArpRepr, EthernetRepr, Frame, IcmpRepr, Ipv4Repr, TcpRepr, UdpRepr } from './repr';
import { ICMP_DEST_UNREACH, ICMP_ECHO_REPLY, ICMP_ECHO_REQUEST, ICMP_REDIRECT, ICMP_TIME_EXCEEDED, icmpLen } from './icmp';

/** tcpdump -e's link-level prefix: `02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff`. */
export function formatEthernet(eth: EthernetRepr): string {
  return `${formatMac(eth.src)} > ${formatMac(eth.dst)}`;
}

/** `ARP request who-has 10.0.0.1 tell 10.0.0.2`, `ARP reply 10.0.0.1 is-at 02:00:00:00:01:01`. */
export function formatArp(arp: ArpRepr): string {
  return arp.op === 'request'
    ? `ARP request who-has ${formatIpv4(arp.targetIp)} tell ${formatIpv4(arp.senderIp)}`
    : `ARP reply ${formatIpv4(arp.senderIp)} is-at ${formatMac(arp.senderMac)}`;
}

/** tcpdump's flag letters in its order; ACK is a dot, no flags at all is `none`. */
const FLAG_LETTERS: ReadonlyArray<readonly [number, string]> = [
  [TCP_FIN, 'F'],
  [TCP_SYN, 'S'],
  [TCP_RST, 'R'],
  [TCP_PSH, 'P'],
  [TCP_ACK, '.'],
];

/** The part after `IP a.port > b.port: `, e.g. `Flags [S.], seq 7, ack 2, win 65160, options [mss 1460], length 0`. */
export function formatTcp(tcp: TcpRepr): string {
  const letters = FLAG_LETTERS.filter(([bit]) => tcp.flags & bit).map(([, l]) => l).join('');
  const len = tcp.data.length;
  let s = `Flags [${letters || 'none'}]`;
  // tcpdump shows seq only when the segment occupies sequence space (or resets).
  if (len > 0 || tcp.flags & (TCP_SYN | TCP_FIN | TCP_RST)) s += `, seq ${tcp.seq}${len > 0 ? `:${(tcp.seq + len) >>> 0}` : ''}`;
  if (tcp.flags & TCP_ACK) s += `, ack ${tcp.ack}`;
  s += `, win ${tcp.window}`;
  if (tcp.mss !== undefined) s += `, options [mss ${tcp.mss}]`;
  return `${s}, length ${len}`;
}

export function formatUdp(udp: UdpRepr): string {
  return `UDP, length ${udp.data.length}`;
}

/** The part after `IP a > b: `, e.g. `ICMP echo request, id 1, seq 1, length 64`. */
export function formatIcmp(icmp: IcmpRepr): string {
  const length = `, length ${icmpLen(icmp)}`;
  switch (icmp.type) {
    case ICMP_ECHO_REQUEST:
    case ICMP_ECHO_REPLY: {
      const what = icmp.type === ICMP_ECHO_REQUEST ? 'request' : 'reply';
      return `ICMP echo ${what}, id ${icmp.ident ?? 0}, seq ${icmp.seqNo ?? 0}${length}`;
    }
    case ICMP_TIME_EXCEEDED:
      return `ICMP ${icmp.code === 1 ? 'ip reassembly time exceeded' : 'time exceeded in-transit'}${length}`;
    case ICMP_DEST_UNREACH:
      return `ICMP ${unreachable(icmp.code, icmp.quote)}${length}`;
    case ICMP_REDIRECT:
      return `ICMP ${redirect(icmp)}${length}`;
    default:
      return `ICMP type ${icmp.type}, code ${icmp.code}${length}`;
  }
}

/** print-icmp.c's four redirect forms: `redirect 10.0.0.9 to host 10.0.0.2`. */
function redirect(icmp: IcmpRepr): string {
  const dst = icmp.quote ? formatIpv4(icmp.quote.dst) : '?';
  const gw = icmp.gateway !== undefined ? formatIpv4(icmp.gateway) : '?';
  const tos = icmp.code >= 2 ? '-tos' : '';
  return `redirect${tos} ${dst} to ${icmp.code % 2 === 1 ? 'host' : 'net'} ${gw}`;
}

function unreachable(code: number, quote: Ipv4Repr | undefined): string {
  const dst = quote ? formatIpv4(quote.dst) : '?';
  switch (code) {
    case 0:
      return `net ${dst} unreachable`;
    case 1:
      return `host ${dst} unreachable`;
    case 2:
      return `${dst} protocol ${quote ? protoNumber(quote.payload.proto) : '?'} unreachable`;
    case 3: {
      const p = quote?.payload;
      return p && (p.proto === 'tcp' || p.proto === 'udp') ? `${dst} ${p.proto} port ${p.dport} unreachable` : `${dst} port unreachable`;
    }
    case 4:
      return `${dst} unreachable - need to frag`;
    case 13:
      return `${dst} unreachable - admin prohibited filter`;
    default:
      return `${dst} unreachable - code ${code}`;
  }
}

/** `IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S], …`; IP-in-IP nests: `IP a > b: IP c.p > d.q: …`. */
export function formatIpv4Packet(ip: Ipv4Repr): string {
  const src = formatIpv4(ip.src);
  const dst = formatIpv4(ip.dst);
  const p = ip.payload;
  switch (p.proto) {
    case 'tcp':
      return `IP ${src}.${p.sport} > ${dst}.${p.dport}: ${formatTcp(p)}`;
    case 'udp':
      return `IP ${src}.${p.sport} > ${dst}.${p.dport}: ${formatUdp(p)}`;
    case 'icmp':
      return `IP ${src} > ${dst}: ${formatIcmp(p)}`;
    case 'ipip':
      return `IP ${src} > ${dst}: ${formatIpv4Packet(p.inner)}`;
    default: {
      const never: never = p;
      return never;
    }
  }
}

/**
 * @example
 * formatFrame(arpRequestFrame); // "ARP request who-has 10.0.0.1 tell 10.0.0.2"
 */
export function formatFrame(frame: Frame): string {
  return frame.type === 'arp' ? formatArp(frame.arp) : formatIpv4Packet(frame.ip);
}
