import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ip, ipv4FromU32 } from '../addr/ipv4';
import { TCP_SYN, type IpipRepr, type Ipv4Repr } from './repr';
import { emitIpip, ipipLen, parseIpip } from './ipip';
import { parseIpv4 } from './ipv4';

/**
 * The director 11.22.33.44 tunnels a client's SYN (44.55.66.77:40000 > VIP 11.22.33.44:80)
 * to real server 33.44.55.66 (checked with tshark 4.0: both IPv4 layers and TCP correct).
 */
const TUNNELLED_SYN =
  '4500 0040 0004 0000 40 04 f606 0b16212c 212c3742' +
  '4500 002c 1234 4000 3f 06 8ed2 2c37424d 0b16212c' +
  '9c400050 00000001 00000000 6002faf0 65de0000 020405b4';

const INNER: Ipv4Repr = {
  src: ip('44.55.66.77'),
  dst: ip('11.22.33.44'),
  ttl: 63,
  id: 0x1234,
  df: true,
  tos: 0,
  payload: { proto: 'tcp', sport: 40000, dport: 80, seq: 1, ack: 0, flags: TCP_SYN, window: 64240, mss: 1460, data: '' },
};
const OUTER: Ipv4Repr = { src: ip('11.22.33.44'), dst: ip('33.44.55.66'), ttl: 64, id: 4, df: false, tos: 0, payload: { proto: 'ipip', inner: INNER } };

const hex = (h: string): DataView => {
  const bytes = Uint8Array.from((h.replace(/\s/g, '').match(/../g) ?? []).map((b) => parseInt(b, 16)));
  return new DataView(bytes.buffer);
};
const u16 = fc.integer({ min: 0, max: 0xffff });
const addr = fc.integer({ min: 0, max: 0xffffffff }).map(ipv4FromU32);
const ipipArb: fc.Arbitrary<IpipRepr> = fc
  .record({ src: addr, dst: addr, ttl: fc.integer({ min: 0, max: 255 }), id: u16, df: fc.boolean(), sport: u16, data: fc.string({ maxLength: 40 }) })
  .map(({ src, dst, ttl, id, df, sport, data }) => ({
    proto: 'ipip',
    inner: { src, dst, ttl, id, df, tos: 0, payload: { proto: 'tcp', sport, dport: 80, seq: 1, ack: 1, flags: 0x18, window: 502, data } },
  }));

describe('parseIpip', () => {
  it('reads the inner packet of a tunnelled SYN', () => {
    expect(parseIpip(hex(TUNNELLED_SYN), 20, 44, false)).toEqual({ ok: true, value: { proto: 'ipip', inner: INNER } });
    expect(parseIpv4(hex(TUNNELLED_SYN), 0, 64)).toEqual({ ok: true, value: OUTER });
  });

  it('says a bad checksum is in the inner packet', () => {
    const v = hex(TUNNELLED_SYN);
    v.setUint8(20 + 8, 64);
    expect(parseIpv4(v, 0, 64)).toEqual({ ok: false, error: 'inner packet of IP-in-IP: bad IPv4 header checksum 0x8ed2 (expected 0x8dd2)' });
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), fc.integer({ min: -1, max: 81 }), fc.boolean(), (b, len, quoted) => {
        parseIpip(new DataView(b.buffer), 0, len, quoted);
      }),
    );
  });
});

describe('emitIpip', () => {
  it('writes the inner packet as the whole payload', () => {
    const v = new DataView(new ArrayBuffer(ipipLen({ proto: 'ipip', inner: INNER })));
    emitIpip({ proto: 'ipip', inner: INNER }, v, 0);
    expect(new Uint8Array(v.buffer)).toEqual(new Uint8Array(hex(TUNNELLED_SYN).buffer, 20));
  });

  it('round-trips through parseIpip', () => {
    fc.assert(
      fc.property(ipipArb, (repr) => {
        const v = new DataView(new ArrayBuffer(ipipLen(repr)));
        emitIpip(repr, v, 0);
        expect(parseIpip(v, 0, v.byteLength, false)).toEqual({ ok: true, value: repr });
      }),
    );
  });
});
