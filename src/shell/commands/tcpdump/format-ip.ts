/**
 * An IPv4 packet as tcpdump 4.99 prints it with -n (print-ip.c ip_print, print-icmp.c,
 * print-udp.c): "IP a > b: ICMP echo request, …", TCP and UDP with their ports, and IP-in-IP as
 * the outer addresses followed by the inner packet. -e drops the "IP " before each header.
 */
import { has, hostText, portText, u16 } from './bytes';
import type { PrintOptions } from './format-options';
import { tcpText } from './format-tcp';

const PROTO_NAMES: Record<number, string> = { 1: 'ICMP', 4: 'IPIP', 6: 'TCP', 17: 'UDP' };
/** /etc/protocols (netbase) names of the protocols lab traffic carries. */
const NETDB_NAMES: Record<number, string> = { 1: 'icmp', 4: 'ipencap', 6: 'tcp', 17: 'udp' };
const IP_DF = 0x4000;
const IP_MF = 0x2000;

export function ipText(b: Uint8Array, at: number, length: number, o: PrintOptions): string {
  let out = o.link ? '' : 'IP ';
  if (!has(b, at, 20)) return `${out}[|ip]`;
  const vhl = b[at] ?? 0;
  if (vhl >> 4 !== 4) return `IP${vhl >> 4} [|ip]`;
  const hlen = (vhl & 0x0f) * 4;
  const total = u16(b, at + 2);
  if (length < total) out += `truncated-ip - ${total - length} bytes missing! `;
  const off = u16(b, at + 6);
  const proto = b[at + 9] ?? 0;
  const src = hostText(b, at + 12, o.names);
  const dst = hostText(b, at + 16, o.names);
  if (o.verbose) {
    // bittok2str(ip_frag_values): MF "+", DF "DF", reserved "rsvd", joined by ", ".
    const flags = [off & IP_MF ? '+' : '', off & IP_DF ? 'DF' : '', off & 0x8000 ? 'rsvd' : ''].filter((f) => f !== '');
    out += `(tos 0x${(b[at + 1] ?? 0).toString(16)}, ttl ${b[at + 8] ?? 0}, id ${u16(b, at + 4)}, offset ${(off & 0x1fff) * 8}, flags [${flags.join(', ') || 'none'}], proto ${PROTO_NAMES[proto] ?? 'unknown'} (${proto}), length ${total})\n    `;
  }
  const len = total - hlen;
  const p = at + hlen;
  // A later fragment has no transport header: print_ip names only the protocol (netdb's name without -n).
  if ((off & 0x1fff) !== 0) return `${out}${src} > ${dst}: ${o.names && NETDB_NAMES[proto] !== undefined ? NETDB_NAMES[proto] : `ip-proto-${proto}`}`;
  if (proto === 6) return out + tcpText(b, p, len, src, dst, o, at);
  if (proto === 17) return out + udpText(b, p, src, dst, o);
  out += `${src} > ${dst}: `;
  if (proto === 1) return out + icmpText(b, p, len, o);
  if (proto === 4) return out + ipText(b, p, len, o);
  return `${out}ip-proto-${proto} ${len}`;
}

function udpText(b: Uint8Array, at: number, src: string, dst: string, o: PrintOptions): string {
  if (!has(b, at, 8)) return `${src} > ${dst}: [|udp]`;
  return `${src}.${portText(u16(b, at), 'udp', o.names)} > ${dst}.${portText(u16(b, at + 2), 'udp', o.names)}: UDP, length ${u16(b, at + 4) - 8}`;
}

/** icmp_print's text for the types the simulator sends; the quoted packet is shown only with -v. */
function icmpText(b: Uint8Array, at: number, length: number, o: PrintOptions): string {
  if (!has(b, at, 8)) return '[|icmp]';
  const type = b[at] ?? 0;
  const code = b[at + 1] ?? 0;
  const q = at + 8;
  const quotedDst = has(b, q, 20) ? hostText(b, q + 16, o.names) : '?';
  let s: string;
  switch (type) {
    case 0:
    case 8:
      s = `echo ${type === 8 ? 'request' : 'reply'}, id ${u16(b, at + 4)}, seq ${u16(b, at + 6)}`;
      break;
    case 3:
      s = unreachText(b, q, code, quotedDst, o);
      break;
    case 5:
      s = `${['redirect', 'redirect', 'redirect-tos', 'redirect-tos'][code] ?? `redirect-#${code}`} ${quotedDst} to ${code === 0 || code === 2 ? 'net ' : code <= 3 ? 'host ' : ''}${hostText(b, at + 4, o.names)}`;
      break;
    case 11:
      s = code === 0 ? 'time exceeded in-transit' : code === 1 ? 'ip reassembly time exceeded' : `time exceeded-#${code}`;
      break;
    default:
      s = `type-#${type}`;
  }
  let out = `ICMP ${s}, length ${length}`;
  // -v prints the offending datagram of an error under the line, as ip_print would.
  if (o.verbose && (type === 3 || type === 5 || type === 11) && has(b, q, 20)) out += `\n\t${ipText(b, q, u16(b, q + 2), o)}`;
  return out;
}

function unreachText(b: Uint8Array, q: number, code: number, dst: string, o: PrintOptions): string {
  switch (code) {
    case 0: return `net ${dst} unreachable`;
    case 1: return `host ${dst} unreachable`;
    case 2: return `${dst} protocol ${b[q + 9] ?? 0} unreachable`;
    case 3: {
      const proto = b[q + 9] ?? 0;
      const dport = u16(b, q + ((b[q] ?? 0) & 0x0f) * 4 + 2);
      if (proto === 6) return `${dst} tcp port ${portText(dport, 'tcp', o.names)} unreachable`;
      if (proto === 17) return `${dst} udp port ${portText(dport, 'udp', o.names)} unreachable`;
      return `${dst} protocol ${proto} port ${dport} unreachable`;
    }
    case 4: return `${dst} unreachable - need to frag (mtu ${u16(b, q - 2)})`;
    default: return `${dst} unreachable - #${code}`;
  }
}
