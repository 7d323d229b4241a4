/**
 * Replays an oracle lab's session on our shell, line by line, beside what the real kernel
 * printed: the lab's session.txt, and from its results transcript.txt (the output of each
 * line) and session.tsv (start time, end time, exit status, host, command).
 * With `pace`, each line runs no earlier (in simulated time since the first line) than it
 * started or ended on the oracle (real time since its first line), so timers (-Lnc,
 * persistence) see the pace the oracle had: under emulation a real `curl` takes seconds and
 * its connection closes near its end, a real `ipvsadm` acts near its start.
 */
import type { Scenario } from '../../engine';
import { ConsoleSession } from '../session';

export interface ReplayedLine {
  readonly host: string;
  readonly command: string;
  readonly ours: string;
  readonly theirs: string;
  readonly ourStatus: number;
  readonly theirStatus: number;
}

/** Which of a line's real times it runs at. */
export type Pace = (command: string) => 'start' | 'end';

interface TsvRow {
  readonly start: number;
  readonly end: number;
  readonly status: number;
  readonly host: string;
  readonly command: string;
}

function readTsv(tsv: string): TsvRow[] {
  return tsv.split('\n').filter((l) => l !== '').map((l) => {
    const [start, end, status, host, ...rest] = l.split('\t');
    return { start: Number(start), end: Number(end), status: Number(status), host: host ?? '', command: rest.join('\t') };
  });
}

/** transcript.txt cut at each prompt: the output of each session line, in order. */
function splitTranscript(text: string): Array<{ prompt: string; output: string }> {
  const out: Array<{ prompt: string; output: string }> = [];
  for (const line of text.split(/(?<=\n)/)) {
    if (/^root@[^:]+:~# /.test(line)) out.push({ prompt: line, output: '' });
    else if (out.length > 0) (out[out.length - 1] as { output: string }).output += line;
  }
  return out;
}

export function replayOracle(scenario: Scenario, results: { transcript: string; tsv: string }, pace?: Pace): ReplayedLine[] {
  const rows = readTsv(results.tsv);
  const outputs = splitTranscript(results.transcript);
  const session = ConsoleSession.fromScenario(scenario);
  const live = session.live;
  const t0 = live.now;
  const s0 = rows[0]?.start ?? 0;
  const lines: ReplayedLine[] = [];
  let k = 0;
  for (const row of rows) {
    if (row.host === '-') continue; // a bare sleep: its time is in the next line's start
    if (pace) {
      const at = pace(row.command) === 'end' ? row.end : row.start;
      const due = t0 + Math.round((at - s0) * 1000);
      if (live.now < due) live.advance(due - live.now);
    }
    const r = session.type(row.host, row.command);
    const theirs = outputs[k++];
    lines.push({
      host: row.host, command: row.command, ours: r.transcript, theirs: (theirs?.prompt ?? '') + (theirs?.output ?? ''),
      ourStatus: r.exitCode, theirStatus: row.status,
    });
  }
  return lines;
}
