/**
 * tcpdump on the console against the oracle's `tcpdump` lab (Debian 12, tcpdump 4.99.3): every
 * error of the lab's session, with its exit status, byte for byte; and a capture's header, lines
 * and counts as the VM's console showed them around a ping (times, ping ids masked).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConsoleSession } from '../../session';
import { FIXTURES, labFiles } from '../../test/oracle-lab';

const RESULTS = join(FIXTURES, 'results', 'tcpdump');
const transcript = readFileSync(join(RESULTS, 'transcript.txt'), 'utf8');
const statuses = new Map(readFileSync(join(RESULTS, 'session.tsv'), 'utf8').trim().split('\n').map((row) => {
  const [, , status, , command] = row.split('\t');
  return [command as string, Number(status)] as const;
}));

/** The kernel's blocks: the command typed on A and everything up to the next prompt. */
const blocks = transcript.split(/(?=^root@)/m).map((b) => {
  const [prompt = '', ...rest] = b.split('\n');
  return { command: prompt.replace(/^root@\w+:~# /, ''), output: rest.join('\n') };
});

function session(): ConsoleSession {
  const r = ConsoleSession.fromLab(labFiles('tcpdump'), { name: 'tcpdump' });
  if (!r.ok) throw new Error(r.error);
  return r.session;
}

describe('tcpdump against the lab VM', () => {
  const direct = blocks.filter((b) => b.command.startsWith('tcpdump') && !b.command.includes('&'));

  it('finds the lab\'s 21 tcpdump lines that end on their own', () => {
    expect(direct.length).toBe(21);
  });

  for (const b of direct) {
    it(`prints what "${b.command}" printed, with its exit status`, () => {
      const s = session();
      const r = s.type('A', b.command);
      expect(r.transcript).toBe(`root@A:~# ${b.command}\n${b.output}`);
      // "port http" listened until the lab killed it (137); ours keeps listening as a job.
      if (statuses.get(b.command) !== 137) expect(r.exitCode).toBe(statuses.get(b.command));
    });
  }

  /** tcpdump's own lines of a block: header, frames, blank line, counts (the ping and bash lines dropped). */
  const tcpdumpLines = (text: string): string[] => text.split('\n')
    .filter((l) => /^(tcpdump: |listening on |\d\d:\d\d:\d\d\.\d{6} |\d+ packets? (captured|received by filter|dropped by kernel)$|$)/.test(l))
    .map((l) => l.replace(/^\d\d:\d\d:\d\d\.\d{6} /, 'TIME ').replace(/, id \d+, seq/, ', id N, seq'));

  it('prints the header, a ping\'s four frames after its ARP exchange, and on Ctrl+C a blank line and the counts', () => {
    const kernel = blocks.find((b) => b.command.startsWith('tcpdump -n -i eth0 & sleep 3; ping -c 2'));
    const s = session();
    let ours = s.type('A', 'tcpdump -n -i eth0 &').transcript;
    ours += s.type('A', 'ping -c 2 10.0.0.2').transcript;
    ours += s.type('A', '^C').transcript;
    expect(tcpdumpLines(ours).filter((l) => l !== '')).toEqual(tcpdumpLines(kernel?.output ?? '').filter((l) => l !== ''));
    expect(ours).toContain('^C\n6 packets captured\n6 packets received by filter\n0 packets dropped by kernel\n');
  });

  it('stops after -c N with the counts and no blank line, in the singular for one packet', () => {
    const s = session();
    s.type('A', 'ping -c 1 10.0.0.2');
    const r = s.type('B', "tcpdump -n -c 1 'icmp and src host 10.0.0.1' &");
    // B's lines come as A's ping makes the frames, before the ping's own output.
    const during = s.type('A', 'ping -c 1 10.0.0.2').transcript;
    expect(r.exitCode).toBe(0);
    expect(during.split('\n').slice(1, 5).map((l) => l.replace(/^\d\d:\d\d:\d\d\.\d{6} /, 'TIME ').replace(/id \d+/, 'id N'))).toEqual([
      'TIME IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id N, seq 1, length 64',
      '1 packet captured',
      '1 packet received by filter',
      '0 packets dropped by kernel',
    ]);
    expect(s.shell.jobsOf('B')).toEqual([]);
  });
});
