/**
 * The shell of every simulated host: runs a command line on a live world as a console's bash
 * would (pipelines ended by SIGPIPE as bash's are: pipes.ts; redirections, `;` `&&` `||`,
 * `for`/`while`/`until` loops with `break` and `continue`, `if`, `case`, `[[ … ]]`, `(( ))`,
 * `{ …; }` and `( … )`, functions, and the builtins of shell-builtins.ts), gives each command
 * its host's files, and returns what a terminal would show. Each line is its own `bash -c`: nothing but files and the
 * world carries over to the next line, as in a Kathará console or the lab VM.
 */
import type { LiveWorld } from '../engine';
import type { CommandContext, CommandFn, CommandTable } from './command';
import { HostFiles, resolvePath } from './fs';
import { arithmetic, ExpansionAbort, expandWord, expandWords, type ExpandEnv } from './expand';
import { evaluateCondition } from './cond-eval';
import { hostProbe, samePath } from './commands/test-expr';
import { breakOrContinue, loopControl, overLimit, type LoopState } from './loop-control';
import {
  isSimple, parseLine, type ArithCommand, type CaseCommand, type Command, type CommandList, type CondCommand, type ForCommand, type FunctionDef,
  type GroupCommand, type IfCommand, type Pipeline, type Redirect, type SimpleCommand, type WhileCommand, type Word,
} from './parse';
import { caseMatches } from './cond-eval';
import { IGNORES_SIGPIPE, newPipe, readerDemand, SIGPIPE_STATUS, writePipe, type Pipe } from './pipes';
import { IN_SHELL, SHELL_BUILTINS, ShellSignal, type Input, type ShellScope } from './shell-builtins';
import { Terminals, type Job } from './terminals';


export interface LineResult {
  /** stdout and stderr as a terminal interleaves them. */
  readonly output: string;
  readonly exitCode: number;
}

type Sink =
  | { kind: 'tty' }
  | { kind: 'pipe'; buf: Pipe }
  | { kind: 'null' }
  | { kind: 'file'; path: string; append: boolean; error: { text: string } };

/** Where a command reads and writes. */
interface Io {
  readonly out: Sink;
  readonly err: Sink;
  readonly stdin: Input;
  readonly stdinIsFile?: boolean;
}

/** One typed line as it runs: its terminal, variables and functions, how deep `$(…)` nests. */
interface LineRun extends LoopState, ShellScope {
  readonly hostId: string;
  /** How many tested lists (conditions) enclose the running command: set -e ignores failures there. */
  testing: number;
  /** What reached the terminal, shared by the line's subshells (they print as they run). */
  readonly tty: { text: string };
  readonly depth: number;
  /** The status of the last `$(…)` (an assignment alone returns it). */
  lastSubstitution?: number | undefined;
}

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
    return [...this.commands.keys(), ...SHELL_BUILTINS.keys()].sort();
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
    if (!parsed.ok) return { output: parsed.error === '' ? '' : `${parsed.error}\n`, exitCode: parsed.status ?? 2 };
    const run: LineRun = {
      hostId, tty: { text: '' }, vars: initialVars(hostId), args: [], funcs: new Map(), locals: [], options: { pipefail: false, errexit: false, xtrace: false }, console: true, testing: 0,
      depth: 0, loops: 0, line: { rounds: 0, firstEvent: this.live.eventCount, halted: false },
    };
    run.tty.text += (parsed.warnings ?? []).map((w) => `${w}\n`).join('');
    const status = this.inShell(run, (r) => this.runList(r, parsed.list, { out: { kind: 'tty' }, err: { kind: 'tty' }, stdin: noInput() }));
    return { output: run.tty.text, exitCode: status };
  }

  /**
   * Runs `body` as a (sub)shell of its own: an `exit`, or a SIGPIPE it took, ends it with that
   * status. `run` is the shell itself; a subshell gets a copy (subshell()) and its output is kept.
   */
  private inShell(run: LineRun, body: (run: LineRun) => number): number {
    try {
      return body(run);
    } catch (e) {
      if (e instanceof ShellSignal || e instanceof ExpansionAbort) return e.status;
      throw e;
    }
  }

  /** A subshell's copy of the shell: its own variables, parameters, functions and options. */
  private subshell(run: LineRun, depth = run.depth): LineRun {
    return {
      ...run, vars: new Map(run.vars), funcs: new Map(run.funcs), locals: run.locals.map((f) => new Map(f)), options: { ...run.options },
      depth, loops: run.loops, console: false,
    };
  }

  /** Runs a subshell (what it prints reaches the terminal as it runs). */
  private runSubshell(run: LineRun, body: (sub: LineRun) => number, depth = run.depth): number {
    const sub = this.subshell(run, depth);
    const status = this.inShell(sub, body);
    return status;
  }

  private runList(run: LineRun, list: CommandList, io: Io): number {
    let status = Number(run.vars.get('?') ?? 0);
    const { pipelines, joins } = list;
    for (let i = 0; i < pipelines.length; i++) {
      const join = i === 0 ? ';' : joins[i - 1];
      if ((join === '&&' && status !== 0) || (join === '||' && status === 0)) continue;
      const p = pipelines[i]!;
      status = this.runPipeline(run, p, io);
      run.vars.set('?', String(status));
      if (run.control || run.line.halted) break;
      if (status !== 0 && run.options.errexit && run.testing === 0 && !p.negate && joins[i] !== '&&' && joins[i] !== '||' && !isCompound(p)) {
        // set -e: the shell leaves at a failure nothing tests (captured: no "exit" said).
        throw new ShellSignal('kill', status);
      }
    }
    return status;
  }

  /** Runs a list whose status is tested (if's and while's conditions): set -e ignores its failures. */
  private runTested(run: LineRun, list: CommandList, io: Io): number {
    run.testing++;
    try {
      return this.runList(run, list, io);
    } finally {
      run.testing--;
    }
  }

  /**
   * Each command of a pipeline reads what the one before it wrote; with more than one, each runs
   * in a subshell, and a writer whose reader has gone dies of SIGPIPE at its next write (pipes.ts).
   */
  private runPipeline(run: LineRun, p: Pipeline, io: Io): number {
    const statuses: number[] = [];
    const functions = new Set(run.funcs.keys());
    const sub = p.commands.length > 1;
    /** Runs stages k… on `stdin`; a reader runs as soon as it has all it will read (the writer may still be going). */
    const stages = (k: number, stdin: Input): void => {
      const cmd = p.commands[k];
      if (cmd === undefined) return;
      const next = p.commands[k + 1];
      let readerRan = false;
      const runReader = (text: string): void => {
        if (readerRan) return;
        readerRan = true;
        stages(k + 1, { text, pos: 0 });
      };
      const buf = newPipe(this.live.now, next ? readerDemand(next, functions) : undefined, runReader);
      const stageIo: Io = { out: next ? { kind: 'pipe', buf } : io.out, err: io.err, stdin };
      statuses[k] = sub ? this.runSubshell(run, (own) => this.runCommand(own, cmd, stageIo, p.background)) : this.runCommand(run, cmd, stageIo, p.background);
      if (next) runReader(buf.text);
    };
    stages(0, io.stdin);
    run.vars.set('PIPESTATUS', statuses.join(' '));
    const failed = run.options.pipefail ? statuses.filter((st) => st !== 0).at(-1) : undefined;
    const status = failed ?? (statuses.at(-1) as number);
    return p.negate ? Number(status === 0) : status;
  }

  private runCommand(run: LineRun, cmd: Command, io: Io, background: boolean): number {
    switch (cmd.kind) {
      case 'for': return this.runFor(run, cmd, io, background);
      case 'while': return this.runWhile(run, cmd, io, background);
      case 'if': return this.runIf(run, cmd, io, background);
      case 'cond': return this.runCond(run, cmd, io);
      case 'group': case 'subshell': return this.runGroup(run, cmd, io, background);
      case 'arith': return this.runArith(run, cmd, io);
      case 'case': return this.runCase(run, cmd, io, background);
      case 'function': return this.define(run, cmd);
      default: return this.runSimple(run, cmd, io, background);
    }
  }

  /** `{ …; }` in this shell, `( … )` in a subshell. */
  private runGroup(run: LineRun, cmd: GroupCommand, ioIn: Io, background: boolean): number {
    const c = this.compound(run, cmd.redirects, ioIn, background);
    if (!c.ok) return c.status;
    const body = c.list(cmd.body);
    return cmd.kind === 'group' ? this.runList(run, body, c.io) : this.runSubshell(run, (sub) => this.runList(sub, body, c.io));
  }

  /** `(( … ))`: 0 when the expression is not 0, 1 when it is or fails. */
  private runArith(run: LineRun, cmd: ArithCommand, ioIn: Io): number {
    const c = this.compound(run, cmd.redirects, ioIn, false);
    if (!c.ok) return c.status;
    const v = arithmetic(cmd.expr, c.env, true);
    return v === undefined || v === '0' ? 1 : 0;
  }

  /** `case`: the first item whose pattern matches runs; `;&` runs the next body too, `;;&` tests on. */
  private runCase(run: LineRun, cmd: CaseCommand, ioIn: Io, background: boolean): number {
    const c = this.compound(run, cmd.redirects, ioIn, background);
    if (!c.ok) return c.status;
    const word = expandWord(cmd.word, c.env);
    if (word === undefined) return 1;
    let status = 0;
    let fallInto = false;
    for (const item of cmd.items) {
      if (!fallInto) {
        const matched = item.patterns.some((pat) => caseMatches(word, pat, c.env));
        if (c.env.failed) return 1;
        if (!matched) continue;
      }
      status = this.runList(run, c.list(item.body), c.io);
      if (run.control || run.line.halted) return status;
      fallInto = item.end === ';&';
      if (item.end === ';;') return status;
    }
    return status;
  }

  private define(run: LineRun, cmd: FunctionDef): number {
    run.funcs.set(cmd.name, cmd);
    return 0;
  }

  /** Calls a function: its words become $1…, `local`s are undone and `return` ends it. */
  private call(run: LineRun, fn: FunctionDef, argv: readonly string[], io: Io, background: boolean): number {
    if (run.locals.length >= MAX_CALL_DEPTH) {
      // bash recurses until its stack runs out; here the line ends with a message instead.
      this.emit(run, io.err, `lvs-flow: bash: ${fn.name}: function calls nested ${MAX_CALL_DEPTH} deep; the line stops here\n`, '');
      throw new ShellSignal('kill', 1);
    }
    const saved = { args: run.args, loops: run.loops };
    run.args = argv.slice(1);
    run.locals.push(new Map());
    try {
      return this.runCommand(run, fn.body, io, background);
    } catch (e) {
      if (e instanceof ShellSignal && e.kind === 'return') return e.status;
      throw e;
    } finally {
      for (const [name, before] of run.locals.pop() ?? []) {
        if (before === undefined) run.vars.delete(name);
        else run.vars.set(name, before);
      }
      run.args = saved.args;
      run.loops = saved.loops;
    }
  }

  /** A compound command's redirections opened, and its lists marked background when it was. */
  private compound(run: LineRun, redirects: readonly Redirect[], ioIn: Io, background: boolean):
    { ok: true; io: Io; env: ExpandEnv & { failed: boolean }; list: (l: CommandList) => CommandList } | { ok: false; status: number } {
    const env = this.expandEnv(run, ioIn);
    const opened = this.openRedirects(run, redirects, ioIn, env);
    if (!opened.ok) return { ok: false, status: this.fail(run, ioIn, opened.message) };
    const list = (l: CommandList): CommandList => (background ? { ...l, pipelines: l.pipelines.map((p) => ({ ...p, background: true })) } : l);
    return { ok: true, io: opened.io, env, list };
  }

  /** Counts one loop round against the line's limits; false (after saying so once) when they are reached. */
  private round(run: LineRun, io: Io): boolean {
    if (run.line.halted) return false;
    const stop = overLimit(run.line, this.live.eventCount);
    if (stop === undefined) return true;
    run.line.halted = true;
    this.emit(run, io.err, stop, '');
    return false;
  }

  /** Runs a loop's body once; false when the loop ends there (break, or the line's budget spent). */
  private body(run: LineRun, list: CommandList, io: Io): { status: number; goOn: boolean } {
    run.loops++;
    const status = this.runList(run, list, io);
    run.loops--;
    const next = loopControl(run);
    return { status, goOn: next === 'next' && !run.line.halted };
  }

  private runFor(run: LineRun, cmd: ForCommand, ioIn: Io, background: boolean): number {
    const c = this.compound(run, cmd.redirects, ioIn, background);
    if (!c.ok) return c.status;
    const { io, env } = c;
    const body = c.list(cmd.body);
    let status = 0;
    if (cmd.arith) {
      const { init, cond, step } = cmd.arith;
      if (arithmetic(init, env) === undefined) return 1;
      for (;;) {
        const v = cond.trim() === '' ? '1' : arithmetic(cond, env);
        if (v === undefined) return 1;
        if (v === '0') break;
        if (!this.round(run, io)) return 1;
        const r = this.body(run, body, io);
        status = r.status;
        if (!r.goOn) return run.line.halted ? 1 : status;
        if (arithmetic(step, env) === undefined) return 1;
      }
      return status;
    }
    const items = cmd.items === undefined ? [] : expandWords(cmd.items, env);
    if (items === undefined) return 1;
    for (const item of items) {
      if (!this.round(run, io)) return 1;
      run.vars.set(cmd.name, item);
      const r = this.body(run, body, io);
      status = r.status;
      if (!r.goOn) return run.line.halted ? 1 : status;
    }
    return status;
  }

  /** `while`/`until`: the status of the body's last run, 0 when it never ran (a failing condition does not count). */
  private runWhile(run: LineRun, cmd: WhileCommand, ioIn: Io, background: boolean): number {
    const c = this.compound(run, cmd.redirects, ioIn, background);
    if (!c.ok) return c.status;
    const { io } = c;
    const [cond, body] = [c.list(cmd.cond), c.list(cmd.body)];
    let status = 0;
    for (;;) {
      if (!this.round(run, io)) return 1;
      run.loops++;
      const test = this.runTested(run, cond, io);
      run.loops--;
      // A break or continue in the condition acts on this loop too.
      const afterTest = loopControl(run);
      if (afterTest === 'stop' || run.line.halted) return run.line.halted ? 1 : status;
      if (afterTest === 'next' && (test === 0) === cmd.until) return status;
      const r = this.body(run, body, io);
      status = r.status;
      if (!r.goOn) return run.line.halted ? 1 : status;
    }
  }

  /** `if`: the status of the branch that ran, 0 when none did. */
  private runIf(run: LineRun, cmd: IfCommand, ioIn: Io, background: boolean): number {
    const c = this.compound(run, cmd.redirects, ioIn, background);
    if (!c.ok) return c.status;
    for (const branch of cmd.branches) {
      const test = this.runTested(run, c.list(branch.cond), c.io);
      if (run.control || run.line.halted) return test;
      if (test === 0) return this.runList(run, c.list(branch.body), c.io);
    }
    return cmd.orElse ? this.runList(run, c.list(cmd.orElse), c.io) : 0;
  }

  /** `[[ … ]]` on this host's files and this line's variables. */
  private runCond(run: LineRun, cmd: CondCommand, ioIn: Io): number {
    const c = this.compound(run, cmd.redirects, ioIn, false);
    if (!c.ok) return c.status;
    const tty = { out: c.io.out.kind === 'tty', err: c.io.err.kind === 'tty' };
    const probe = hostProbe(this.filesOf(run.hostId), tty, (name) => run.vars.has(name));
    return evaluateCondition(cmd.expr, c.env, probe, samePath);
  }

  /** What a failed redirection or expansion prints: on the command's stderr as it stood. */
  private fail(run: LineRun, io: Io, message: string): number {
    this.emit(run, io.err, message, '');
    return 1;
  }

  /** How expansions see this line: its variables, and `$(…)` run as a subshell on the same host. */
  private expandEnv(run: LineRun, io: Io): ExpandEnv & { failed: boolean } {
    const env = {
      vars: run.vars,
      args: run.args,
      failed: false,
      substitute: (src: string): string => {
        if (run.depth > 20) return '';
        const parsed = parseLine(src);
        if (!parsed.ok) {
          if (parsed.error !== '') this.emit(run, io.err, `${parsed.error}\n`, '');
          run.vars.set('?', String(parsed.status ?? 2));
          return '';
        }
        const out: Sink = { kind: 'pipe', buf: newPipe(this.live.now) };
        run.lastSubstitution = this.runSubshell(run, (sub) => this.runList(sub, parsed.list, { out, err: io.err, stdin: noInput() }), run.depth + 1);
        return out.kind === 'pipe' ? out.buf.text : '';
      },
      error: (message: string): void => {
        env.failed = true;
        this.emit(run, io.err, message, '');
      },
    };
    return env;
  }

  /** Opens each redirection left to right, as bash does; a failure is bash's message and status 1. */
  private openRedirects(run: LineRun, redirects: readonly Redirect[], io: Io, env: ExpandEnv):
    { ok: true; io: Io } | { ok: false; message: string } {
    const sinks: [Sink, Sink] = [io.out, io.err];
    let stdin = io.stdin;
    let stdinIsFile = io.stdinIsFile ?? false;
    const files = this.filesOf(run.hostId);
    for (const r of redirects) {
      const target = r.word ? expandWord(r.word, env) : r.target;
      if (target === undefined) return { ok: false, message: '' };
      if (r.op === '<' || r.op === '<<<' || r.op === '<<') {
        if (r.op === '<<') {
          stdin = noInput();
          stdinIsFile = false;
        } else if (r.op === '<<<') {
          stdin = { text: `${target}\n`, pos: 0 };
          stdinIsFile = false;
        } else {
          const f = target === '/dev/null' ? { ok: true as const, text: '' } : files.read(target);
          if (!f.ok) return { ok: false, message: `bash: ${target}: ${f.error}\n` };
          stdin = { text: f.text, pos: 0 };
          stdinIsFile = true;
        }
        continue;
      }
      const fd = r.fd === 2 ? 1 : 0;
      if (r.op === '>&') {
        sinks[fd] = sinks[target === '2' ? 1 : 0];
        continue;
      }
      if (target === '/dev/null') {
        sinks[fd] = { kind: 'null' };
        continue;
      }
      // bash creates (or truncates) the file before the command runs; /proc files must exist.
      if (resolvePath(target).startsWith('/proc/')) {
        if (!files.exists(target)) return { ok: false, message: `bash: ${target}: No such file or directory\n` };
      } else {
        const opened = files.write(target, '', true);
        if (!opened.ok) return { ok: false, message: `bash: ${target}: ${opened.error}\n` };
        if (r.op === '>') files.write(target, '', false);
      }
      sinks[fd] = { kind: 'file', path: target, append: r.op === '>>', error: { text: '' } };
    }
    return { ok: true, io: { out: sinks[0], err: sinks[1], stdin, stdinIsFile } };
  }

  /**
   * Writes to a sink; a file that cannot take it (a /proc value a write refuses) notes bash's
   * message once. False when the sink is a pipe whose reader has gone (the writer's SIGPIPE).
   */
  private emit(run: LineRun, sink: Sink, text: string, cmdName: string): boolean {
    if (text === '') return true;
    switch (sink.kind) {
      case 'tty':
        run.tty.text += text;
        break;
      case 'pipe':
        return writePipe(sink.buf, text, this.live.now);
      case 'null':
        break;
      case 'file': {
        const w = this.filesOf(run.hostId).write(sink.path, text, sink.append);
        // /proc/sys files take one write; what follows appends (a second write would fail the same way).
        sink.append = true;
        if (!w.ok && sink.error.text === '') sink.error.text = `bash: ${cmdName}: ${w.error}\n`;
        break;
      }
    }
    return true;
  }

  private runSimple(run: LineRun, cmd: SimpleCommand, ioIn: Io, background: boolean): number {
    const env = this.expandEnv(run, ioIn);
    run.lastSubstitution = undefined;
    // Leading NAME=value words: alone they set shell variables; before a command they would
    // only reach its environment, which no simulated command reads.
    const words = cmd.words ?? cmd.argv.map((text): Word => [{ k: 'lit', text, quoted: true }]);
    let first = 0;
    const assigns: Array<[string, string]> = [];
    for (; first < words.length; first++) {
      const a = assignment(words[first]!);
      if (!a) break;
      const value = expandWord(a.value, env);
      if (value === undefined) return 1;
      assigns.push([a.name, value]);
    }
    const argv = expandWords(words.slice(first), env);
    if (argv === undefined || env.failed) return 1;
    if (run.options.xtrace) this.emit(run, ioIn.err, `${'+'.repeat(run.depth + 1)} ${[...assigns.map(([n, v]) => `${n}=${traced(v)}`), ...argv.map(traced)].join(' ')}\n`, '');
    if (argv.length === 0) {
      for (const [name, value] of assigns) run.vars.set(name, value);
      const opened = this.openRedirects(run, cmd.redirects, ioIn, env);
      if (!opened.ok) return this.fail(run, ioIn, opened.message);
      return run.lastSubstitution ?? 0;
    }
    const opened = this.openRedirects(run, cmd.redirects, ioIn, env);
    if (!opened.ok) return this.fail(run, ioIn, opened.message);
    const io = opened.io;
    const name = argv[0] as string;
    if (name === 'break' || name === 'continue') return breakOrContinue(run, argv, (text) => this.emit(run, io.err, text, name));
    const fn = run.funcs.get(name);
    if (fn) return this.call(run, fn, argv, io, background);
    // A write into a pipe whose reader has gone: an external command dies alone, a builtin takes its shell with it.
    let piped = false;
    const out = (text: string): void => {
      if (!piped && !this.emit(run, io.out, text, name)) piped = true;
    };
    const err = (text: string): void => {
      this.emit(run, io.err, text, name);
    };
    const builtin = SHELL_BUILTINS.get(name);
    const status = builtin ? builtin(run, argv, { input: io.stdin, out, err, env, assigns, isProgram: (n) => this.commands.has(n) }) : this.runTool(run, argv, io, background, { out, err, gone: () => piped });
    if (piped && IN_SHELL.has(name)) throw new ShellSignal('kill', SIGPIPE_STATUS);
    return piped && !IGNORES_SIGPIPE.has(name) ? SIGPIPE_STATUS : status;
  }

  /** A command of the host's table (a tool, or a builtin such as echo). */
  private runTool(
    run: LineRun, argv: readonly string[], io: Io, background: boolean,
    { out, err, gone }: { out: (t: string) => void; err: (t: string) => void; gone: () => boolean },
  ): number {
    const name = argv[0] as string;
    const fn: CommandFn | undefined = this.commands.get(name);
    if (!fn) {
      err(`bash: ${name}: command not found\n`);
      return 127;
    }
    const input = io.stdin;
    let rest: string | undefined;
    const ctx: CommandContext = {
      argv,
      // Reading stdin takes all that is left of it (a loop's next `read` then meets its end).
      get stdin(): string {
        rest ??= input.text.slice(input.pos);
        input.pos = input.text.length;
        return rest;
      },
      stdinIsFile: io.stdinIsFile ?? false,
      hostId: run.hostId,
      live: this.live,
      files: this.filesOf(run.hostId),
      background,
      isatty: { out: io.out.kind === 'tty', err: io.err.kind === 'tty' },
      history: this.historyOf(run.hostId),
      commandNames: this.commandNames(),
      out,
      err,
      stdoutGone: gone,
      terminal: (text) => this.terminals.write(run.hostId, text),
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
    for (const sink of [io.out, io.err]) {
      if (sink.kind === 'file' && sink.error.text !== '') {
        run.tty.text += sink.error.text;
        sink.error.text = '';
        status = 1;
      }
    }
    return status;
  }
}

/** `NAME=value` at the start of a simple command: the name and the value's parts. */
function assignment(word: Word): { name: string; value: Word } | undefined {
  const head = word[0];
  if (head?.k !== 'lit' || head.quoted) return undefined;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(head.text);
  if (!m) return undefined;
  const rest = head.text.slice(m[0].length);
  return { name: m[1] as string, value: [...(rest === '' ? [] : [{ k: 'lit' as const, text: rest, quoted: true }]), ...word.slice(1)] };
}

/** A word as set -x shows it: quoted when it holds anything but plain characters. */
function traced(word: string): string {
  return /^[A-Za-z0-9_\-.,:/@%+=]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

/** Whether a pipeline is one compound command (set -e acts on the simple commands inside it instead). */
function isCompound(p: Pipeline): boolean {
  const only = p.commands.length === 1 ? p.commands[0] : undefined;
  return only !== undefined && !isSimple(only) && only.kind !== 'subshell';
}

/** Function calls one line may nest (a function calling itself forever would otherwise exhaust the stack). */
const MAX_CALL_DEPTH = 200;

const noInput = (): Input => ({ text: '', pos: 0 });

/** The variables a console's `bash -c` starts with (the lab VM's environment). */
function initialVars(hostId: string): Map<string, string> {
  return new Map([
    ['?', '0'], ['HOME', '/root'], ['USER', 'root'], ['LOGNAME', 'root'], ['SHELL', '/usr/bin/bash'], ['TERM', 'xterm'],
    ['PATH', '/usr/sbin:/usr/bin:/sbin:/bin'], ['HOSTNAME', hostId], ['PWD', '/root'], ['IFS', ' \t\n'],
  ]);
}
