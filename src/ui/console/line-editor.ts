/**
 * The terminal's line editing, as readline's emacs mode does the keys labs use: what xterm
 * sends for a key (its `onData` text) in, the new line and what the terminal should do out.
 * History moves over the lines typed on this host (↑ older, ↓ newer, back to the line being
 * typed). Pure: the terminal draws the result (render.ts) and runs the line.
 */

export interface LineState {
  readonly line: string;
  /** Cursor position in `line`, 0…line.length. */
  readonly cursor: number;
  /** Position in the history while browsing it; null on the line being typed. */
  readonly historyAt: number | null;
  /** The line being typed, kept while browsing the history. */
  readonly draft: string;
}

/** What the key asks of the terminal beyond redrawing the line. */
export type LineAction = 'none' | 'enter' | 'tab' | 'interrupt' | 'clear-screen' | 'eof';

export const EMPTY_LINE: LineState = { line: '', cursor: 0, historyAt: null, draft: '' };

/** One key (or a pasted run of text) split into the sequences xterm sends. */
export function keySequences(data: string): string[] {
  const out: string[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') out.push(text);
    text = '';
  };
  for (let i = 0; i < data.length; i++) {
    const c = data[i] as string;
    if (c === '\x1b') {
      flush();
      // CSI (ESC [ … final) or SS3 (ESC O x): a cursor or editing key.
      const m = /^(\[[0-9;]*[~A-Za-z]|O[A-Za-z])?/.exec(data.slice(i + 1)) as RegExpExecArray;
      out.push(`\x1b${m[0]}`);
      i += m[0].length;
    } else if (c < ' ' || c === '\x7f') {
      flush();
      out.push(c);
    } else text += c;
  }
  flush();
  return out;
}

const at = (s: LineState, line: string, cursor: number): LineState => ({ ...s, line, cursor, historyAt: s.historyAt });

function browse(s: LineState, history: readonly string[], to: number | null): LineState {
  if (to === null) return { line: s.draft, cursor: s.draft.length, historyAt: null, draft: s.draft };
  const line = history[to] ?? '';
  return { line, cursor: line.length, historyAt: to, draft: s.historyAt === null ? s.line : s.draft };
}

/** Applies one sequence from keySequences. */
export function editLine(s: LineState, seq: string, history: readonly string[]): { state: LineState; action: LineAction } {
  const { line, cursor } = s;
  const keep = (state: LineState, action: LineAction = 'none') => ({ state, action });
  switch (seq) {
    case '\r':
    case '\n':
      return keep(s, 'enter');
    case '\t':
      return keep(s, 'tab');
    case '\x03':
      return keep(s, 'interrupt');
    case '\x0c':
      return keep(s, 'clear-screen');
    case '\x04':
      return line === '' ? keep(s, 'eof') : keep(at(s, line.slice(0, cursor) + line.slice(cursor + 1), cursor));
    case '\x7f':
    case '\b':
      return keep(cursor === 0 ? s : at(s, line.slice(0, cursor - 1) + line.slice(cursor), cursor - 1));
    case '\x1b[3~':
      return keep(at(s, line.slice(0, cursor) + line.slice(cursor + 1), cursor));
    case '\x1b[D':
    case '\x02':
      return keep(at(s, line, Math.max(0, cursor - 1)));
    case '\x1b[C':
    case '\x06':
      return keep(at(s, line, Math.min(line.length, cursor + 1)));
    case '\x1b[H':
    case '\x1bOH':
    case '\x1b[1~':
    case '\x01':
      return keep(at(s, line, 0));
    case '\x1b[F':
    case '\x1bOF':
    case '\x1b[4~':
    case '\x05':
      return keep(at(s, line, line.length));
    case '\x15':
      return keep(at(s, line.slice(cursor), 0));
    case '\x0b':
      return keep(at(s, line.slice(0, cursor), cursor));
    case '\x1b[A':
    case '\x10': {
      const to = s.historyAt === null ? history.length - 1 : s.historyAt - 1;
      return keep(to < 0 ? s : browse(s, history, to));
    }
    case '\x1b[B':
    case '\x0e': {
      if (s.historyAt === null) return keep(s);
      return keep(browse(s, history, s.historyAt + 1 < history.length ? s.historyAt + 1 : null));
    }
    default:
      // Other control keys and escape sequences do nothing; text (typed or pasted) is inserted.
      if (seq.startsWith('\x1b') || seq < ' ') return keep(s);
      return keep(at(s, line.slice(0, cursor) + seq + line.slice(cursor), cursor + seq.length));
  }
}
