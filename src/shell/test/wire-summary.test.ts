import { describe, expect, it } from 'vitest';
import { splitProbes, summarizeBlock, type WireFrame, type WireLab } from './wire-summary';

const C = '02:00:00:00:01:00';
const D = '02:00:00:00:02:00';
const RS = '02:00:00:00:03:00';
const LAB: WireLab = {
  macs: new Map([[C, 'C.eth0'], [D, 'D.eth0'], [RS, 'RS.eth0']]),
  owns: (host, ip) => (host === 'RS' && ip === '10.0.0.100') || (host === 'C' && ip === '10.0.0.10'),
};

let t = 0;
function tcp(src: string, dst: string, from: string, to: string, flags: string[], len = 0): WireFrame {
  const toServer = to.endsWith('.100');
  const ports = toServer ? { sport: 40000, dport: 80 } : { sport: 80, dport: 40000 };
  return { t: t++, domain: 'lan', src, dst, ip: { src: from, dst: to, ttl: 64, id: t, proto: 'tcp', tcp: { ...ports, seq: t, ack: t, flags, len } } };
}

describe('summarizeBlock', () => {
  it('names client ports in order of appearance and says who answered the connection', () => {
    const syn = tcp(C, D, '10.0.0.10', '10.0.0.100', ['SYN']);
    // The director forwards the same packet (same IP id and sequence), one hop on.
    const forwarded: WireFrame = { ...syn, t: t++, src: D, dst: RS, ip: { ...syn.ip!, ttl: 63 } };
    const lines = summarizeBlock([syn, forwarded, tcp(RS, C, '10.0.0.100', '10.0.0.10', ['SYN', 'ACK'])], LAB);
    expect(lines).toEqual([
      'lan  C.eth0 > D.eth0  10.0.0.10:c1 > 10.0.0.100:80 ttl 64 TCP SYN',
      'lan  D.eth0 > RS.eth0  10.0.0.10:c1 > 10.0.0.100:80 ttl 63 TCP SYN',
      'lan  RS.eth0 > C.eth0  10.0.0.100:80 > 10.0.0.10:c1 ttl 64 TCP SYN-ACK',
      'connection 10.0.0.10:c1 > 10.0.0.100:80: served by RS',
    ]);
  });

  it('counts a run of pure ACKs on one hop as one, as two real runs ACK the same data once or twice', () => {
    const once = summarizeBlock([tcp(RS, C, '10.0.0.100', '10.0.0.10', ['ACK', 'PSH'], 200), tcp(RS, C, '10.0.0.100', '10.0.0.10', ['ACK', 'PSH'], 16), tcp(C, RS, '10.0.0.10', '10.0.0.100', ['ACK'])], LAB);
    const twice = summarizeBlock([
      tcp(RS, C, '10.0.0.100', '10.0.0.10', ['ACK', 'PSH'], 200), tcp(C, RS, '10.0.0.10', '10.0.0.100', ['ACK']),
      tcp(RS, C, '10.0.0.100', '10.0.0.10', ['ACK', 'PSH'], 16), tcp(C, RS, '10.0.0.10', '10.0.0.100', ['ACK']),
    ], LAB);
    expect(twice).toEqual(once);
  });

  it('names where a packet was last seen when that host does not hold its destination', () => {
    const lines = summarizeBlock([tcp(RS, D, '10.0.0.100', '10.0.0.10', ['SYN', 'ACK'])], LAB);
    expect(lines).toContain('dropped at D: 10.0.0.100:80 > 10.0.0.10:c1 ttl 64 TCP SYN-ACK (last on lan)');
  });
});

describe('splitProbes', () => {
  it('takes a unicast ARP request and its reply out of the lines they fell in', () => {
    const arp = (src: string, dst: string, op: 'request' | 'reply', senderIp: string, targetIp: string): WireFrame => ({ t: t++, domain: 'lan', src, dst, arp: { op, senderMac: src, senderIp, targetMac: dst, targetIp } });
    const probe = arp(C, RS, 'request', '10.0.0.10', '10.0.0.100');
    const answer = arp(RS, C, 'reply', '10.0.0.100', '10.0.0.10');
    const broadcast = arp(C, 'ff:ff:ff:ff:ff:ff', 'request', '10.0.0.10', '10.0.0.1');
    const r = splitProbes([[broadcast, probe], [answer]]);
    expect(r.blocks).toEqual([[broadcast], []]);
    expect(r.probes).toEqual([probe, answer]);
  });
});
