/**
 * The mark a packet carries into IPVS: iptables' mangle PREROUTING MARK rules, evaluated in
 * order. MARK is not a terminating target, so when several rules match the last one wins.
 */
import { inPrefix } from '../addr/cidr';
import type { Host } from '../sim/world';
import type { Ipv4Repr } from '../wire/repr';

export function packetMark(host: Host, ip: Ipv4Repr): number {
  let mark = 0;
  const p = ip.payload;
  for (const m of host.marks) {
    if (!inPrefix(ip.dst, m.net, m.len)) continue;
    if (m.proto !== undefined && p.proto !== m.proto) continue;
    if (m.dport !== undefined && (p.proto !== 'tcp' && p.proto !== 'udp' ? true : p.dport !== m.dport)) continue;
    mark = m.mark;
  }
  return mark;
}
