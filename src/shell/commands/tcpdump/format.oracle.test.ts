/**
 * Every frame the real kernel put on the oracle labs' wires, printed by our formatter and by
 * Debian 12's tcpdump 4.99.3 (`tcpdump -n -r` and `tcpdump -n -e -r`, TZ=UTC; texts made by
 * fixtures/oracle/tcpdump-texts.sh): the same lines, byte for byte, timestamps included.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPcap } from '../../test/read-pcap';
import { formatFrame } from './format-frame';
import { printOptions } from './format-options';

const RESULTS = join(__dirname, '../../fixtures/oracle/results');

const pcaps = readdirSync(RESULTS).flatMap((lab) =>
  readdirSync(join(RESULTS, lab)).filter((f) => f.endsWith('.pcap')).map((f) => join(lab, f.slice(0, -'.pcap'.length))));

function printed(base: string, link: boolean): string {
  const o = printOptions({ link });
  return readPcap(join(RESULTS, `${base}.pcap`)).map((r) => `${formatFrame(r.bytes, r.micros, o)}\n`).join('');
}

describe('formatFrame on the oracle captures', () => {
  it('finds all 66 captures', () => {
    expect(pcaps.length).toBe(66);
  });
  for (const base of pcaps) {
    it(`prints ${base}.pcap as tcpdump -n does`, () => {
      expect(printed(base, false)).toBe(readFileSync(join(RESULTS, `${base}.tcpdump.txt`), 'utf8'));
    });
    it(`prints ${base}.pcap as tcpdump -n -e does`, () => {
      expect(printed(base, true)).toBe(readFileSync(join(RESULTS, `${base}.tcpdump-e.txt`), 'utf8'));
    });
  }
});
