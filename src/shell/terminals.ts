/**
 * Each host's terminal after a line has returned: what background jobs print later (tcpdump's
 * lines as simulated time passes) goes to whoever listens to that host — the browser console,
 * the CLI console's transcript — in the order it is printed. Nobody listening: it is dropped,
 * as output to a closed terminal is.
 */

export type TerminalListener = (text: string) => void;

/** A job that outlives the line that started it and stops on Ctrl+C (tcpdump). */
export interface Job {
  readonly hostId: string;
  readonly running: boolean;
  /** Ctrl+C (SIGINT): the job ends, printing what the tool prints then to the host's terminal. */
  interrupt(): void;
}

export class Terminals {
  private readonly listeners = new Map<string, Set<TerminalListener>>();

  /**
   * Calls `cb` with every piece of text a background job prints on `hostId`'s terminal from now
   * on; returns the function that stops listening.
   * @example
   * const stop = shell.terminals.listen('RS1', (text) => term.write(text));
   */
  listen(hostId: string, cb: TerminalListener): () => void {
    let set = this.listeners.get(hostId);
    if (!set) this.listeners.set(hostId, (set = new Set()));
    set.add(cb);
    return () => set.delete(cb);
  }

  write(hostId: string, text: string): void {
    if (text === '') return;
    const only = this.captures.get(hostId);
    if (only) return only(text);
    for (const cb of [...(this.listeners.get(hostId) ?? [])]) cb(text);
  }

  /** While a command answers Ctrl+C itself, what `hostId`'s jobs print goes to `cb` alone. */
  capture(hostId: string, cb: TerminalListener): () => void {
    this.captures.set(hostId, cb);
    return () => this.captures.delete(hostId);
  }

  private readonly captures = new Map<string, TerminalListener>();
}
