import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ip, ipv4FromU32 } from '../addr/ipv4';
import { MAC_ZERO, type Mac } from '../addr/mac';
import type { ArpRepr } from './repr';
import { ARP_LEN, emitArp, parseArp } from './arp';

/**
 * Who has 10.0.0.1? Tell 10.0.0.2 (02:00:00:00:00:02): the frame as a capture shows it,
 * padded to 60 bytes (checked with tshark 4.0). The ARP body starts at byte 14.
 */
const ARP_REQUEST_FRAME =
  'ffffffffffff 020000000002 0806' +
  '0001 0800 06 04 0001 020000000002 0a000002 000000000000 0a000001' +
  '000000000000000000000000000000000000';

const hex = (h: string): DataView => {
  const bytes = Uint8Array.from((h.replace(/\s/g, '').match(/../g) ?? []).map((b) => parseInt(b, 16)));
  return new DataView(bytes.buffer);
};
const REQUEST: ArpRepr = { op: 'request', senderMac: 0x020000000002 as Mac, senderIp: ip('10.0.0.2'), targetMac: MAC_ZERO, targetIp: ip('10.0.0.1') };

const arpArb: fc.Arbitrary<ArpRepr> = fc.record({
  op: fc.constantFrom('request' as const, 'reply' as const),
  senderMac: fc.integer({ min: 0, max: 2 ** 48 - 1 }).map((n) => n as Mac),
  senderIp: fc.integer({ min: 0, max: 0xffffffff }).map(ipv4FromU32),
  targetMac: fc.integer({ min: 0, max: 2 ** 48 - 1 }).map((n) => n as Mac),
  targetIp: fc.integer({ min: 0, max: 0xffffffff }).map(ipv4FromU32),
});

describe('parseArp', () => {
  it('reads a real request, ignoring the Ethernet padding after it', () => {
    const v = hex(ARP_REQUEST_FRAME);
    expect(v.byteLength).toBe(60);
    expect(parseArp(v, 14, 46)).toEqual({ ok: true, value: REQUEST });
  });

  it('refuses a truncated packet', () => {
    expect(parseArp(hex(ARP_REQUEST_FRAME), 14, 27)).toEqual({ ok: false, error: 'ARP packet truncated: 27 bytes, need 28' });
  });

  it('refuses hardware other than Ethernet and opcodes other than request and reply', () => {
    const v = hex(ARP_REQUEST_FRAME);
    v.setUint16(14, 6);
    expect(parseArp(v, 14, 28).ok).toBe(false);
    v.setUint16(14, 1);
    v.setUint16(20, 3);
    expect(parseArp(v, 14, 28)).toEqual({ ok: false, error: 'ARP opcode 3 is neither a request (1) nor a reply (2)' });
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.integer({ min: -1, max: 40 }), (b, len) => {
        parseArp(new DataView(b.buffer), 0, len);
      }),
    );
  });
});

describe('emitArp', () => {
  it('writes the fixture request byte for byte', () => {
    const v = new DataView(new ArrayBuffer(ARP_LEN));
    emitArp(REQUEST, v, 0);
    expect(new Uint8Array(v.buffer)).toEqual(new Uint8Array(hex(ARP_REQUEST_FRAME).buffer, 14, ARP_LEN));
  });

  it('round-trips through parseArp', () => {
    fc.assert(
      fc.property(arpArb, (arp) => {
        const v = new DataView(new ArrayBuffer(ARP_LEN));
        emitArp(arp, v, 0);
        expect(parseArp(v, 0, ARP_LEN)).toEqual({ ok: true, value: arp });
      }),
    );
  });
});
