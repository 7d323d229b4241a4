/**
 * `break [N]` and `continue [N]` as bash 5.2 runs them (break.def; messages and statuses
 * captured in the bash-conditions labs): outside a loop they complain and return 0; N above the
 * loops there are means all of them; N below 1 is "loop count out of range" (status 1) and
 * leaves every loop; a non-number is "numeric argument required" and ends the whole line.
 */

/**
 * Loop rounds one typed line may run, over all its loops: a loop that never ends (`while true`)
 * is cut off here, with a message, rather than hang the console, the CLI or the browser.
 */
export const MAX_LOOP_ROUNDS = 10_000;

/**
 * Trace events a line's loops may add (about 290 curls, 34 events each): past this a loop
 * stops too, since every event is a step the timeline, the trace and a share link must hold.
 */
export const MAX_LOOP_EVENTS = 10_000;

/** What the shell keeps about loops while a line runs. */
export interface LoopState {
  /** How many loops enclose the running command. */
  loops: number;
  /** A break or continue on its way out to the loop it names. */
  control?: { kind: 'break' | 'continue'; levels: number } | undefined;
  /** Shared by the whole line: loop rounds run, the trace's events when it started, whether it was stopped. */
  readonly line: { rounds: number; firstEvent: number; halted: boolean };
}

/**
 * Counts one loop round; the message that stops the line when it is one round too many or its
 * loops' traffic has filled the trace's share (`events`: the trace's length now), else undefined.
 */
export function overLimit(line: LoopState['line'], events: number): string | undefined {
  const rounds = ++line.rounds;
  const untilCtrlC = '(a real console runs it until Ctrl+C)';
  if (rounds > MAX_LOOP_ROUNDS) return `lvs-flow: bash: the loop stopped after ${MAX_LOOP_ROUNDS} rounds ${untilCtrlC}\n`;
  if (events - line.firstEvent <= MAX_LOOP_EVENTS) return undefined;
  return `lvs-flow: bash: the loop stopped after ${rounds - 1} rounds: its traffic reached ${MAX_LOOP_EVENTS} simulated events ${untilCtrlC}\n`;
}

/**
 * Called by a loop after its body (or its condition) ran: 'stop' ends this loop, 'next' goes on.
 * A break or continue meant for an outer loop is left set, one level less, for that loop.
 */
export function loopControl(run: LoopState): 'next' | 'stop' {
  const c = run.control;
  if (!c) return run.line.halted ? 'stop' : 'next';
  if (c.levels > 1) {
    run.control = { kind: c.kind, levels: c.levels - 1 };
    return 'stop';
  }
  run.control = undefined;
  return c.kind === 'break' ? 'stop' : 'next';
}

/** The builtins themselves; `err` prints on the command's stderr. */
export function breakOrContinue(run: LoopState, argv: readonly string[], err: (text: string) => void): number {
  const name = argv[0] as 'break' | 'continue';
  if (run.loops === 0) {
    err(`bash: ${name}: only meaningful in a \`for', \`while', or \`until' loop\n`);
    return 0;
  }
  const arg = argv[1] ?? '1';
  if (!/^[ \t]*[+-]?\d+[ \t]*$/.test(arg)) {
    err(`bash: ${name}: ${arg}: numeric argument required\n`);
    run.line.halted = true;
    return 1;
  }
  const n = Number(arg);
  if (n < 1) {
    err(`bash: ${name}: ${arg}: loop count out of range\n`);
    run.control = { kind: 'break', levels: run.loops };
    return 1;
  }
  run.control = { kind: name, levels: Math.min(n, run.loops) };
  return 0;
}
