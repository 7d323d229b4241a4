import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ip, ipv4FromU32 } from '../addr/ipv4';
import { TCP_SYN, type Ipv4Repr } from './repr';
import { internetChecksum } from './checksum';
import { emitIpv4, encodeIpv4, ipv4Len, parseIpv4 } from './ipv4';

/**
 * The SYN 10.11.12.13:40000 > 11.12.13.14:80 as an IPv4 packet: id 0x1234, DF, TTL 64
 * (checked with tshark 4.0: header checksum 0xfa66 and TCP checksum 0xd272 correct).
 */
const SYN_PACKET = '45 00 002c 1234 4000 40 06 fa66 0a0b0c0d 0b0c0d0e' + '9c400050 00000001 00000000 6002faf0 d2720000 020405b4';
const SYN: Ipv4Repr = {
  src: ip('10.11.12.13'),
  dst: ip('11.12.13.14'),
  ttl: 64,
  id: 0x1234,
  df: true,
  tos: 0,
  payload: { proto: 'tcp', sport: 40000, dport: 80, seq: 1, ack: 0, flags: TCP_SYN, window: 64240, mss: 1460, data: '' },
};

const hex = (h: string): DataView => {
  const bytes = Uint8Array.from((h.replace(/\s/g, '').match(/../g) ?? []).map((b) => parseInt(b, 16)));
  return new DataView(bytes.buffer);
};
const u8 = fc.integer({ min: 0, max: 255 });
const u16 = fc.integer({ min: 0, max: 0xffff });
const addr = fc.integer({ min: 0, max: 0xffffffff }).map(ipv4FromU32);
const udpOrTcp = fc.oneof(
  fc.record({ proto: fc.constant('udp' as const), sport: u16, dport: u16, data: fc.string({ maxLength: 40 }) }),
  fc.record({
    proto: fc.constant('tcp' as const),
    sport: u16,
    dport: u16,
    seq: fc.integer({ min: 0, max: 0xffffffff }),
    ack: fc.integer({ min: 0, max: 0xffffffff }),
    flags: u8,
    window: u16,
    data: fc.string({ maxLength: 40 }),
  }),
);
const packetArb: fc.Arbitrary<Ipv4Repr> = fc.record({ src: addr, dst: addr, ttl: u8, id: u16, df: fc.boolean(), tos: u8, payload: udpOrTcp });

/** Rewrites the header checksum after a test has edited the header on purpose. */
function resum(v: DataView, ihl = 20): DataView {
  v.setUint16(10, 0);
  v.setUint16(10, internetChecksum(v, 0, ihl));
  return v;
}

describe('emitIpv4', () => {
  it('writes the fixture SYN packet byte for byte', () => {
    expect(encodeIpv4(SYN)).toEqual(new Uint8Array(hex(SYN_PACKET).buffer));
  });

  it('writes at an offset and leaves the bytes around it alone', () => {
    const v = new DataView(new ArrayBuffer(ipv4Len(SYN) + 4));
    emitIpv4(SYN, v, 2);
    expect(v.getUint16(0)).toBe(0);
    expect(v.getUint16(ipv4Len(SYN) + 2)).toBe(0);
    expect(parseIpv4(v, 2, ipv4Len(SYN))).toEqual({ ok: true, value: SYN });
  });
});

describe('parseIpv4', () => {
  it('reads the fixture SYN packet', () => {
    expect(parseIpv4(hex(SYN_PACKET), 0, 44)).toEqual({ ok: true, value: SYN });
  });

  it('ignores bytes past the total length, such as Ethernet padding', () => {
    const padded = hex(SYN_PACKET + '0000');
    expect(parseIpv4(padded, 0, 46)).toEqual({ ok: true, value: SYN });
  });

  it('reports a bad header checksum with the value it should have had', () => {
    const v = hex(SYN_PACKET);
    v.setUint8(8, 63);
    expect(parseIpv4(v, 0, 44)).toEqual({ ok: false, error: 'bad IPv4 header checksum 0xfa66 (expected 0xfb66)' });
  });

  it('reports a bad TCP checksum inside a good header', () => {
    const v = hex(SYN_PACKET);
    v.setUint16(20 + 14, 1000);
    expect(parseIpv4(v, 0, 44)).toEqual({ ok: false, error: 'bad TCP checksum 0xd272 (expected 0xc97b)' });
  });

  it('refuses a packet shorter than its total length', () => {
    expect(parseIpv4(hex(SYN_PACKET), 0, 43)).toEqual({ ok: false, error: 'IPv4 packet truncated: total length 44, only 43 bytes present' });
  });

  it('refuses other IP versions, fragments and protocols it does not carry', () => {
    const v6 = hex(SYN_PACKET);
    v6.setUint8(0, 0x65);
    expect(parseIpv4(v6, 0, 44)).toEqual({ ok: false, error: 'IP version 6 is not 4' });
    const frag = resum(hex(SYN_PACKET));
    frag.setUint16(6, 0x2000);
    expect(parseIpv4(resum(frag), 0, 44)).toEqual({ ok: false, error: 'IPv4 fragments are not supported (more-fragments 1, offset 0)' });
    const gre = hex(SYN_PACKET);
    gre.setUint8(9, 47);
    expect(parseIpv4(resum(gre), 0, 44)).toEqual({ ok: false, error: 'IP protocol 47 is not supported (only ICMP 1, IP-in-IP 4, TCP 6, UDP 17)' });
  });

  it('skips header options it is given, checking them in the checksum', () => {
    const src = new Uint8Array(hex(SYN_PACKET).buffer);
    const withOpts = new Uint8Array(48);
    withOpts.set(src.subarray(0, 20), 0);
    withOpts.set([1, 1, 1, 0], 20); // NOP NOP NOP EOL
    withOpts.set(src.subarray(20), 24);
    const v = new DataView(withOpts.buffer);
    v.setUint8(0, 0x46);
    v.setUint16(2, 48);
    expect(parseIpv4(resum(v, 24), 0, 48)).toEqual({ ok: true, value: SYN });
  });

  it('round-trips every packet carrying TCP or UDP', () => {
    fc.assert(
      fc.property(packetArb, (p) => {
        const bytes = encodeIpv4(p);
        expect(parseIpv4(new DataView(bytes.buffer), 0, bytes.length)).toEqual({ ok: true, value: p });
      }),
    );
  });

  it('never throws on arbitrary bytes, and fails cleanly on every cut-short packet', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), fc.integer({ min: -1, max: 81 }), (b, len) => {
        parseIpv4(new DataView(b.buffer), 0, len);
      }),
    );
    fc.assert(
      fc.property(packetArb, fc.nat(), (p, n) => {
        const bytes = encodeIpv4(p);
        expect(parseIpv4(new DataView(bytes.buffer), 0, n % bytes.length).ok).toBe(false);
      }),
    );
  });
});
