/**
 * The oracle lab ipvsadm-errors, replayed on the same topology: every line prints what
 * ipvsadm 1.31 on kernel 6.1 printed, byte for byte, and exits with its status (help,
 * version, each refusal of the tool and of the kernel, --set, and -R / ipvsadm-restore fed
 * by a file, a pipe and a here-string).
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../engine';
import transcript from '../../fixtures/oracle/results/ipvsadm-errors/transcript.txt?raw';
import tsv from '../../fixtures/oracle/results/ipvsadm-errors/session.tsv?raw';
import { normalizeTranscript } from '../../test/normalize';
import { replayOracle } from '../../test/oracle-replay';
import lab from './fixtures/ipvsadm-lab.json';

const lines = replayOracle(lab as unknown as Scenario, { transcript, tsv });

describe('oracle lab ipvsadm-errors', () => {
  it('replays every line of the session', () => {
    expect(lines.length).toBe(96);
  });

  it.each(lines.map((l, i) => [i + 1, l.command, l] as const))('line %i: %s', (_, _c, l) => {
    // The oracle runs each line with `bash -c`, which names itself so in its own errors.
    const theirs = l.theirs.replace(/^\/usr\/bin\/bash: line 1: /m, 'bash: ');
    expect(normalizeTranscript(l.ours)).toBe(normalizeTranscript(theirs));
    expect(l.ourStatus).toBe(l.theirStatus);
  });
});
