/**
 * The oracle lab ipvsadm-live, replayed at the oracle's pace: ipvsadm while connections
 * exist (-a, -d, -E, -C, -Z, -p). Compared: every line's text, with -Lnc timers and client
 * ports masked (they differ between two real runs) and the figures of --stats, --rate and the
 * connection counters masked too: the emulated VM took seconds per line and its TCP sent a
 * packet more on some requests, so those depend on its pace (the engine's own tests check
 * the counters: src/engine/live/ipvs-config.test.ts). It needs `curl`, which the traffic
 * family brings; until then it is skipped.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../engine';
import transcript from '../../fixtures/oracle/results/ipvsadm-live/transcript.txt?raw';
import tsv from '../../fixtures/oracle/results/ipvsadm-live/session.tsv?raw';
import { normalizeTranscript } from '../../test/normalize';
import { replayOracle } from '../../test/oracle-replay';
import { COMMANDS } from '../index';
import lab from './fixtures/ipvsadm-lab.json';

/** Figures that follow the pace: counters and rates, and the Weight/Active/InAct columns' numbers. */
function maskFigures(text: string): string {
  return text.split('\n').map((l) => {
    const m = /^(TCP {2}\S+| {2}-> \S+)( +)(\d[\d ]*[KMGT]?(?: +\d+[KMGT]?)*) *$/.exec(l);
    if (m && /\d+ +\d+ +\d+/.test(m[3] ?? '')) return `${m[1]} <figures>`;
    return l.replace(/^( {2}-> \S+ +Route +\d+ +)\d+( +)\d+/, '$1n$2n');
  }).join('\n');
}

describe.skipIf(!COMMANDS.has('curl'))('oracle lab ipvsadm-live', () => {
  const lines = replayOracle(lab as unknown as Scenario, { transcript, tsv }, (c) => (c.startsWith('curl') ? 'end' : 'start'));

  it.each(lines.map((l, i) => [i + 1, l.command, l] as const))('line %i: %s', (_, _c, l) => {
    expect(maskFigures(normalizeTranscript(l.ours))).toBe(maskFigures(normalizeTranscript(l.theirs)));
    expect(l.ourStatus).toBe(l.theirStatus);
  });
});
