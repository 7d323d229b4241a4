/**
 * tcpdump without -n, with -q -e, and -v on ARP, against the oracle's `tcpdump-names` lab (Debian
 * 12): each capture typed there as `tcpdump ARGS & sleep 3; TRAFFIC; …`, here as `tcpdump ARGS &`
 * and then the same traffic, compared on tcpdump's own lines with what differs between two real
 * runs masked (times, the client's port, initial sequence numbers, TCP timestamps, ping ids).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConsoleSession } from '../../session';
import { FIXTURES, labFiles } from '../../test/oracle-lab';

const transcript = readFileSync(join(FIXTURES, 'results', 'tcpdump-names', 'transcript.txt'), 'utf8');
const blocks = transcript.split(/(?=^root@)/m);

function session(): ConsoleSession {
  const r = ConsoleSession.fromLab(labFiles('tcpdump-names'), { name: 'tcpdump-names' });
  if (!r.ok) throw new Error(r.error);
  // As on the lab's first line: the neighbour is known before the captures.
  r.session.type('A', 'ping -c 1 10.0.0.2');
  return r.session;
}

/** tcpdump's header, frame lines and counts, masked. */
function tcpdumpLines(text: string): string[] {
  return text.split('\n')
    .filter((l) => /^(tcpdump: |listening on |\d\d:\d\d:\d\d\.\d{6} |\d+ packets? (captured|received by filter|dropped by kernel)$)/.test(l))
    .map((l) => l
      .replace(/^\d\d:\d\d:\d\d\.\d{6} /, 'TIME ')
      .replace(/(10\.0\.0\.1)\.\d{5}\b/g, '$1.PORT')
      .replace(/TS val \d+ ecr \d+/g, 'TS val N ecr N')
      .replace(/(Flags \[S\.?\], seq )\d+/, '$1ISN')
      .replace(/(Flags \[S\.\], seq ISN, ack )\d+/, '$1ISN+1')
      .replace(/, id \d+, seq/, ', id N, seq'));
}

const CASES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['-q -e -n -i eth0 -c 2', ['ping -c 1 10.0.0.2']],
  ['-v -n -i eth0 -c 2 arp', ['ip neigh flush dev eth0', 'ping -c 1 10.0.0.2']],
  ['-i lo -c 2', ['ping -c 1 127.0.0.1']],
  ['-i eth0 -c 4', ['curl -s http://10.0.0.2/']],
];

describe('tcpdump against the lab VM: names, -q -e, -v', () => {
  for (const [args, traffic] of CASES) {
    it(`prints "tcpdump ${args}" around ${traffic.join('; ')} as the lab VM did`, () => {
      const kernel = blocks.find((b) => b.startsWith(`root@A:~# tcpdump ${args} & sleep 3; ${traffic.join('; ')};`)) ?? 'missing';
      const s = session();
      let ours = s.type('A', `tcpdump ${args} &`).transcript;
      for (const t of traffic) ours += s.type('A', t).transcript;
      const expected = tcpdumpLines(kernel);
      // With -c the kernel may count more packets past the filter than tcpdump took (10 for 4 here): ours counts those it printed.
      const received = /^\d+ packets? received by filter$/;
      expect(tcpdumpLines(ours).filter((l) => !received.test(l))).toEqual(expected.filter((l) => !received.test(l)));
      expect(expected.length).toBeGreaterThanOrEqual(6);
    });
  }
});
