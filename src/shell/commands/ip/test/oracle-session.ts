/**
 * Replays a captured oracle lab line by line (Kathará import of its folder, then session.txt)
 * and pairs each line's output and exit status with the real kernel's (transcript.txt,
 * session.tsv). Lines whose command this test does not run (ping, modprobe, …) are skipped;
 * the lines they affect are excluded by the test, with the reason.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConsoleSession } from '../../../session';
import { labFiles } from '../../../test/oracle-lab';

export interface ReplayedLine {
  /** 1-based line number in session.txt. */
  readonly line: number;
  readonly host: string;
  readonly command: string;
  readonly expected: { readonly output: string; readonly status: number };
  readonly actual: { readonly output: string; readonly status: number };
}

const RESULTS = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'oracle', 'results');

/** transcript.txt split into each prompt's output, in order. */
function transcriptBlocks(text: string): Array<{ prompt: string; output: string }> {
  const parts = text.split(/^(root@[\w-]+:~# .*)\n/m);
  const blocks: Array<{ prompt: string; output: string }> = [];
  for (let i = 1; i < parts.length; i += 2) blocks.push({ prompt: parts[i] as string, output: parts[i + 1] ?? '' });
  return blocks;
}

/** The lab as Kathará starts it, startup files run. */
export function startLab(lab: string): ConsoleSession {
  const r = ConsoleSession.fromLab(labFiles(lab), { name: lab });
  if (!r.ok) throw new Error(r.error);
  return r.session;
}

export function replayOracleLab(lab: string, runs: (command: string) => boolean, console = startLab(lab)): ReplayedLine[] {
  const session = (labFiles(lab).get('session.txt') ?? '').split('\n');
  const blocks = transcriptBlocks(readFileSync(join(RESULTS, lab, 'transcript.txt'), 'utf8'));
  const statuses = readFileSync(join(RESULTS, lab, 'session.tsv'), 'utf8').split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
  const out: ReplayedLine[] = [];
  let block = 0;
  let tsv = 0;
  session.forEach((raw, i) => {
    const text = raw.trim();
    if (text === '' || text.startsWith('#')) return;
    tsv++;
    const sleep = /^sleep\s+(\d+)$/.exec(text);
    if (sleep) {
      console.live.advance(Number(sleep[1]) * 1000);
      return;
    }
    const m = /^([\w-]+)#\s?(.*)$/.exec(text);
    if (!m) throw new Error(`${lab}/session.txt:${i + 1}: not a HOST# line`);
    const host = m[1] as string;
    const command = (m[2] as string).trim();
    const b = blocks[block++];
    if (b?.prompt !== `root@${host}:~# ${command}`) throw new Error(`${lab}: transcript and session disagree at line ${i + 1}`);
    if (!runs(command)) return;
    const r = console.type(host, command);
    out.push({
      line: i + 1, host, command,
      expected: { output: b.output, status: Number(statuses[tsv - 1]?.[2]) },
      actual: { output: r.transcript.slice(`root@${host}:~# ${command}\n`.length), status: r.exitCode },
    });
  });
  return out;
}
