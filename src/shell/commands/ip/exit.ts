/**
 * How `ip` ends early. iproute2 calls exit() from deep inside its parsers (usage, invarg,
 * duparg, incomplete_command); the port throws IpExit there and the command's entry point
 * turns it into the exit status, so nothing escapes to the shell. Statuses as the oracle
 * shows them: exit(-1) is 255, a subcommand's `return -1` is 1, an RTNETLINK error 2.
 */
export class IpExit {
  constructor(readonly status: number) {}
}

export interface ErrSink {
  err(text: string): void;
}

/** exit(-1) after a message (usage texts, argument errors). */
export function fail255(io: ErrSink, text: string): never {
  io.err(text);
  throw new IpExit(255);
}

/** exit(1) after a message (get_addr / get_prefix errors). */
export function fail1(io: ErrSink, text: string): never {
  io.err(text);
  throw new IpExit(1);
}

/** NEXT_ARG() running out of words. */
export function incompleteCommand(io: ErrSink): never {
  return fail255(io, 'Command line is not complete. Try option "help"\n');
}

export function invarg(io: ErrSink, msg: string, arg: string): never {
  return fail255(io, `Error: argument "${arg}" is wrong: ${msg}\n`);
}

export function duparg(io: ErrSink, key: string, arg: string): never {
  return fail255(io, `Error: duplicate "${key}": "${arg}" is the second value.\n`);
}

export function duparg2(io: ErrSink, key: string, arg: string): never {
  return fail255(io, `Error: either "${key}" is duplicate, or "${arg}" is a garbage.\n`);
}

/** nodev(): the message, and the subcommand returns -1 (status 1). */
export function noDevice(io: ErrSink, dev: string): number {
  io.err(`Cannot find device "${dev}"\n`);
  return 1;
}

/**
 * Words left to parse, consumed left to right as iproute2's argc/argv loops do.
 * `next()` is NEXT_ARG(): it moves on and fails when nothing follows.
 */
export class Args {
  private i = 0;
  constructor(private readonly words: readonly string[], private readonly io: ErrSink) {}

  get done(): boolean {
    return this.i >= this.words.length;
  }

  get left(): number {
    return this.words.length - this.i;
  }

  /** The current word ('' when none: callers check `done` first). */
  get cur(): string {
    return this.words[this.i] ?? '';
  }

  rest(): string[] {
    return this.words.slice(this.i);
  }

  advance(): void {
    this.i++;
  }

  /** NEXT_ARG(): the following word, or "Command line is not complete". */
  next(): string {
    this.i++;
    if (this.i >= this.words.length) incompleteCommand(this.io);
    return this.words[this.i] as string;
  }
}
