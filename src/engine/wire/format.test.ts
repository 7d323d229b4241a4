import { describe, expect, it } from 'vitest';
import { ip } from '../addr/ipv4';
import { MAC_BROADCAST, MAC_ZERO, type Mac } from '../addr/mac';
import { TCP_ACK, TCP_FIN, TCP_PSH, TCP_RST, TCP_SYN, type Frame, type IcmpRepr, type Ipv4Repr, type TcpRepr } from './repr';
import { formatEthernet, formatFrame, formatIcmp, formatTcp } from './format';

const A = 0x020000000002 as Mac;
const SYN: TcpRepr = { proto: 'tcp', sport: 40000, dport: 80, seq: 1, ack: 0, flags: TCP_SYN, window: 64240, data: '' };
const packet = (payload: Ipv4Repr['payload']): Ipv4Repr => ({ src: ip('10.11.12.13'), dst: ip('11.12.13.14'), ttl: 64, id: 1, df: true, tos: 0, payload });
const ipFrame = (p: Ipv4Repr): Frame => ({ eth: { src: A, dst: MAC_BROADCAST }, type: 'ipv4', ip: p });

describe('formatFrame', () => {
  it('prints an ARP request as who-has … tell …', () => {
    const f: Frame = { eth: { src: A, dst: MAC_BROADCAST }, type: 'arp', arp: { op: 'request', senderMac: A, senderIp: ip('10.0.0.2'), targetMac: MAC_ZERO, targetIp: ip('10.0.0.1') } };
    expect(formatFrame(f)).toBe('ARP request who-has 10.0.0.1 tell 10.0.0.2');
  });

  it('prints an ARP reply as … is-at …', () => {
    const f: Frame = { eth: { src: A, dst: A }, type: 'arp', arp: { op: 'reply', senderMac: 0x020000000101 as Mac, senderIp: ip('10.0.0.1'), targetMac: A, targetIp: ip('10.0.0.2') } };
    expect(formatFrame(f)).toBe('ARP reply 10.0.0.1 is-at 02:00:00:00:01:01');
  });

  it('prints a TCP segment with addresses and ports, as tcpdump -n -S', () => {
    expect(formatFrame(ipFrame(packet(SYN)))).toBe('IP 10.11.12.13.40000 > 11.12.13.14.80: Flags [S], seq 1, win 64240, length 0');
  });

  it('nests the inner packet of IP-in-IP after the outer addresses', () => {
    const inner: Ipv4Repr = { ...packet(SYN), src: ip('44.55.66.77'), dst: ip('11.22.33.44') };
    const outer: Ipv4Repr = { ...packet({ proto: 'ipip', inner }), src: ip('11.22.33.44'), dst: ip('33.44.55.66') };
    expect(formatFrame(ipFrame(outer))).toBe('IP 11.22.33.44 > 33.44.55.66: IP 44.55.66.77.40000 > 11.22.33.44.80: Flags [S], seq 1, win 64240, length 0');
  });

  it('prints UDP with its payload length', () => {
    expect(formatFrame(ipFrame(packet({ proto: 'udp', sport: 40001, dport: 53, data: 'hello' })))).toBe('IP 10.11.12.13.40001 > 11.12.13.14.53: UDP, length 5');
  });
});

describe('formatTcp', () => {
  it('prints SYN-ACK flags as S. with the ack and the MSS option', () => {
    expect(formatTcp({ ...SYN, flags: TCP_SYN | TCP_ACK, seq: 1000, ack: 2, mss: 1460 })).toBe('Flags [S.], seq 1000, ack 2, win 64240, options [mss 1460], length 0');
  });

  it('prints a data segment with its sequence range', () => {
    expect(formatTcp({ ...SYN, flags: TCP_PSH | TCP_ACK, seq: 2, ack: 1001, window: 502, data: 'GET / HTTP/1.0\r\n\r\n' })).toBe(
      'Flags [P.], seq 2:20, ack 1001, win 502, length 18',
    );
  });

  it('leaves out seq on a bare ACK, as tcpdump does', () => {
    expect(formatTcp({ ...SYN, flags: TCP_ACK, seq: 2, ack: 1001 })).toBe('Flags [.], ack 1001, win 64240, length 0');
  });

  it('writes FIN, RST and no flags at all', () => {
    expect(formatTcp({ ...SYN, flags: TCP_FIN | TCP_ACK, ack: 5 })).toBe('Flags [F.], seq 1, ack 5, win 64240, length 0');
    expect(formatTcp({ ...SYN, flags: TCP_RST })).toBe('Flags [R], seq 1, win 64240, length 0');
    expect(formatTcp({ ...SYN, flags: 0 })).toBe('Flags [none], win 64240, length 0');
  });
});

describe('formatIcmp', () => {
  it('prints echo request and reply with id, seq and ICMP length', () => {
    expect(formatIcmp({ proto: 'icmp', type: 8, code: 0, ident: 7, seqNo: 1, data: 'abcdefgh' })).toBe('ICMP echo request, id 7, seq 1, length 16');
    expect(formatIcmp({ proto: 'icmp', type: 0, code: 0, ident: 7, seqNo: 1, data: '' })).toBe('ICMP echo reply, id 7, seq 1, length 8');
  });

  it('prints time exceeded in transit', () => {
    const te: IcmpRepr = { proto: 'icmp', type: 11, code: 0, quote: packet(SYN) };
    expect(formatIcmp(te)).toBe('ICMP time exceeded in-transit, length 48');
  });

  it('prints a redirect as tcpdump does: the quoted destination and the new gateway', () => {
    // tcpdump 4.99.3 on the oracle's mistakes lab: "ICMP redirect 10.10.10.100 to host 10.10.10.100, length 68".
    expect(formatIcmp({ proto: 'icmp', type: 5, code: 1, gateway: ip('10.0.0.2'), quote: packet(SYN) })).toBe('ICMP redirect 11.12.13.14 to host 10.0.0.2, length 48');
    expect(formatIcmp({ proto: 'icmp', type: 5, code: 0, gateway: ip('10.0.0.2'), quote: packet(SYN) })).toBe('ICMP redirect 11.12.13.14 to net 10.0.0.2, length 48');
  });

  it('names the quoted destination and port of an unreachable', () => {
    expect(formatIcmp({ proto: 'icmp', type: 3, code: 3, quote: packet(SYN) })).toBe('ICMP 11.12.13.14 tcp port 80 unreachable, length 48');
    expect(formatIcmp({ proto: 'icmp', type: 3, code: 1, quote: packet(SYN) })).toBe('ICMP host 11.12.13.14 unreachable, length 48');
    expect(formatIcmp({ proto: 'icmp', type: 3, code: 2, quote: packet(SYN) })).toBe('ICMP 11.12.13.14 protocol 6 unreachable, length 48');
  });
});

describe('formatEthernet', () => {
  it('prints source > destination as tcpdump -e', () => {
    expect(formatEthernet({ src: A, dst: MAC_BROADCAST })).toBe('02:00:00:00:00:02 > ff:ff:ff:ff:ff:ff');
  });
});
