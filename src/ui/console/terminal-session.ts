/**
 * One host's terminal: keys in (xterm's onData text), text out (to a screen with `write` and
 * `cols`). A line is run on the store's console session; the terminal then waits while the
 * timeline plays the command's traffic and prints the output when the playback stops, as a
 * shell prints when the command ends. Keys typed meanwhile wait for the prompt (typeahead);
 * Ctrl+C stops the waiting and prints at once. No DOM: xterm is the screen in the app, a string
 * in tests.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { SimStore } from '../store/types';
import { EMPTY_LINE, editLine, keySequences, type LineState } from './line-editor';
import { columns, crlf, promptOf, redraw } from './render';

export interface Screen {
  write(text: string): void;
  readonly cols: number;
}

/** What bash lists for a path candidate: its last part (folders keep their slash). */
const shown = (c: string): string => (c.startsWith('/') ? c.slice(c.slice(0, -1).lastIndexOf('/') + 1) : c);

export class TerminalSession {
  private state: LineState = EMPTY_LINE;
  /** Where the screen's cursor is, counted from the prompt's first column. */
  private drawn = 0;
  private busy = false;
  private pending: string[] = [];
  private tabArmed = false;
  private stopWaiting: (() => void) | null = null;
  private readonly prompt: string;

  constructor(private readonly screen: Screen, private readonly host: string, private readonly store: StoreApi<SimStore>) {
    this.prompt = promptOf(host);
  }

  /** Prints the first prompt. */
  start(): void {
    this.showPrompt();
  }

  /** Whether a command is running (its traffic playing). */
  get running(): boolean {
    return this.busy;
  }

  input(data: string): void {
    for (const seq of keySequences(data)) {
      if (this.busy) {
        if (seq === '\x03') this.interrupt();
        else this.pending.push(seq);
        continue;
      }
      this.key(seq);
    }
  }

  private history(): string[] {
    return this.store.getState().consoleLines.filter((l) => l.host === this.host).map((l) => l.line);
  }

  private key(seq: string): void {
    const { state, action } = editLine(this.state, seq, this.history());
    const tabbed = action === 'tab';
    switch (action) {
      case 'none':
        if (state !== this.state) this.show(state);
        break;
      case 'tab':
        this.complete();
        break;
      case 'interrupt':
        this.screen.write('^C\r\n');
        this.state = EMPTY_LINE;
        this.showPrompt();
        break;
      case 'clear-screen':
        this.screen.write('\x1b[H\x1b[2J');
        this.drawn = 0;
        this.show(this.state);
        break;
      case 'enter':
        this.screen.write('\r\n');
        void this.run(this.state.line);
        break;
      case 'eof':
        break;
    }
    if (!tabbed) this.tabArmed = false;
  }

  private show(state: LineState): void {
    this.screen.write(redraw(this.prompt, state.line, state.cursor, this.drawn, this.screen.cols));
    this.state = state;
    this.drawn = this.prompt.length + state.cursor;
  }

  private showPrompt(): void {
    this.screen.write(this.prompt);
    this.drawn = this.prompt.length;
    this.state = EMPTY_LINE;
  }

  private complete(): void {
    const c = this.store.getState().completeCommand(this.host, this.state.line, this.state.cursor);
    if (!c) return;
    if (c.line !== this.state.line) this.show({ ...this.state, line: c.line, cursor: c.cursor });
    else if (c.candidates.length > 1 && this.tabArmed) {
      this.screen.write(`\r\n${columns(c.candidates.map(shown), this.screen.cols)}`);
      this.drawn = 0;
      this.show(this.state);
    }
    this.tabArmed = c.candidates.length > 1;
  }

  private async run(line: string): Promise<void> {
    if (line.trim() === '') {
      this.showPrompt();
      return;
    }
    this.busy = true;
    const r = await this.store.getState().typeCommand(this.host, line, { play: true });
    await this.playback();
    this.screen.write(crlf(r.output));
    this.busy = false;
    this.showPrompt();
    const queued = this.pending;
    this.pending = [];
    for (const seq of queued) this.input(seq);
  }

  /** Resolves when the timeline stops playing: at the end of the command's traffic, a pause, or Ctrl+C. */
  private playback(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.store.getState().playing) return resolve();
      const unsubscribe = this.store.subscribe((s) => {
        if (!s.playing) done();
      });
      const done = () => {
        if (this.stopWaiting !== done) return;
        unsubscribe();
        this.stopWaiting = null;
        resolve();
      };
      this.stopWaiting = done;
    });
  }

  /** Ctrl+C while a command's traffic plays: show the end at once, drop the typeahead. */
  private interrupt(): void {
    this.pending = [];
    const stop = this.stopWaiting;
    if (!stop) return;
    this.screen.write('^C\r\n');
    const s = this.store.getState();
    s.seekLast();
    // Pausing ends the wait already; stop() makes sure of it.
    s.pause();
    stop();
  }
}
