import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ip, ipv4FromU32 } from '../addr/ipv4';
import type { UdpRepr } from './repr';
import type { PseudoHeader } from './checksum';
import { emitUdp, parseUdp, udpLen } from './udp';

/** "hello" from 10.0.0.2:40001 to 10.0.0.1:9999 (checked with tshark 4.0: checksum 0xe4ae correct). */
const HELLO_DATAGRAM = '9c41 270f 000d e4ae 68656c6c6f';
const PH: PseudoHeader = { src: ip('10.0.0.2'), dst: ip('10.0.0.1') };
const HELLO: UdpRepr = { proto: 'udp', sport: 40001, dport: 9999, data: 'hello' };

const hex = (h: string): DataView => {
  const bytes = Uint8Array.from((h.replace(/\s/g, '').match(/../g) ?? []).map((b) => parseInt(b, 16)));
  return new DataView(bytes.buffer);
};
const u16 = fc.integer({ min: 0, max: 0xffff });
const u32 = fc.integer({ min: 0, max: 0xffffffff });
const udpArb: fc.Arbitrary<UdpRepr> = fc.record({
  proto: fc.constant('udp' as const),
  sport: u16,
  dport: u16,
  data: fc.string({ unit: 'binary-ascii', maxLength: 80 }),
});
const phArb = fc.record({ src: u32.map(ipv4FromU32), dst: u32.map(ipv4FromU32) });

function emit(repr: UdpRepr, ph: PseudoHeader): DataView {
  const v = new DataView(new ArrayBuffer(udpLen(repr)));
  emitUdp(repr, v, 0, ph);
  return v;
}

describe('emitUdp', () => {
  it('writes the fixture datagram byte for byte', () => {
    expect(new Uint8Array(emit(HELLO, PH).buffer)).toEqual(new Uint8Array(hex(HELLO_DATAGRAM).buffer));
  });

  it('sends a checksum that computes to zero as 0xffff, since zero means none', () => {
    // The pseudo-header and header words of this datagram sum to 0xffff: its checksum is 0.
    const ph = { src: ipv4FromU32(0), dst: ipv4FromU32(0xffff - 17 - 8 - 8) };
    const v = emit({ proto: 'udp', sport: 0, dport: 0, data: '' }, ph);
    expect(v.getUint16(6)).toBe(0xffff);
    expect(parseUdp(v, 0, 8, ph).ok).toBe(true);
  });
});

describe('parseUdp', () => {
  it('reads the fixture datagram', () => {
    expect(parseUdp(hex(HELLO_DATAGRAM), 0, 13, PH)).toEqual({ ok: true, value: HELLO });
  });

  it('reports a bad checksum', () => {
    const v = hex(HELLO_DATAGRAM);
    v.setUint8(12, 0x21);
    expect(parseUdp(v, 0, 13, PH)).toEqual({ ok: false, error: 'bad UDP checksum 0xe4ae (expected 0x32af)' });
  });

  it('accepts a zero checksum as "not computed"', () => {
    const v = hex(HELLO_DATAGRAM);
    v.setUint16(6, 0);
    expect(parseUdp(v, 0, 13, PH)).toEqual({ ok: true, value: HELLO });
  });

  it('refuses a length field larger than the packet', () => {
    expect(parseUdp(hex(HELLO_DATAGRAM), 0, 12, PH)).toEqual({ ok: false, error: 'UDP length field 13 exceeds the 12 bytes the IP packet carries' });
  });

  it('keeps what is there of a datagram quoted in an ICMP error', () => {
    expect(parseUdp(hex(HELLO_DATAGRAM), 0, 10, null)).toEqual({ ok: true, value: { ...HELLO, data: 'he' } });
  });

  it('round-trips every valid datagram through emitUdp', () => {
    fc.assert(
      fc.property(udpArb, phArb, (udp, ph) => {
        expect(parseUdp(emit(udp, ph), 0, udpLen(udp), ph)).toEqual({ ok: true, value: udp });
      }),
    );
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.integer({ min: -1, max: 40 }), phArb, (b, len, ph) => {
        parseUdp(new DataView(b.buffer), 0, len, ph);
        parseUdp(new DataView(b.buffer), 0, len, null);
      }),
    );
  });
});
