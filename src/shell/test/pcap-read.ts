/**
 * A tiny reader for the oracle's captures: classic pcap (tcpdump -w, Ethernet link type) into
 * the few header fields the wire summary compares. It decodes on its own, not with the engine's
 * parsers, so a parser bug cannot hide an engine bug. Test code only.
 */
import type { WireFrame, WireIp } from './wire-summary';

const PCAP_MAGIC_LE = 0xa1b2c3d4;
const PCAP_MAGIC_NS_LE = 0xa1b23c4d;
const LINKTYPE_ETHERNET = 1;

/** Every record of a pcap file: its time (seconds) and bytes. */
export function readPcap(bytes: Uint8Array): Array<{ t: number; data: Uint8Array }> {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = v.getUint32(0, true);
  if (magic !== PCAP_MAGIC_LE && magic !== PCAP_MAGIC_NS_LE) throw new Error(`not a little-endian pcap (magic ${magic.toString(16)})`);
  if (v.getUint32(20, true) !== LINKTYPE_ETHERNET) throw new Error('pcap link type is not Ethernet');
  const frac = magic === PCAP_MAGIC_NS_LE ? 1e9 : 1e6;
  const out: Array<{ t: number; data: Uint8Array }> = [];
  for (let o = 24; o + 16 <= bytes.byteLength;) {
    const caplen = v.getUint32(o + 8, true);
    out.push({ t: v.getUint32(o, true) + v.getUint32(o + 4, true) / frac, data: bytes.subarray(o + 16, o + 16 + caplen) });
    o += 16 + caplen;
  }
  return out;
}

const hex = (b: Uint8Array, at: number, n: number): string => [...b.subarray(at, at + n)].map((x) => x.toString(16).padStart(2, '0')).join(':');
const quad = (b: Uint8Array, at: number): string => [...b.subarray(at, at + 4)].join('.');
const TCP_FLAGS: ReadonlyArray<readonly [number, string]> = [[0x01, 'FIN'], [0x02, 'SYN'], [0x04, 'RST'], [0x08, 'PSH'], [0x10, 'ACK']];

function decodeIp(b: Uint8Array, at: number): WireIp | undefined {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (at + 20 > b.byteLength || (b[at] as number) >> 4 !== 4) return undefined;
  const ihl = ((b[at] as number) & 0x0f) * 4;
  const total = v.getUint16(at + 2);
  const protoNo = b[at + 9] as number;
  const l4 = at + ihl;
  const ip = { src: quad(b, at + 12), dst: quad(b, at + 16), ttl: b[at + 8] as number, id: v.getUint16(at + 4) };
  switch (protoNo) {
    case 6: {
      const off = ((b[l4 + 12] as number) >> 4) * 4;
      const f = b[l4 + 13] as number;
      const flags = TCP_FLAGS.filter(([bit]) => f & bit).map(([, n]) => n);
      return { ...ip, proto: 'tcp', tcp: { sport: v.getUint16(l4), dport: v.getUint16(l4 + 2), seq: v.getUint32(l4 + 4), ack: v.getUint32(l4 + 8), flags, len: total - ihl - off } };
    }
    case 17:
      return { ...ip, proto: 'udp', udp: { sport: v.getUint16(l4), dport: v.getUint16(l4 + 2), len: v.getUint16(l4 + 4) - 8 } };
    case 1:
      return { ...ip, proto: 'icmp', icmp: { type: b[l4] as number, code: b[l4 + 1] as number } };
    case 4: {
      const inner = decodeIp(b, l4);
      return inner ? { ...ip, proto: 'ipip', inner } : undefined;
    }
    default:
      return undefined;
  }
}

/** One captured frame as the summary reads it; undefined for what it does not compare (IPv6, LLDP…). */
export function decodeFrame(t: number, domain: string, b: Uint8Array): WireFrame | undefined {
  const type = ((b[12] as number) << 8) | (b[13] as number);
  const base = { t, domain, src: hex(b, 6, 6), dst: hex(b, 0, 6) };
  if (type === 0x0806) {
    const op = b[21] === 1 ? 'request' : 'reply';
    return { ...base, arp: { op, senderMac: hex(b, 22, 6), senderIp: quad(b, 28), targetMac: hex(b, 32, 6), targetIp: quad(b, 38) } };
  }
  if (type !== 0x0800) return undefined;
  const ip = decodeIp(b, 14);
  return ip ? { ...base, ip } : undefined;
}
