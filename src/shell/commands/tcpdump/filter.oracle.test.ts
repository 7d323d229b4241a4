/**
 * Capture filters against libpcap 1.10 itself: for each filter of fixtures/oracle/filters.txt and
 * each capture that fixtures/oracle/tcpdump-filters.sh read with Debian's `tcpdump -n -r CD.pcap
 * FILTER`, our parser and matcher keep exactly the frames tcpdump printed (ARP, TCP, ICMP errors,
 * IP-in-IP, unicast and broadcast MACs).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPcap } from '../../test/read-pcap';
import { FIXTURES } from '../../test/oracle-lab';
import { matches } from './filter-match';
import { parseFilter } from './filter-parse';
import { formatFrame } from './format-frame';
import { printOptions } from './format-options';

const FILTERS = join(FIXTURES, 'filters');

/** "## FILTER" headings and the lines under each. */
function sections(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of text.split(/^## /m).slice(1)) {
    const nl = part.indexOf('\n');
    out.set(part.slice(0, nl), part.slice(nl + 1));
  }
  return out;
}

describe('parseFilter and matches against libpcap', () => {
  const files = readdirSync(FILTERS);
  it('has the captures and the 29 filters', () => {
    expect(files.length).toBe(6);
    for (const f of files) expect(sections(readFileSync(join(FILTERS, f), 'utf8')).size).toBe(29);
  });
  for (const file of files) {
    const [lab, cd] = file.split('.');
    const frames = readPcap(join(FIXTURES, 'results', lab as string, `${cd}.pcap`));
    for (const [filter, expected] of sections(readFileSync(join(FILTERS, file), 'utf8'))) {
      it(`keeps the frames of ${lab}/${cd} that tcpdump '${filter}' printed`, () => {
        const parsed = parseFilter(filter);
        if (!parsed.ok) throw new Error(parsed.message);
        // One printer over the whole capture, as tcpdump -r: relative sequence numbers depend on what was printed before.
        const o = printOptions();
        const ours = frames.filter((f) => matches(parsed.filter, f.bytes)).map((f) => `${formatFrame(f.bytes, f.micros, o)}\n`).join('');
        expect(ours).toBe(expected);
      });
    }
  }
});

describe('parseFilter', () => {
  it("refuses a transport protocol in front of host, in libpcap's words", () => {
    expect(parseFilter('tcp host 10.0.0.1')).toEqual({ ok: false, message: "'tcp' modifier applied to host" });
  });
  it('refuses a MAC outside ether', () => {
    expect(parseFilter('host 02:00:00:00:00:01')).toEqual({ ok: false, message: 'ethernet address used in non-ether expression' });
  });
  it('names a libpcap keyword the simulator does not filter on', () => {
    expect(parseFilter('vlan 10')).toEqual({ ok: false, message: "lvs-flow: tcpdump: the filter keyword 'vlan' is not simulated" });
  });
  it('takes an empty filter as every frame', () => {
    expect(parseFilter('')).toEqual({ ok: true, filter: undefined });
  });
});
