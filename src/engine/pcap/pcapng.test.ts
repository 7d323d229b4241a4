import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildPcapng } from './pcapng';

/** One interface "lan0" and one 3-byte packet at t = 1.5 ms, little-endian, block by block. */
const ONE_PACKET_FILE =
  // Section Header Block: type, length 28, byte-order magic, version 1.0, section length -1, length.
  '0a0d0d0a 1c000000 4d3c2b1a 0100 0000 ffffffffffffffff 1c000000' +
  // Interface Description Block: length 40, Ethernet, snaplen 262144,
  // if_name "lan0", if_tsresol 6 (padded), end of options, length.
  '01000000 28000000 0100 0000 00000400 0200 0400 6c616e30 0900 0100 06000000 0000 0000 28000000' +
  // Enhanced Packet Block: length 36, interface 0, timestamp 1500 µs (high, low),
  // captured 3, original 3, data padded to 4, length.
  '06000000 24000000 00000000 00000000 dc050000 03000000 03000000 aabbcc00 24000000';

const bytes = (h: string): Uint8Array => Uint8Array.from((h.replace(/\s/g, '').match(/../g) ?? []).map((b) => parseInt(b, 16)));

/** Walks the blocks as a reader would: each length a multiple of 4, repeated at the block's end. */
function blocks(file: Uint8Array): Array<{ type: number; body: DataView }> {
  const v = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const out: Array<{ type: number; body: DataView }> = [];
  for (let at = 0; at < file.length; ) {
    const len = v.getUint32(at + 4, true);
    expect(len % 4).toBe(0);
    expect(v.getUint32(at + len - 4, true)).toBe(len);
    out.push({ type: v.getUint32(at, true), body: new DataView(file.buffer, file.byteOffset + at, len) });
    at += len;
  }
  return out;
}

describe('buildPcapng', () => {
  it('writes a section header, an interface and a packet block byte for byte', () => {
    expect(buildPcapng(['lan0'], [{ iface: 0, tMs: 1.5, bytes: Uint8Array.of(0xaa, 0xbb, 0xcc) }])).toEqual(bytes(ONE_PACKET_FILE));
  });

  it('writes one interface block per interface and points each packet at its own', () => {
    const file = buildPcapng(['lan0', 'tun-net'], [
      { iface: 1, tMs: 0, bytes: new Uint8Array(60) },
      { iface: 0, tMs: 2, bytes: new Uint8Array(61) },
    ]);
    const b = blocks(file);
    expect(b.map((x) => x.type)).toEqual([0x0a0d0d0a, 1, 1, 6, 6]);
    expect(b[2]?.body.getUint16(16, true)).toBe(2); // if_name
    expect(b[2]?.body.getUint16(18, true)).toBe(7);
    expect(String.fromCharCode(...new Uint8Array(b[2]!.body.buffer, b[2]!.body.byteOffset + 20, 7))).toBe('tun-net');
    expect(b[3]?.body.getUint32(8, true)).toBe(1);
    expect(b[4]?.body.getUint32(8, true)).toBe(0);
    expect(b[4]?.body.getUint32(20, true)).toBe(61);
  });

  it('splits timestamps past 2^32 microseconds into high and low words', () => {
    const [, , epb] = blocks(buildPcapng(['x'], [{ iface: 0, tMs: 5_000_000.001, bytes: new Uint8Array(1) }]));
    const us = epb!.body.getUint32(12, true) * 2 ** 32 + epb!.body.getUint32(16, true);
    expect(us).toBe(5_000_000_001);
  });

  it('refuses a packet on an interface that was not declared', () => {
    expect(() => buildPcapng(['lan0'], [{ iface: 1, tMs: 0, bytes: new Uint8Array(1) }])).toThrow(RangeError);
  });

  it('keeps every block aligned whatever the names and packet sizes', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 3 }), fc.array(fc.uint8Array({ maxLength: 70 }), { maxLength: 5 }), (names, frames) => {
        const file = buildPcapng(names, frames.map((bytes, i) => ({ iface: i % names.length, tMs: i, bytes })));
        expect(blocks(file)).toHaveLength(1 + names.length + frames.length);
      }),
    );
  });
});
