/**
 * Ethernet II headers (IEEE 802.3 with an EtherType): destination, source, type; no FCS,
 * as captures show them. Frames shorter than 60 bytes are padded with zeros on the wire.
 */
import { err, ok, type Result } from '../addr/result';
import type { Mac } from '../addr/mac';
import type { EthernetRepr } from './repr';
import { rangeError } from './checksum';

export const ETHERNET_HEADER_LEN = 14;
/** The 64-byte minimum frame less its 4-byte FCS, which captures leave out. */
export const ETHERNET_MIN_FRAME_LEN = 60;

export interface EthernetHeader {
  readonly eth: EthernetRepr;
  readonly ethertype: number;
}

export function readMac(view: DataView, offset: number): Mac {
  return (view.getUint16(offset) * 0x1_0000_0000 + view.getUint32(offset + 2)) as Mac;
}

export function writeMac(view: DataView, offset: number, mac: Mac): void {
  view.setUint16(offset, Math.floor(mac / 0x1_0000_0000));
  view.setUint32(offset + 2, mac % 0x1_0000_0000);
}

export function emitEthernet(repr: EthernetRepr, ethertype: number, view: DataView, offset: number): void {
  writeMac(view, offset, repr.dst);
  writeMac(view, offset + 6, repr.src);
  view.setUint16(offset + 12, ethertype);
}

export function parseEthernet(view: DataView, offset: number, len: number): Result<EthernetHeader> {
  const bad = rangeError(view, offset, len, 'Ethernet frame');
  if (bad) return err(bad);
  if (len < ETHERNET_HEADER_LEN) return err(`Ethernet frame truncated: ${len} bytes, the header needs ${ETHERNET_HEADER_LEN}`);
  const ethertype = view.getUint16(offset + 12);
  if (ethertype < 0x0600) return err(`Ethernet frame has a length field ${ethertype} instead of an EtherType (802.3/LLC is not supported)`);
  return ok({ eth: { dst: readMac(view, offset), src: readMac(view, offset + 6) }, ethertype });
}
