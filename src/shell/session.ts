/**
 * A console session: a scenario plus the lines typed, each on a host at the simulated time the
 * previous one finished. Running the same session again gives the same transcript and trace.
 * The script form is the lab VM's and the CLI's: `HOST# command` lines, `#` comments and
 * blank lines skipped, and a bare `sleep N` letting time pass with no host.
 */
import { LiveWorld, type LiveOptions, type Scenario } from '../engine';
import { COMMANDS } from './commands';
import { startLab, type LabFiles } from './kathara/lab-import';
import { Shell } from './shell';

export interface ScriptLine {
  /** 1-based line number in the script. */
  readonly line: number;
  /** undefined for a bare `sleep N`. */
  readonly host: string | undefined;
  readonly command: string;
}

export type ParseScriptResult = { ok: true; lines: ScriptLine[] } | { ok: false; error: string };

/** Reads `HOST# command` lines; an unknown host or a line of another shape is an error naming its line. */
export function parseScript(text: string, hostIds: readonly string[]): ParseScriptResult {
  const lines: ScriptLine[] = [];
  const known = new Set(hostIds);
  const rows = text.split('\n');
  for (let i = 0; i < rows.length; i++) {
    const raw = (rows[i] as string).replace(/\r$/, '');
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (/^sleep\s+\S+$/.test(trimmed)) {
      lines.push({ line: i + 1, host: undefined, command: trimmed });
      continue;
    }
    const m = /^([A-Za-z][A-Za-z0-9_-]*)#\s?(.*)$/.exec(trimmed);
    if (!m) return { ok: false, error: `script line ${i + 1}: expected "HOST# command", found "${trimmed}"` };
    const host = m[1] as string;
    if (!known.has(host)) return { ok: false, error: `script line ${i + 1}: unknown host "${host}" (hosts: ${hostIds.join(', ')})` };
    lines.push({ line: i + 1, host, command: (m[2] as string).trim() });
  }
  return { ok: true, lines };
}

export class ConsoleSession {
  /** What background jobs (tcpdump) printed on any host since the transcript last took it. */
  private pending = '';

  constructor(readonly live: LiveWorld, readonly shell: Shell) {
    for (const h of live.hostIds()) shell.terminals.listen(h, (text) => {
      this.pending += text;
    });
  }

  /** Background output so far, in the order printed (simulated time), for the transcript. */
  private takePending(): string {
    const p = this.pending;
    this.pending = '';
    return p;
  }

  /** A session on a scenario: it is built and its own traffic played before the first line. */
  static fromScenario(scenario: Scenario, opts: LiveOptions = {}): ConsoleSession {
    const live = new LiveWorld(scenario, opts);
    return new ConsoleSession(live, new Shell(live, COMMANDS));
  }

  /** A session on a Kathará lab, after its startup files ran (traffic in them included). */
  static fromLab(files: LabFiles, opts: { seed?: number; name?: string } = {}): { ok: true; session: ConsoleSession; notes: string[]; script?: string } | { ok: false; error: string } {
    const started = startLab(files, { mode: 'console', ...opts });
    if (!started.ok) return started;
    const { live, shell, notes, session } = started.lab;
    return { ok: true, session: new ConsoleSession(live, shell), notes, ...(session !== undefined ? { script: session } : {}) };
  }

  hostIds(): string[] {
    return this.live.hostIds();
  }

  /**
   * One typed line: the prompt, the command, and what it printed, as the lab VM's transcript has
   * them. What background jobs print while it runs (a tcpdump on another host seeing this line's
   * curl) comes first, in the order printed: the command's own output is only known at its end.
   * `^C` is Ctrl+C: no prompt, the echo and what the interrupted job printed.
   */
  type(host: string, command: string): { transcript: string; exitCode: number } {
    const before = this.takePending();
    if (command === '^C') {
      const r = this.shell.interrupt(host);
      return { transcript: before + r.output, exitCode: r.exitCode };
    }
    const r = this.shell.run(host, command);
    return { transcript: `${before}root@${host}:~# ${command}\n${this.takePending()}${r.output}`, exitCode: r.exitCode };
  }

  /** Runs a parsed script; a bare `sleep N` passes time without a prompt. */
  runScript(lines: readonly ScriptLine[]): string {
    let out = '';
    for (const l of lines) {
      if (l.host === undefined) {
        const seconds = Number(l.command.split(/\s+/)[1]);
        if (Number.isFinite(seconds) && seconds > 0) this.live.advance(seconds * 1000);
        out += this.takePending();
        continue;
      }
      out += this.type(l.host, l.command).transcript;
    }
    return out;
  }
}
