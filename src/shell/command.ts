/**
 * What a command gets when it runs on a host: its words, its standard input, the live world,
 * the host's files, and two output streams. It returns its exit status. Commands never throw
 * for anything a user can type: every failure is the tool's own message and status.
 */
import type { LiveWorld } from '../engine';
import type { HostFiles } from './fs';
import type { Job } from './terminals';

export interface CommandContext {
  /** argv[0] is the command's name as typed. */
  readonly argv: readonly string[];
  readonly stdin: string;
  /** stdin was redirected from a file (`< FILE`), not a pipe or the terminal. */
  readonly stdinIsFile?: boolean;
  readonly hostId: string;
  readonly live: LiveWorld;
  readonly files: HostFiles;
  /** Started with a trailing `&`: the command must not wait. */
  readonly background: boolean;
  /** Whether stdout and stderr reach the terminal (isatty): tools such as curl print differently otherwise. */
  readonly isatty: { readonly out: boolean; readonly err: boolean };
  /** The lines typed on this host so far (for `history`). */
  readonly history: readonly string[];
  /** Every command name the shell knows (for `help`). */
  readonly commandNames: readonly string[];
  out(text: string): void;
  /** True once a write met a pipe whose reader had gone: the command died of SIGPIPE and should stop (`yes | head`). */
  stdoutGone?(): boolean;
  err(text: string): void;
  /** The host's terminal, for what a job prints after the command has returned. */
  terminal(text: string): void;
  /** Registers a job that keeps running after the command returns, so Ctrl+C can stop it. */
  startJob(job: Job): void;
}

export type CommandFn = (ctx: CommandContext) => number;

/** The registry: a command's name (and its aliases) to the function that runs it. */
export type CommandTable = ReadonlyMap<string, CommandFn>;
