/**
 * The presets' lab exports as they ran on the real kernel (fixtures/oracle/exports/<preset>/:
 * `lab/` the lab folder, `result/` what the lab VM recorded), and the same labs run by the
 * engine: through the console from the lab folder, and as the preset itself. Each run is read
 * as one outcome per curl: who served it (the first word of the page) and curl's exit status.
 * Test code: reads the fixtures with Node's fs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simulate, type Scenario } from '../../engine';
import { ConsoleSession, parseScript } from '../session';
import { FIXTURES, filesUnder } from './oracle-lab';
import { normalizeTranscript } from './normalize';

export const EXPORTS = join(FIXTURES, 'exports');

/** The presets whose export ran on the kernel. */
export function exportedPresets(): string[] {
  return existsSync(EXPORTS) ? readdirSync(EXPORTS).filter((d) => existsSync(join(EXPORTS, d, 'result', 'transcript.txt'))).sort() : [];
}

export function exportLabFiles(preset: string): Map<string, string> {
  return filesUnder(join(EXPORTS, preset, 'lab'));
}

export function exportResult(preset: string, file: string): string {
  return readFileSync(join(EXPORTS, preset, 'result', file), 'utf8');
}

/** What one curl did: the host that served it (null when nothing came back) and curl's exit status. */
export interface CurlOutcome {
  readonly servedBy: string | null;
  readonly exit: number;
}

/** The host a page names: "RS1 10.10.10.12" (the lab's page) or "<h1>RS1 10.10.10.100</h1>" (the engine's default page). */
function pageHost(body: string): string | null {
  const m = /^(?:<h1>)?([A-Za-z][A-Za-z0-9_-]*) \d/.exec(body.trim());
  return m ? (m[1] as string) : null;
}

/** One block per typed line: the command and what it printed. */
function blocksOf(transcript: string): Array<{ command: string; output: string }> {
  return transcript.split(/^(?=root@[^:]+:~# )/m).filter((b) => b !== '').map((b) => {
    const nl = b.indexOf('\n');
    return { command: b.slice(0, nl).replace(/^root@[^:]+:~# /, ''), output: b.slice(nl + 1) };
  });
}

/** The kernel's curls: pages from transcript.txt, exit statuses from session.tsv (third column). */
export function kernelCurls(preset: string): CurlOutcome[] {
  const statuses = exportResult(preset, 'session.tsv').trim().split('\n').map((row) => row.split('\t'));
  return blocksOf(exportResult(preset, 'transcript.txt')).flatMap((b, i) => {
    if (!b.command.startsWith('curl')) return [];
    const exit = Number(statuses[i]?.[2]);
    return [{ servedBy: exit === 0 ? pageHost(b.output) : null, exit }];
  });
}

/** The engine's console on the same lab folder: its startup files, then session.txt line by line. */
export function consoleRun(preset: string): { curls: CurlOutcome[]; transcript: string; notes: string[] } {
  const files = exportLabFiles(preset);
  const r = ConsoleSession.fromLab(files, { name: preset });
  if (!r.ok) throw new Error(r.error);
  const script = parseScript(files.get('session.txt') ?? '', r.session.hostIds());
  if (!script.ok) throw new Error(script.error);
  const curls: CurlOutcome[] = [];
  let transcript = '';
  for (const l of script.lines) {
    if (l.host === undefined) {
      transcript += r.session.runScript([l]);
      continue;
    }
    const typed = r.session.type(l.host, l.command);
    transcript += typed.transcript;
    if (l.command.startsWith('curl')) curls.push({ servedBy: typed.exitCode === 0 ? pageHost(typed.transcript.split('\n').slice(1).join('\n')) : null, exit: typed.exitCode });
  }
  return { curls, transcript, notes: r.notes };
}

/** The preset's own run: each request's end in the trace (request-done names the page, request-failed why). */
export function presetRequests(scenario: Scenario): Array<{ servedBy: string | null; answer: string }> {
  return simulate(scenario).trace.events.flatMap((e) => {
    if (e.kind !== 'action' || (e.action !== 'request-done' && e.action !== 'request-failed')) return [];
    const answer = String((e.detail as { answer?: unknown }).answer ?? '');
    return [{ servedBy: e.action === 'request-done' ? pageHost(answer) : null, answer }];
  });
}

/** The transcript's blocks other than the curls, normalised as for the other oracle labs. */
export function tableBlocks(transcript: string): string[] {
  return normalizeTranscript(transcript).split(/\n(?=root@)/).filter((b) => !/^root@[^:]+:~# curl /.test(b));
}
