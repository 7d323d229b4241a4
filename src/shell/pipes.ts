/**
 * Pipes between the commands of a pipeline. bash runs them concurrently: a writer whose reader
 * has exited dies of SIGPIPE at its next write (status 141), which is how `yes | head -3` and
 * `while true; do echo y; done | head -n 2` end. Here the stages run one after the other, so a
 * pipe knows ahead how much its reader takes before exiting (`head -n 2`: two lines; a command
 * that reads no input: nothing) and refuses the writer's next write once the reader would have
 * read that much and gone.
 *
 * When the reader gets to read is the race the kernel decides; the model (captured in the
 * bash-shell lab) is that it reads once the writer has waited for anything (simulated time
 * passed: a curl, a sleep), or filled the pipe (64 KiB), or made QUICK_WRITES writes. So
 * `{ echo a; echo b; echo c; } | head -n 1` ends normally, while in a loop of curls piped into
 * `head -n 1` the second curl finds the reader gone, and `seq 1 100000 | head -n 1` dies of
 * SIGPIPE. Output goes in stdio's 4 KiB blocks.
 */
import { isSimple, type Command, type Word } from './parse';

/** What a writer wrote into the pipe, and when its reader would have gone. */
export interface Pipe {
  text: string;
  writes: number;
  /** Whether the reader has started reading (it then reads everything written, as it comes). */
  reading: boolean;
  /** Whether the reader has read all it will and exited. */
  gone: boolean;
  /** The simulated time the pipe was opened at. */
  readonly openedAt: number;
  /** True once the reader, given `input` so far, has read all it will and exited. */
  readonly readerDone: (input: string) => boolean;
  /** Runs the reader on what it read, when it is found gone (its output comes before the writer's next). */
  readonly readerGone: (input: string) => void;
}

/** The signal a write into a pipe with no reader brings: 128 + SIGPIPE. */
export const SIGPIPE_STATUS = 141;

const BLOCK = 4096;
const CAPACITY = 65536;

/**
 * Writes a writer makes before its reader, just started, reads: a loop of `echo` into `head -n 1`
 * on this machine's bash ran 2 to 77 writes before its SIGPIPE (five runs, load 22).
 */
export const QUICK_WRITES = 16;

/**
 * Writes `text` in blocks at simulated time `now`; false when a block met a reader that had gone
 * (the writer is killed). A reader that has read all it will runs at once (readerGone), so what
 * it prints comes before whatever the writer does next.
 */
export function writePipe(pipe: Pipe, text: string, now: number): boolean {
  for (let at = 0; at < text.length; at += BLOCK) {
    if (pipe.gone) return false;
    pipe.text += text.slice(at, at + BLOCK);
    pipe.writes++;
    pipe.reading ||= now > pipe.openedAt || pipe.text.length >= CAPACITY || pipe.writes > QUICK_WRITES;
    if (pipe.reading && pipe.readerDone(pipe.text)) {
      pipe.gone = true;
      pipe.readerGone(pipe.text);
    }
  }
  return true;
}

export function newPipe(now: number, readerDone: (input: string) => boolean = () => false, readerGone: (input: string) => void = () => undefined): Pipe {
  return { text: '', writes: 0, reading: false, gone: false, openedAt: now, readerDone, readerGone };
}

/** Commands that ignore SIGPIPE: a failed write is theirs to report (`curl: (23) Failed writing body`). */
export const IGNORES_SIGPIPE = new Set(['curl']);

/** Commands that read their input to its end (or until an option of theirs says), or may. */
const READERS = new Set([
  'cat', 'grep', 'awk', 'mawk', 'sed', 'tail', 'wc', 'sort', 'uniq', 'cut', 'tr', 'tee', 'ipvsadm', 'ipvsadm-restore', 'sysctl',
]);

const lines = (input: string): number => input.split('\n').length - 1;

/** The words of a command when they are plain text (nothing to expand), else undefined. */
function plainWords(words: readonly Word[] | undefined, argv: readonly string[]): readonly string[] | undefined {
  if (words === undefined) return argv;
  return words.every((w) => w.every((p) => p.k === 'lit' && !/[*?[{]/.test(p.quoted ? '' : p.text))) ? argv : undefined;
}

/** `head`'s options: how much it reads from stdin before exiting (undefined: all of it, or unsure). */
function headDemand(args: readonly string[]): ((input: string) => boolean) | undefined {
  let count = 10;
  let bytes = false;
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const value = a === '-n' || a === '-c' || a === '--lines' || a === '--bytes' ? args[++i] : /^-[nc]./.test(a) ? a.slice(2) : /^-\d+$/.test(a) ? a.slice(1) : undefined;
    if (value !== undefined) {
      if (!/^\d+$/.test(value)) return undefined;
      count = Number(value);
      bytes = a.startsWith('-c') || a === '--bytes';
    } else if (a === '-q' || a === '-v') continue;
    else if (a.startsWith('-') && a !== '-') return undefined;
    else operands.push(a);
  }
  if (operands.some((o) => o !== '-')) return () => true; // reads its files, not the pipe
  return bytes ? (input) => input.length >= count : (input) => lines(input) >= count;
}

/**
 * When the command `reader` of a pipeline has read all it will of `input`. A command that reads
 * no input is gone at once; `head` after its count; `read` after a line; others (and anything
 * whose words need expanding) read to the end.
 */
export function readerDemand(reader: Command, functions: ReadonlySet<string>): (input: string) => boolean {
  const never = (): boolean => false;
  if (!isSimple(reader)) return never;
  const argv = plainWords(reader.words, reader.argv);
  const name = argv?.[0];
  if (argv === undefined || name === undefined || functions.has(name) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(name)) return never;
  if (reader.redirects.some((r) => r.fd === 0)) return () => true;
  if (name === 'head') return headDemand(argv.slice(1)) ?? never;
  if (name === 'read') return (input) => input.includes('\n');
  return READERS.has(name) ? never : () => true;
}
