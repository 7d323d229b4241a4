/**
 * ARP for IPv4 over Ethernet (RFC 826): hardware type 1, protocol 0x0800, address lengths
 * 6 and 4, opcode 1 (request) or 2 (reply). Other hardware or protocol types are refused.
 */
import { err, ok, type Result } from '../addr/result';
import { ipv4FromU32 } from '../addr/ipv4';
import { ETHERTYPE_IPV4, type ArpRepr } from './repr';
import { hex16, rangeError } from './checksum';
import { readMac, writeMac } from './ethernet';

export const ARP_LEN = 28;
const HTYPE_ETHERNET = 1;
const OP_REQUEST = 1;
const OP_REPLY = 2;

export function emitArp(repr: ArpRepr, view: DataView, offset: number): void {
  view.setUint16(offset, HTYPE_ETHERNET);
  view.setUint16(offset + 2, ETHERTYPE_IPV4);
  view.setUint8(offset + 4, 6);
  view.setUint8(offset + 5, 4);
  view.setUint16(offset + 6, repr.op === 'request' ? OP_REQUEST : OP_REPLY);
  writeMac(view, offset + 8, repr.senderMac);
  view.setUint32(offset + 14, repr.senderIp);
  writeMac(view, offset + 18, repr.targetMac);
  view.setUint32(offset + 24, repr.targetIp);
}

export function parseArp(view: DataView, offset: number, len: number): Result<ArpRepr> {
  const bad = rangeError(view, offset, len, 'ARP packet');
  if (bad) return err(bad);
  if (len < ARP_LEN) return err(`ARP packet truncated: ${len} bytes, need ${ARP_LEN}`);
  const htype = view.getUint16(offset);
  const ptype = view.getUint16(offset + 2);
  const hlen = view.getUint8(offset + 4);
  const plen = view.getUint8(offset + 5);
  if (htype !== HTYPE_ETHERNET || ptype !== ETHERTYPE_IPV4 || hlen !== 6 || plen !== 4) {
    return err(`ARP packet is not Ethernet/IPv4: hardware type ${htype}, protocol ${hex16(ptype)}, lengths ${hlen}/${plen} (expected 1, 0x0800, 6/4)`);
  }
  const opcode = view.getUint16(offset + 6);
  if (opcode !== OP_REQUEST && opcode !== OP_REPLY) return err(`ARP opcode ${opcode} is neither a request (1) nor a reply (2)`);
  return ok({
    op: opcode === OP_REQUEST ? 'request' : 'reply',
    senderMac: readMac(view, offset + 8),
    senderIp: ipv4FromU32(view.getUint32(offset + 14)),
    targetMac: readMac(view, offset + 18),
    targetIp: ipv4FromU32(view.getUint32(offset + 24)),
  });
}
