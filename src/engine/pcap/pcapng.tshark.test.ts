/**
 * Opens what buildPcapng writes with the real tshark, checksum checks on: the contract is
 * that Wireshark decodes every frame without warnings or malformed-packet marks.
 */
import { describe, expect, it } from 'vitest';
/* eslint-disable no-restricted-imports -- a test, not the engine: it writes a temp file and runs tshark */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
/* eslint-enable no-restricted-imports */
import { ip } from '../addr/ipv4';
import { MAC_BROADCAST, MAC_ZERO, type Mac } from '../addr/mac';
import { TCP_ACK, TCP_PSH, TCP_SYN, type Frame, type Ipv4Payload, type Ipv4Repr, type TcpRepr } from '../wire/repr';
import { encodeFrame } from '../wire/frame';
import { buildPcapng } from './pcapng';

const TSHARK = '/usr/bin/tshark';
const CLIENT_MAC = 0x020000000001 as Mac;
const DIRECTOR_MAC = 0x020000000002 as Mac;
const ROUTER_MAC = 0x0200000000fe as Mac;
const CLIENT = ip('10.11.12.13');
const VIP = ip('11.22.33.44');
const RS = ip('33.44.55.66');
const ROUTER = ip('10.11.12.1');

const packet = (src: Ipv4Repr['src'], dst: Ipv4Repr['dst'], payload: Ipv4Payload, ttl = 64): Ipv4Repr => ({ src, dst, ttl, id: 0x100, df: true, tos: 0, payload });
const ipFrame = (src: Mac, dst: Mac, p: Ipv4Repr): Frame => ({ eth: { src, dst }, type: 'ipv4', ip: p });
const tcp = (sport: number, dport: number, seq: number, ack: number, flags: number, data = '', mss?: number): TcpRepr => ({
  proto: 'tcp',
  sport,
  dport,
  seq,
  ack,
  flags,
  window: 64240,
  data,
  ...(mss === undefined ? {} : { mss }),
});

const SYN = packet(CLIENT, VIP, tcp(40000, 80, 1000, 0, TCP_SYN, '', 1460));
const FRAMES: Array<{ iface: number; frame: Frame }> = [
  { iface: 0, frame: { eth: { src: CLIENT_MAC, dst: MAC_BROADCAST }, type: 'arp', arp: { op: 'request', senderMac: CLIENT_MAC, senderIp: CLIENT, targetMac: MAC_ZERO, targetIp: VIP } } },
  { iface: 0, frame: { eth: { src: DIRECTOR_MAC, dst: CLIENT_MAC }, type: 'arp', arp: { op: 'reply', senderMac: DIRECTOR_MAC, senderIp: VIP, targetMac: CLIENT_MAC, targetIp: CLIENT } } },
  { iface: 0, frame: ipFrame(CLIENT_MAC, DIRECTOR_MAC, SYN) },
  { iface: 0, frame: ipFrame(DIRECTOR_MAC, CLIENT_MAC, packet(VIP, CLIENT, tcp(80, 40000, 5000, 1001, TCP_SYN | TCP_ACK, '', 1460))) },
  { iface: 0, frame: ipFrame(CLIENT_MAC, DIRECTOR_MAC, packet(CLIENT, VIP, tcp(40000, 80, 1001, 5001, TCP_PSH | TCP_ACK, 'GET / HTTP/1.0\r\nHost: vip\r\n\r\n'))) },
  { iface: 0, frame: ipFrame(CLIENT_MAC, DIRECTOR_MAC, packet(CLIENT, VIP, { proto: 'udp', sport: 40001, dport: 9999, data: 'hello' })) },
  { iface: 0, frame: ipFrame(CLIENT_MAC, DIRECTOR_MAC, packet(CLIENT, VIP, { proto: 'icmp', type: 8, code: 0, ident: 7, seqNo: 1, data: 'abcdefgh' })) },
  { iface: 0, frame: ipFrame(ROUTER_MAC, CLIENT_MAC, packet(ROUTER, CLIENT, { proto: 'icmp', type: 11, code: 0, quote: { ...SYN, ttl: 1 } })) },
  { iface: 1, frame: ipFrame(DIRECTOR_MAC, ROUTER_MAC, packet(VIP, RS, { proto: 'ipip', inner: { ...SYN, ttl: 63 } })) },
];

describe('buildPcapng read by tshark', () => {
  it.skipIf(!existsSync(TSHARK))('decodes ARP, TCP, UDP, ICMP and IP-in-IP with correct checksums and nothing malformed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lvs-flow-pcap-'));
    try {
      const file = join(dir, 'trace.pcapng');
      writeFileSync(file, buildPcapng(['lan0', 'tun-net'], FRAMES.map(({ iface, frame }, i) => ({ iface, tMs: i * 0.25, bytes: encodeFrame(frame) }))));
      const out = execFileSync(
        TSHARK,
        ['-n', '-r', file, '-V', '-o', 'tcp.check_checksum:TRUE', '-o', 'ip.check_checksum:TRUE', '-o', 'udp.check_checksum:TRUE'],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
      expect(out).not.toMatch(/Malformed/);
      expect(out).not.toMatch(/Bad checksum|incorrect/i);
      expect(out).not.toMatch(/\[Expert Info \(Error/);
      const frames = out.split(/^(?=Frame \d+:)/m).filter((f) => f.startsWith('Frame '));
      expect(frames).toHaveLength(FRAMES.length);
      // 9 IPv4 headers (7 packets, the quote, the inner packet), 5 TCP, 1 UDP, 2 ICMP.
      expect(out.match(/\[correct\]/g)).toHaveLength(17);
      const ipip = frames[FRAMES.length - 1] ?? '';
      expect(ipip).toMatch(/on interface tun-net/);
      expect(ipip.match(/^Internet Protocol Version 4, Src: [\d.]+, Dst: [\d.]+$/gm)).toEqual([
        'Internet Protocol Version 4, Src: 11.22.33.44, Dst: 33.44.55.66',
        'Internet Protocol Version 4, Src: 10.11.12.13, Dst: 11.22.33.44',
      ]);
      expect(frames[7]).toMatch(/Time-to-live exceeded/);
      expect(frames[4]).toMatch(/GET \/ HTTP\/1\.0/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
