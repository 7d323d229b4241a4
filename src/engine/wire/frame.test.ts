import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ip, ipv4FromU32 } from '../addr/ipv4';
import { MAC_BROADCAST, MAC_ZERO, type Mac } from '../addr/mac';
import type { Frame, Ipv4Payload, Ipv4Repr } from './repr';
import { decodeFrame, encodeFrame, frameLen } from './frame';

/** Who has 10.0.0.1? Tell 10.0.0.2, padded to 60 bytes (checked with tshark 4.0). */
const ARP_REQUEST_FRAME =
  'ffffffffffff 020000000002 0806' +
  '0001 0800 06 04 0001 020000000002 0a000002 000000000000 0a000001' +
  '000000000000000000000000000000000000';
/** The SYN 10.11.12.13:40000 > 11.12.13.14:80 in a frame, padded from 58 to 60 bytes. */
const SYN_FRAME =
  '020000000001 020000000002 0800' +
  '4500 002c 1234 4000 40 06 fa66 0a0b0c0d 0b0c0d0e' +
  '9c400050 00000001 00000000 6002faf0 d2720000 020405b4' +
  '0000';

const bytes = (h: string): Uint8Array => Uint8Array.from((h.replace(/\s/g, '').match(/../g) ?? []).map((b) => parseInt(b, 16)));
const ARP_REQUEST: Frame = {
  eth: { src: 0x020000000002 as Mac, dst: MAC_BROADCAST },
  type: 'arp',
  arp: { op: 'request', senderMac: 0x020000000002 as Mac, senderIp: ip('10.0.0.2'), targetMac: MAC_ZERO, targetIp: ip('10.0.0.1') },
};
const SYN: Frame = {
  eth: { src: 0x020000000002 as Mac, dst: 0x020000000001 as Mac },
  type: 'ipv4',
  ip: {
    src: ip('10.11.12.13'),
    dst: ip('11.12.13.14'),
    ttl: 64,
    id: 0x1234,
    df: true,
    tos: 0,
    payload: { proto: 'tcp', sport: 40000, dport: 80, seq: 1, ack: 0, flags: 0x02, window: 64240, mss: 1460, data: '' },
  },
};

const u8 = fc.integer({ min: 0, max: 255 });
const u16 = fc.integer({ min: 0, max: 0xffff });
const u32 = fc.integer({ min: 0, max: 0xffffffff });
const addr = u32.map(ipv4FromU32);
const mac = fc.integer({ min: 0, max: 2 ** 48 - 1 }).map((n) => n as Mac);
const text = fc.string({ unit: 'binary-ascii', maxLength: 48 });
const opts = { noNullPrototype: true } as const;

/** Every payload IPv4 can carry, nesting through IP-in-IP and ICMP quotes a few levels deep. */
const { packet } = fc.letrec<{ packet: Ipv4Repr; payload: Ipv4Payload }>((tie) => ({
  packet: fc.record({ src: addr, dst: addr, ttl: u8, id: u16, df: fc.boolean(), tos: u8, payload: tie('payload') }, opts),
  payload: fc.oneof(
    { depthIdentifier: 'packet', maxDepth: 3 },
    fc.record({ proto: fc.constant('tcp' as const), sport: u16, dport: u16, seq: u32, ack: u32, flags: u8, window: u16, mss: u16, data: text }, {
      ...opts,
      requiredKeys: ['proto', 'sport', 'dport', 'seq', 'ack', 'flags', 'window', 'data'],
    }),
    fc.record({ proto: fc.constant('udp' as const), sport: u16, dport: u16, data: text }, opts),
    fc.record({ proto: fc.constant('icmp' as const), type: fc.constantFrom(0, 8), code: u8, ident: u16, seqNo: u16, data: text }, opts),
    fc.record({ proto: fc.constant('icmp' as const), type: fc.constantFrom(3, 11), code: u8, quote: tie('packet') }, opts),
    fc.record({ proto: fc.constant('ipip' as const), inner: tie('packet') }, opts),
  ),
}));
const frameArb: fc.Arbitrary<Frame> = fc.oneof(
  fc.record({
    eth: fc.record({ src: mac, dst: mac }),
    type: fc.constant('arp' as const),
    arp: fc.record({ op: fc.constantFrom('request' as const, 'reply' as const), senderMac: mac, senderIp: addr, targetMac: mac, targetIp: addr }),
  }),
  fc.record({ eth: fc.record({ src: mac, dst: mac }), type: fc.constant('ipv4' as const), ip: packet }),
);

describe('encodeFrame', () => {
  it('encodes an ARP request as a real one looks, padded to 60 bytes', () => {
    expect(encodeFrame(ARP_REQUEST)).toEqual(bytes(ARP_REQUEST_FRAME));
  });

  it('encodes a SYN with its MSS option and checksums', () => {
    expect(encodeFrame(SYN)).toEqual(bytes(SYN_FRAME));
  });

  it('pads nothing once a frame reaches 60 bytes', () => {
    const long: Frame = { ...SYN, ip: { ...SYN.ip, payload: { ...SYN.ip.payload, proto: 'udp', sport: 1, dport: 2, data: 'x'.repeat(100) } } };
    expect(frameLen(long)).toBe(14 + 20 + 8 + 100);
  });
});

describe('decodeFrame', () => {
  it('decodes the fixture frames', () => {
    expect(decodeFrame(bytes(ARP_REQUEST_FRAME))).toEqual({ ok: true, value: ARP_REQUEST });
    expect(decodeFrame(bytes(SYN_FRAME))).toEqual({ ok: true, value: SYN });
  });

  it('reads a frame inside a larger buffer through its byteOffset', () => {
    const big = new Uint8Array(70);
    big.set(bytes(SYN_FRAME), 10);
    expect(decodeFrame(big.subarray(10))).toEqual({ ok: true, value: SYN });
  });

  it('names an EtherType it does not carry', () => {
    const ipv6 = bytes(SYN_FRAME);
    ipv6.set([0x86, 0xdd], 12);
    expect(decodeFrame(ipv6)).toEqual({ ok: false, error: 'EtherType 0x86dd is not supported (only IPv4 0x0800 and ARP 0x0806)' });
  });

  it('reports a corrupted TCP segment by its checksum', () => {
    const bad = bytes(SYN_FRAME);
    bad[14 + 20 + 3] = 81;
    expect(decodeFrame(bad)).toEqual({ ok: false, error: 'bad TCP checksum 0xd272 (expected 0xd271)' });
  });

  it('round-trips whole frames, IP-in-IP and quoted datagrams included', () => {
    fc.assert(
      fc.property(frameArb, (f) => {
        expect(decodeFrame(encodeFrame(f))).toEqual({ ok: true, value: f });
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on random bytes or on cut-short and corrupted frames', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 120 }), (b) => void decodeFrame(b)));
    fc.assert(
      fc.property(frameArb, fc.nat(), fc.nat(), u8, (f, cut, at, value) => {
        const b = encodeFrame(f);
        decodeFrame(b.subarray(0, cut % (b.length + 1)));
        b[at % b.length] = value;
        decodeFrame(b);
      }),
    );
  });
});
