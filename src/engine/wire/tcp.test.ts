import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ip, ipv4FromU32 } from '../addr/ipv4';
import { TCP_SYN, type TcpRepr } from './repr';
import type { PseudoHeader } from './checksum';
import { emitTcp, parseTcp, tcpLen } from './tcp';

/**
 * A SYN from 10.11.12.13:40000 to 11.12.13.14:80, seq 1, window 64240, MSS 1460
 * (checked with tshark 4.0: checksum 0xd272 correct).
 */
const SYN_SEGMENT = '9c40 0050 00000001 00000000 60 02 faf0 d272 0000 020405b4';
const PH: PseudoHeader = { src: ip('10.11.12.13'), dst: ip('11.12.13.14') };
const SYN: TcpRepr = { proto: 'tcp', sport: 40000, dport: 80, seq: 1, ack: 0, flags: TCP_SYN, window: 64240, mss: 1460, data: '' };

const hex = (h: string): DataView => {
  const bytes = Uint8Array.from((h.replace(/\s/g, '').match(/../g) ?? []).map((b) => parseInt(b, 16)));
  return new DataView(bytes.buffer);
};
const u16 = fc.integer({ min: 0, max: 0xffff });
const u32 = fc.integer({ min: 0, max: 0xffffffff });
const latin1 = fc.string({ unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)), maxLength: 80 });
const tcpArb: fc.Arbitrary<TcpRepr> = fc.record(
  { proto: fc.constant('tcp' as const), sport: u16, dport: u16, seq: u32, ack: u32, flags: fc.integer({ min: 0, max: 255 }), window: u16, mss: u16, data: latin1 },
  { requiredKeys: ['proto', 'sport', 'dport', 'seq', 'ack', 'flags', 'window', 'data'], noNullPrototype: true },
);
const phArb = fc.record({ src: u32.map(ipv4FromU32), dst: u32.map(ipv4FromU32) });

function emit(repr: TcpRepr, ph: PseudoHeader): DataView {
  const v = new DataView(new ArrayBuffer(tcpLen(repr)));
  emitTcp(repr, v, 0, ph);
  return v;
}

describe('emitTcp', () => {
  it('writes a SYN with its MSS option byte for byte', () => {
    expect(new Uint8Array(emit(SYN, PH).buffer)).toEqual(new Uint8Array(hex(SYN_SEGMENT).buffer));
  });

  it('leaves the option out when no MSS is set and puts the payload after the header', () => {
    const { mss: _mss, ...noMss } = SYN;
    const v = emit({ ...noMss, data: 'GET /' }, PH);
    expect(v.byteLength).toBe(25);
    expect(v.getUint8(12) >> 4).toBe(5);
    expect(String.fromCharCode(...new Uint8Array(v.buffer, 20))).toBe('GET /');
  });
});

describe('parseTcp', () => {
  it('reads the fixture SYN', () => {
    expect(parseTcp(hex(SYN_SEGMENT), 0, 24, PH)).toEqual({ ok: true, value: SYN });
  });

  it('reports a segment whose checksum does not cover the pseudo-header it arrived with', () => {
    expect(parseTcp(hex(SYN_SEGMENT), 0, 24, { ...PH, dst: ip('11.12.13.15') })).toEqual({ ok: false, error: 'bad TCP checksum 0xd272 (expected 0xd271)' });
  });

  it('skips the checksum of a segment quoted in an ICMP error', () => {
    const v = hex(SYN_SEGMENT);
    v.setUint16(16, 0);
    expect(parseTcp(v, 0, 24, null)).toEqual({ ok: true, value: SYN });
  });

  it('skips NOPs and options it does not know, and stops at end-of-options', () => {
    // MSS 1460, NOP, NOP, SACK-permitted (kind 4, len 2), EOL, padding: data offset 8 words.
    const v = hex('9c40 0050 00000001 00000000 80 02 faf0 0000 0000 020405b4 0101 0402 00 000000');
    v.setUint16(16, 0);
    expect(parseTcp(v, 0, 32, null)).toEqual({ ok: true, value: { ...SYN, sackPerm: true } });
    // An unknown kind (30, length 4) is stepped over by its length.
    const u = hex('9c40 0050 00000001 00000000 80 02 faf0 0000 0000 020405b4 1e04 0000 00 000000');
    expect(parseTcp(u, 0, 32, null)).toEqual({ ok: true, value: SYN });
  });

  it("writes a Linux SYN's 20 option bytes in Linux's order: MSS, SACK-permitted+timestamps, NOP+window scale", () => {
    const syn = { ...SYN, sackPerm: true, wscale: 7, ts: { val: 0x01020304, ecr: 0 } };
    const ph = { src: 0x0a0a0af0 as never, dst: 0x0a0a0a64 as never };
    const v = emit(syn, ph);
    const opts = [...new Uint8Array(v.buffer, v.byteOffset + 20, 20)].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(opts).toBe('020405b4' + '0402080a' + '01020304' + '00000000' + '01030307');
    expect(parseTcp(v, 0, 40, ph)).toEqual({ ok: true, value: syn });
  });

  it('refuses an option whose length runs past the header', () => {
    const v = hex(SYN_SEGMENT);
    v.setUint8(21, 9);
    expect(parseTcp(v, 0, 24, null)).toEqual({ ok: false, error: 'TCP option kind 2 has a bad length 9' });
  });

  it('refuses a data offset that points outside the segment', () => {
    const v = hex(SYN_SEGMENT);
    v.setUint8(12, 0xf0);
    expect(parseTcp(v, 0, 24, null)).toEqual({ ok: false, error: 'TCP data offset 15 words (60 bytes) does not fit a 24-byte segment' });
  });

  it('round-trips every valid segment through emitTcp', () => {
    fc.assert(
      fc.property(tcpArb, phArb, (tcp, ph) => {
        expect(parseTcp(emit(tcp, ph), 0, tcpLen(tcp), ph)).toEqual({ ok: true, value: tcp });
      }),
    );
  });

  it('never throws on arbitrary or truncated bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), fc.integer({ min: -1, max: 80 }), phArb, (b, len, ph) => {
        parseTcp(new DataView(b.buffer), 0, len, ph);
        parseTcp(new DataView(b.buffer), 0, len, null);
      }),
    );
    fc.assert(
      fc.property(tcpArb, phArb, fc.nat(), (tcp, ph, cut) => {
        const v = emit(tcp, ph);
        const r = parseTcp(v, 0, cut % (v.byteLength + 1), ph);
        if (cut % (v.byteLength + 1) < v.byteLength) expect(r.ok).toBe(false);
      }),
    );
  });
});
