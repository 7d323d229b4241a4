/** A minimal pcap (libpcap savefile) reader for tests: each record's bytes and its time in microseconds. */
import { readFileSync } from 'node:fs';

export interface PcapRecord {
  readonly micros: number;
  readonly bytes: Uint8Array;
}

export function readPcap(path: string): PcapRecord[] {
  const buf = readFileSync(path);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const magic = view.getUint32(0, true);
  const little = magic === 0xa1b2c3d4 || magic === 0xa1b23c4d;
  const nanos = (little ? magic : view.getUint32(0, false)) === 0xa1b23c4d;
  const records: PcapRecord[] = [];
  for (let at = 24; at + 16 <= buf.byteLength;) {
    const sec = view.getUint32(at, little);
    const frac = view.getUint32(at + 4, little);
    const incl = view.getUint32(at + 8, little);
    records.push({ micros: sec * 1e6 + (nanos ? Math.floor(frac / 1000) : frac), bytes: new Uint8Array(buf.buffer, buf.byteOffset + at + 16, incl) });
    at += 16 + incl;
  }
  return records;
}
