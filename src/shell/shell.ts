/**
 * The shell of every simulated host: runs a command line on a live world as `bash -c` would
 * (pipelines, redirections, `;` `&&` `||`), gives each command its host's files, and returns
 * what a terminal would show. Each line is its own `bash -c`: nothing but files and the
 * world carries over to the next line, as in a Kathará console or the lab VM.
 */
import type { LiveWorld } from '../engine';
import type { CommandContext, CommandFn, CommandTable } from './command';
import { HostFiles, resolvePath } from './fs';
import { parseLine, type Redirect, type SimpleCommand } from './parse';
import { Terminals, type Job } from './terminals';

export interface LineResult {
  /** stdout and stderr as a terminal interleaves them. */
  readonly output: string;
  readonly exitCode: number;
}

type Sink = { kind: 'tty' } | { kind: 'pipe' } | { kind: 'null' } | { kind: 'file'; path: string; append: boolean };

export class Shell {
  private readonly files = new Map<string, HostFiles>();
  private readonly histories = new Map<string, string[]>();
  private readonly jobs: Job[] = [];
  /** Where background jobs print: `shell.terminals.listen(hostId, cb)`. */
  readonly terminals = new Terminals();

  constructor(readonly live: LiveWorld, private readonly commands: CommandTable) {}

  filesOf(hostId: string): HostFiles {
    let f = this.files.get(hostId);
    if (!f) this.files.set(hostId, (f = new HostFiles(this.live, hostId)));
    return f;
  }

  historyOf(hostId: string): readonly string[] {
    return this.histories.get(hostId) ?? [];
  }

  commandNames(): string[] {
    return [...this.commands.keys()].sort();
  }

  /** Runs one line on `hostId` and records it in the trace. */
  run(hostId: string, line: string): LineResult {
    const hist = this.histories.get(hostId) ?? [];
    this.histories.set(hostId, hist);
    if (line.trim() !== '') hist.push(line);
    const result = this.runLine(hostId, line);
    this.live.noteCommand(hostId, line, result.exitCode);
    return result;
  }

  /** The jobs still running on `hostId` (tcpdump), oldest first. */
  jobsOf(hostId: string): Job[] {
    for (let i = this.jobs.length - 1; i >= 0; i--) if (!(this.jobs[i] as Job).running) this.jobs.splice(i, 1);
    return this.jobs.filter((j) => j.hostId === hostId);
  }

  /**
   * Ctrl+C on `hostId`'s terminal: the newest job still running there is interrupted. Returns
   * what the terminal shows: the `^C` echo, then what the job printed as it stopped (tcpdump's
   * blank line and counts), which goes to no listener. Exit status 130, as bash reports it.
   */
  interrupt(hostId: string): LineResult {
    const job = this.jobsOf(hostId).at(-1);
    if (!job) return { output: '^C\n', exitCode: 130 };
    let output = '^C';
    const stop = this.terminals.capture(hostId, (text) => {
      output += text;
    });
    job.interrupt();
    stop();
    return { output, exitCode: 130 };
  }

  private runLine(hostId: string, line: string): LineResult {
    const parsed = parseLine(line);
    if (!parsed.ok) return { output: `${parsed.error}\n`, exitCode: 2 };
    let tty = '';
    let status = 0;
    const { pipelines, joins } = parsed.list;
    for (let i = 0; i < pipelines.length; i++) {
      const join = i === 0 ? ';' : joins[i - 1];
      if ((join === '&&' && status !== 0) || (join === '||' && status === 0)) continue;
      const p = pipelines[i]!;
      let stdin = '';
      for (let k = 0; k < p.commands.length; k++) {
        const last = k === p.commands.length - 1;
        const r = this.runSimple(hostId, p.commands[k]!, stdin, last, p.background);
        tty += r.tty;
        stdin = r.piped;
        status = r.status;
      }
    }
    return { output: tty, exitCode: status };
  }

  /** Opens each redirection left to right, as bash does; a failure is bash's message and status 1. */
  private openRedirects(hostId: string, redirects: readonly Redirect[], last: boolean):
    { ok: true; sinks: [Sink, Sink]; stdin: string | undefined } | { ok: false; message: string } {
    const sinks: [Sink, Sink] = [last ? { kind: 'tty' } : { kind: 'pipe' }, { kind: 'tty' }];
    let stdin: string | undefined;
    const files = this.filesOf(hostId);
    for (const r of redirects) {
      if (r.op === '<' || r.op === '<<<') {
        if (r.op === '<<<') stdin = `${r.target}\n`;
        else {
          const f = files.read(r.target);
          if (!f.ok) return { ok: false, message: `bash: ${r.target}: ${f.error}\n` };
          stdin = f.text;
        }
        continue;
      }
      const fd = r.fd === 2 ? 1 : 0;
      if (r.op === '>&') {
        sinks[fd] = sinks[r.target === '2' ? 1 : 0];
        continue;
      }
      if (r.target === '/dev/null') {
        sinks[fd] = { kind: 'null' };
        continue;
      }
      // bash creates (or truncates) the file before the command runs; /proc files must exist.
      if (resolvePath(r.target).startsWith('/proc/')) {
        if (!files.exists(r.target)) return { ok: false, message: `bash: ${r.target}: No such file or directory\n` };
      } else {
        const opened = files.write(r.target, '', true);
        if (!opened.ok) return { ok: false, message: `bash: ${r.target}: ${opened.error}\n` };
        if (r.op === '>') files.write(r.target, '', false);
      }
      sinks[fd] = { kind: 'file', path: r.target, append: r.op === '>>' };
    }
    return { ok: true, sinks, stdin };
  }

  private runSimple(hostId: string, cmd: SimpleCommand, stdinIn: string, last: boolean, background: boolean): { tty: string; piped: string; status: number } {
    const opened = this.openRedirects(hostId, cmd.redirects, last);
    if (!opened.ok) return { tty: opened.message, piped: '', status: 1 };
    const name = cmd.argv[0];
    if (name === undefined) return { tty: '', piped: '', status: 0 };
    const fn: CommandFn | undefined = this.commands.get(name);
    let tty = '';
    let piped = '';
    const files = this.filesOf(hostId);
    let writeError = '';
    const emit = (sink: Sink, text: string, cmdName: string): void => {
      if (text === '') return;
      switch (sink.kind) {
        case 'tty':
          tty += text;
          break;
        case 'pipe':
          piped += text;
          break;
        case 'null':
          break;
        case 'file': {
          const w = files.write(sink.path, text, sink.append);
          // /proc/sys files take one write; what follows appends (a second write would fail the same way).
          sink.append = true;
          if (!w.ok && writeError === '') writeError = `bash: ${cmdName}: ${w.error}\n`;
          break;
        }
      }
    };
    if (!fn) {
      emit(opened.sinks[1], `bash: ${name}: command not found\n`, name);
      return { tty, piped, status: 127 };
    }
    const ctx: CommandContext = {
      argv: cmd.argv,
      stdin: opened.stdin ?? stdinIn,
      hostId,
      live: this.live,
      files,
      background,
      isatty: { out: opened.sinks[0].kind === 'tty', err: opened.sinks[1].kind === 'tty' },
      history: this.historyOf(hostId),
      commandNames: this.commandNames(),
      out: (text) => emit(opened.sinks[0], text, name),
      err: (text) => emit(opened.sinks[1], text, name),
      terminal: (text) => this.terminals.write(hostId, text),
      startJob: (job) => {
        this.jobs.push(job);
      },
    };
    let status: number;
    try {
      status = fn(ctx);
    } catch (e) {
      // A bug of ours, never the user's input: say so rather than lose the session.
      ctx.err(`lvs-flow: ${name}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      status = 1;
    }
    if (writeError !== '') {
      tty += writeError;
      status = 1;
    }
    return { tty, piped, status };
  }
}
