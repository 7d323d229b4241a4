import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAC_BROADCAST, type Mac } from '../addr/mac';
import { ETHERTYPE_ARP, type EthernetRepr } from './repr';
import { ETHERNET_HEADER_LEN, emitEthernet, parseEthernet, readMac, writeMac } from './ethernet';

/** The header of a broadcast ARP request from 02:00:00:00:00:02. */
const ARP_BROADCAST_HEADER = 'ffffffffffff 020000000002 0806';

const hex = (h: string): DataView => {
  const bytes = Uint8Array.from((h.replace(/\s/g, '').match(/../g) ?? []).map((b) => parseInt(b, 16)));
  return new DataView(bytes.buffer);
};
const mac = fc.integer({ min: 0, max: 2 ** 48 - 1 }).map((n) => n as Mac);

describe('parseEthernet', () => {
  it('reads destination, source and EtherType', () => {
    expect(parseEthernet(hex(ARP_BROADCAST_HEADER), 0, 14)).toEqual({
      ok: true,
      value: { eth: { dst: MAC_BROADCAST, src: 0x020000000002 }, ethertype: ETHERTYPE_ARP },
    });
  });

  it('refuses a header shorter than 14 bytes', () => {
    expect(parseEthernet(hex(ARP_BROADCAST_HEADER), 0, 13)).toEqual({ ok: false, error: 'Ethernet frame truncated: 13 bytes, the header needs 14' });
  });

  it('refuses an 802.3 length field where the EtherType should be', () => {
    const r = parseEthernet(hex('ffffffffffff 020000000002 002e'), 0, 14);
    expect(r.ok ? '' : r.error).toMatch(/length field 46/);
  });

  it('never throws on arbitrary bytes, offsets and lengths', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.integer({ min: -2, max: 42 }), fc.integer({ min: -2, max: 42 }), (b, off, len) => {
        parseEthernet(new DataView(b.buffer), off, len);
      }),
    );
  });
});

describe('emitEthernet', () => {
  it('writes the fixture header byte for byte', () => {
    const v = new DataView(new ArrayBuffer(14));
    emitEthernet({ dst: MAC_BROADCAST, src: 0x020000000002 as Mac }, ETHERTYPE_ARP, v, 0);
    expect(new Uint8Array(v.buffer)).toEqual(new Uint8Array(hex(ARP_BROADCAST_HEADER).buffer));
  });

  it('round-trips through parseEthernet for any addresses and EtherType', () => {
    fc.assert(
      fc.property(fc.record({ src: mac, dst: mac }), fc.integer({ min: 0x0600, max: 0xffff }), (eth: EthernetRepr, ethertype) => {
        const v = new DataView(new ArrayBuffer(ETHERNET_HEADER_LEN + 3));
        emitEthernet(eth, ethertype, v, 3);
        expect(parseEthernet(v, 3, ETHERNET_HEADER_LEN)).toEqual({ ok: true, value: { eth, ethertype } });
      }),
    );
  });
});

describe('readMac and writeMac', () => {
  it('keep all 48 bits of an address', () => {
    fc.assert(
      fc.property(mac, (m) => {
        const v = new DataView(new ArrayBuffer(6));
        writeMac(v, 0, m);
        expect(readMac(v, 0)).toBe(m);
      }),
    );
  });
});
