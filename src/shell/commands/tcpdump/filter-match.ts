/**
 * Whether a captured Ethernet frame passes a filter, reading the bytes where libpcap's compiled
 * program would (gencode.c): `host`/`net` look at IPv4 source/destination or ARP sender/target
 * addresses, `port` at the TCP or UDP ports of an unfragmented IPv4 packet, `tcp`/`udp`/`icmp` at
 * the IPv4 protocol. Only the outer headers count: an IP-in-IP packet is `ip` and not `tcp`.
 */
import { u16, u32 } from './bytes';
import type { Dir, Filter } from './filter-parse';

const ETH_IP = 0x0800;
const ETH_ARP = 0x0806;
const PROTOS = { tcp: 6, udp: 17, icmp: 1 } as const;

function both(dir: Dir, src: boolean, dst: boolean): boolean {
  switch (dir) {
    case 'src': return src;
    case 'dst': return dst;
    case 'and': return src && dst;
    default: return src || dst;
  }
}

function macEquals(b: Uint8Array, at: number, mac: readonly number[]): boolean {
  for (let i = 0; i < 6; i++) if (b[at + i] !== mac[i]) return false;
  return true;
}

export function matches(f: Filter | undefined, b: Uint8Array): boolean {
  if (f === undefined) return true;
  const type = u16(b, 12);
  switch (f.k) {
    case 'and': return matches(f.a, b) && matches(f.b, b);
    case 'or': return matches(f.a, b) || matches(f.b, b);
    case 'not': return !matches(f.a, b);
    case 'proto':
      if (f.p === 'ip') return type === ETH_IP;
      if (f.p === 'arp') return type === ETH_ARP;
      return type === ETH_IP && b[23] === PROTOS[f.p];
    case 'ether': return both(f.dir, macEquals(b, 6, f.mac), macEquals(b, 0, f.mac));
    case 'host': {
      const is = (at: number): boolean => ((u32(b, at) & f.mask) >>> 0) === f.addr;
      if (type === ETH_IP && f.proto !== 'arp') return both(f.dir, is(26), is(30));
      if (type === ETH_ARP && f.proto !== 'ip') return both(f.dir, is(28), is(38));
      return false;
    }
    case 'port': {
      if (type !== ETH_IP || (u16(b, 20) & 0x1fff) !== 0) return false;
      const proto = b[23];
      if (f.proto === 'default' ? proto !== 6 && proto !== 17 : proto !== PROTOS[f.proto]) return false;
      const l4 = 14 + ((b[14] ?? 0) & 0x0f) * 4;
      return both(f.dir, u16(b, l4) === f.port, u16(b, l4 + 2) === f.port);
    }
  }
}
