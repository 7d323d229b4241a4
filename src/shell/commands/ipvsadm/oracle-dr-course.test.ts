/**
 * The ipvsadm lines of the oracle's dr-course lab (the course's LVS-DR, which the dr-lab
 * preset is), replayed at the oracle's pace: the table, the saved rules, and once `curl`
 * exists the counters after four requests and the director's FIN_WAIT entries.
 */
import { describe, expect, it } from 'vitest';
import { getPreset, type Scenario } from '../../../engine';
import transcript from '../../fixtures/oracle/results/dr-course/transcript.txt?raw';
import tsv from '../../fixtures/oracle/results/dr-course/session.tsv?raw';
import { normalizeTranscript } from '../../test/normalize';
import { replayOracle } from '../../test/oracle-replay';
import { COMMANDS } from '../index';

/** dr-lab without its own client: the lab's requests come from the session's curl lines. */
function drCourse(): Scenario {
  const s = structuredClone(getPreset('dr-lab') as Scenario);
  for (const h of s.hosts) {
    const apps = h.apps?.filter((a) => a.kind !== 'http-client');
    if (apps?.length) h.apps = apps;
    else delete h.apps;
  }
  return s;
}

const lines = replayOracle(drCourse(), { transcript, tsv }, (c) => (c.startsWith('curl') ? 'end' : 'start'))
  .filter((l) => l.command.startsWith('ipvsadm'));
/** Lines whose output depends on the requests made. */
const afterTraffic = (cmd: string): boolean => /--stats|-Lnc/.test(cmd);

describe('oracle lab dr-course: ipvsadm', () => {
  it('has the four ipvsadm lines of the session', () => {
    expect(lines.map((l) => l.command)).toEqual(['ipvsadm -Ln', 'ipvsadm -Ln --stats', 'ipvsadm-save -n', 'ipvsadm -Lnc']);
  });

  const check = (l: (typeof lines)[number]): void => {
    expect(normalizeTranscript(l.ours)).toBe(normalizeTranscript(l.theirs));
    expect(l.ourStatus).toBe(l.theirStatus);
  };
  it.each(lines.filter((l) => !afterTraffic(l.command)).map((l) => [l.command, l] as const))('%s', (_, l) => check(l));
  describe.skipIf(!COMMANDS.has('curl'))('after the four curls', () => {
    it.each(lines.filter((l) => afterTraffic(l.command)).map((l) => [l.command, l] as const))('%s', (_, l) => check(l));
  });
});
