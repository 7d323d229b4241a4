import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ip, ipv4FromU32 } from '../addr/ipv4';
import { TCP_SYN, type IcmpRepr, type Ipv4Repr } from './repr';
import { ICMP_QUOTE_MAX_LEN, emitIcmp, icmpLen, parseIcmp } from './icmp';
import { encodeIpv4, ipv4Len, parseIpv4 } from './ipv4';

/** Echo request, id 7, seq 1, data "abcdefgh" (checked with tshark 4.0: checksum 0x6662 correct). */
const ECHO_REQUEST = '08 00 6662 0007 0001 6162636465666768';
/**
 * Time exceeded in transit from router 10.0.0.254 to 10.11.12.13, quoting the SYN that
 * arrived with TTL 1 (checked with tshark 4.0: all four checksums correct).
 */
const TIME_EXCEEDED_PACKET =
  '45c0 0048 0003 0000 40 01 58dd 0a0000fe 0a0b0c0d' +
  '0b 00 2350 00000000' +
  '4500 002c 1234 4000 01 06 3967 0a0b0c0d 0b0c0d0e' +
  '9c400050 00000001 00000000 6002faf0 d2720000 020405b4';

/** ICMP redirect (host) from 10.10.10.13 to 10.10.10.240, captured by the oracle (mistakes/lan.pcap). */
const REDIRECT_PACKET =
  '45c0005861a200004001ef320a0a0a0d0a0a0af0050125c40a0a0a644500003c107e40003e0602d70a0a0af00a0a0a64' +
  'e24a00504b3bca2800000000a002faf029960000020405b40402080a01b8eabd0000000001030307';

const SYN_TTL1: Ipv4Repr = {
  src: ip('10.11.12.13'),
  dst: ip('11.12.13.14'),
  ttl: 1,
  id: 0x1234,
  df: true,
  tos: 0,
  payload: { proto: 'tcp', sport: 40000, dport: 80, seq: 1, ack: 0, flags: TCP_SYN, window: 64240, mss: 1460, data: '' },
};
const ECHO: IcmpRepr = { proto: 'icmp', type: 8, code: 0, ident: 7, seqNo: 1, data: 'abcdefgh' };
const TIME_EXCEEDED: Ipv4Repr = {
  src: ip('10.0.0.254'),
  dst: ip('10.11.12.13'),
  ttl: 64,
  id: 3,
  df: false,
  tos: 0xc0,
  payload: { proto: 'icmp', type: 11, code: 0, quote: SYN_TTL1 },
};

const hex = (h: string): DataView => {
  const bytes = Uint8Array.from((h.replace(/\s/g, '').match(/../g) ?? []).map((b) => parseInt(b, 16)));
  return new DataView(bytes.buffer);
};
const u16 = fc.integer({ min: 0, max: 0xffff });
const echoArb: fc.Arbitrary<IcmpRepr> = fc.record({
  proto: fc.constant('icmp' as const),
  type: fc.constantFrom(0, 8),
  code: fc.integer({ min: 0, max: 255 }),
  ident: u16,
  seqNo: u16,
  data: fc.string({ unit: 'binary-ascii', maxLength: 64 }),
});

function emit(repr: IcmpRepr): DataView {
  const v = new DataView(new ArrayBuffer(icmpLen(repr)));
  emitIcmp(repr, v, 0);
  return v;
}

describe('emitIcmp', () => {
  it('writes the fixture echo request byte for byte', () => {
    expect(new Uint8Array(emit(ECHO).buffer)).toEqual(new Uint8Array(hex(ECHO_REQUEST).buffer));
  });

  it('quotes the offending datagram whole when it fits in 576 bytes', () => {
    expect(encodeIpv4(TIME_EXCEEDED)).toEqual(new Uint8Array(hex(TIME_EXCEEDED_PACKET).buffer));
  });

  it('cuts a long quote so the error stays within 576 bytes, as Linux does', () => {
    const big: Ipv4Repr = { ...SYN_TTL1, payload: { ...SYN_TTL1.payload, proto: 'udp', sport: 1, dport: 2, data: 'x'.repeat(1000) } };
    const err: IcmpRepr = { proto: 'icmp', type: 3, code: 3, quote: big };
    expect(icmpLen(err)).toBe(8 + ICMP_QUOTE_MAX_LEN);
    expect(ipv4Len({ ...TIME_EXCEEDED, payload: err })).toBe(576);
    const parsed = parseIcmp(emit(err), 0, icmpLen(err), true);
    const kept = ICMP_QUOTE_MAX_LEN - 20 - 8;
    expect(parsed).toEqual({ ok: true, value: { ...err, quote: { ...big, payload: { proto: 'udp', sport: 1, dport: 2, data: 'x'.repeat(kept) } } } });
  });
});

describe('parseIcmp', () => {
  it('reads the fixture echo request', () => {
    expect(parseIcmp(hex(ECHO_REQUEST), 0, 16, true)).toEqual({ ok: true, value: ECHO });
  });

  it('reads a time exceeded and the datagram it quotes', () => {
    expect(parseIpv4(hex(TIME_EXCEEDED_PACKET), 0, 72)).toEqual({ ok: true, value: TIME_EXCEEDED });
  });

  it('reads an error that quotes nothing', () => {
    const bare: IcmpRepr = { proto: 'icmp', type: 3, code: 1 };
    expect(parseIcmp(emit(bare), 0, 8, true)).toEqual({ ok: true, value: bare });
  });

  it('reports a bad checksum', () => {
    const v = hex(ECHO_REQUEST);
    v.setUint16(6, 2);
    expect(parseIcmp(v, 0, 16, true)).toEqual({ ok: false, error: 'bad ICMP checksum 0x6662 (expected 0x6661)' });
  });

  it('refuses types it does not model, such as source quench', () => {
    const v = hex('04 00 fbff 00000000');
    expect(parseIcmp(v, 0, 8, true)).toEqual({ ok: false, error: 'ICMP type 4 is not supported (only echo 0/8, unreachable 3, redirect 5, time exceeded 11)' });
  });

  it('reads the redirect a real kernel sent: its gateway and the datagram it quotes, TTL already decremented', () => {
    // From the oracle's mistakes lab (lan.pcap): RS2 forwarded C's SYN back out of eth0 and
    // told C to send it to 10.10.10.100 directly.
    const r = parseIpv4(hex(REDIRECT_PACKET), 0, 88);
    expect(r.ok).toBe(true);
    if (!r.ok || r.value.payload.proto !== 'icmp') return;
    const { type, code, gateway, quote } = r.value.payload;
    expect({ type, code, gateway, tos: r.value.tos }).toEqual({ type: 5, code: 1, gateway: ip('10.10.10.100'), tos: 0xc0 });
    expect({ src: quote?.src, dst: quote?.dst, ttl: quote?.ttl }).toEqual({ src: ip('10.10.10.240'), dst: ip('10.10.10.100'), ttl: 62 });
  });

  it('round-trips a redirect with its gateway', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 0xffffffff }), (code, gateway) => {
        const redirect: IcmpRepr = { proto: 'icmp', type: 5, code, gateway: ipv4FromU32(gateway), quote: SYN_TTL1 };
        expect(parseIcmp(emit(redirect), 0, icmpLen(redirect), true)).toEqual({ ok: true, value: redirect });
      }),
    );
  });

  it('round-trips every echo request and reply', () => {
    fc.assert(
      fc.property(echoArb, (echo) => {
        expect(parseIcmp(emit(echo), 0, icmpLen(echo), true)).toEqual({ ok: true, value: echo });
      }),
    );
  });

  it('round-trips unreachable and time exceeded errors with their quote', () => {
    fc.assert(
      fc.property(fc.constantFrom(3, 11), fc.integer({ min: 0, max: 15 }), echoArb, (type, code, echo) => {
        const err: IcmpRepr = { proto: 'icmp', type, code, quote: { ...SYN_TTL1, payload: echo } };
        expect(parseIcmp(emit(err), 0, icmpLen(err), true)).toEqual({ ok: true, value: err });
      }),
    );
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), fc.integer({ min: -1, max: 81 }), fc.boolean(), (b, len, verify) => {
        parseIcmp(new DataView(b.buffer), 0, len, verify);
      }),
    );
  });
});
