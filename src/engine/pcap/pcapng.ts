/**
 * pcapng files (draft-ietf-opsawg-pcapng): a Section Header Block, one Interface Description
 * Block per segment (link type 1, Ethernet; if_name; if_tsresol 6, microseconds) and an
 * Enhanced Packet Block per frame, little-endian, every block padded to 32 bits.
 * Pure: it returns the bytes and the caller decides where they go.
 */

const BT_SHB = 0x0a0d0d0a;
const BT_IDB = 0x00000001;
const BT_EPB = 0x00000006;
const BYTE_ORDER_MAGIC = 0x1a2b3c4d;
const LINKTYPE_ETHERNET = 1;
/** tcpdump's default snaplen; every frame we write is whole. */
const SNAPLEN = 262_144;
const OPT_ENDOFOPT = 0;
const IF_NAME = 2;
const IF_TSRESOL = 9;
/** if_tsresol 6: timestamps count 10^-6 s. */
const TSRESOL_MICROSECONDS = 6;

export interface PcapPacket {
  /** Index into the interfaces list. */
  readonly iface: number;
  /** Simulated time in milliseconds; written as microseconds since the epoch (1970 + t). */
  readonly tMs: number;
  /** The frame from the Ethernet header on, without FCS. */
  readonly bytes: Uint8Array;
}

const pad4 = (n: number): number => (n + 3) & ~3;

/** Block header and trailer words: type, length … length. */
const BLOCK_OVERHEAD = 12;
const SHB_LEN = BLOCK_OVERHEAD + 16;
/** Link type, reserved, snaplen; options if_name (padded), if_tsresol (1 byte, padded), end. */
const idbLen = (name: Uint8Array): number => BLOCK_OVERHEAD + 8 + (4 + pad4(name.length)) + 8 + 4;
/** Interface id, timestamp high and low, captured and original length; data padded; no options. */
const epbLen = (bytes: Uint8Array): number => BLOCK_OVERHEAD + 20 + pad4(bytes.length);

/**
 * @example
 * const file = buildPcapng(['lan0'], [{ iface: 0, tMs: 1.5, bytes: encodeFrame(frame) }]);
 * // fs.writeFileSync('out.pcapng', file) in the CLI; tshark -r out.pcapng reads it.
 */
export function buildPcapng(interfaces: readonly string[], packets: readonly PcapPacket[]): Uint8Array {
  const names = interfaces.map((name) => new TextEncoder().encode(name));
  const total = SHB_LEN + names.reduce((n, name) => n + idbLen(name), 0) + packets.reduce((n, p) => n + epbLen(p.bytes), 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let at = 0;

  const u16 = (v: number): void => {
    view.setUint16(at, v, true);
    at += 2;
  };
  const u32 = (v: number): void => {
    view.setUint32(at, v, true);
    at += 4;
  };
  /** Bytes then zeros up to the next 32-bit boundary (the array starts zeroed). */
  const bytes = (b: Uint8Array): void => {
    out.set(b, at);
    at += pad4(b.length);
  };
  const option = (code: number, value: Uint8Array): void => {
    u16(code);
    u16(value.length);
    bytes(value);
  };

  u32(BT_SHB);
  u32(SHB_LEN);
  u32(BYTE_ORDER_MAGIC);
  u16(1);
  u16(0);
  // Section length -1: not given, readers walk the blocks.
  u32(0xffffffff);
  u32(0xffffffff);
  u32(SHB_LEN);

  for (const name of names) {
    const len = idbLen(name);
    u32(BT_IDB);
    u32(len);
    u16(LINKTYPE_ETHERNET);
    u16(0);
    u32(SNAPLEN);
    option(IF_NAME, name);
    option(IF_TSRESOL, Uint8Array.of(TSRESOL_MICROSECONDS));
    option(OPT_ENDOFOPT, new Uint8Array(0));
    u32(len);
  }

  packets.forEach((p, i) => {
    if (!Number.isInteger(p.iface) || p.iface < 0 || p.iface >= interfaces.length) {
      throw new RangeError(`packet ${i} names interface ${p.iface}, but there are ${interfaces.length}`);
    }
    const len = epbLen(p.bytes);
    const us = Math.max(0, Math.round(p.tMs * 1000));
    u32(BT_EPB);
    u32(len);
    u32(p.iface);
    u32(Math.floor(us / 0x1_0000_0000));
    u32(us % 0x1_0000_0000);
    u32(p.bytes.length);
    u32(p.bytes.length);
    bytes(p.bytes);
    u32(len);
  });
  return out;
}
