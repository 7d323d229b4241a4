/**
 * A terminal screen for tests: the few ANSI sequences the console writes (CR, LF, cursor up and
 * right, erase to the end of the line or screen, home, clear), with wrapping at `cols`.
 */
import type { Screen } from './terminal-session';

export class TestScreen implements Screen {
  rows: string[] = [''];
  row = 0;
  col = 0;

  constructor(readonly cols = 80) {}

  write(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const c = text[i] as string;
      if (c === '\x1b') {
        const m = /^\[(\d*)([A-Za-z])/.exec(text.slice(i + 1));
        if (!m) continue;
        i += m[0].length;
        this.escape(Number(m[1] || '1'), m[1] ?? '', m[2] as string);
      } else if (c === '\r') this.col = 0;
      else if (c === '\n') this.moveTo(this.row + 1, this.col);
      else {
        if (this.col >= this.cols) this.moveTo(this.row + 1, 0);
        const line = (this.rows[this.row] ?? '').padEnd(this.col);
        this.rows[this.row] = line.slice(0, this.col) + c + line.slice(this.col + 1);
        this.col++;
      }
    }
  }

  private escape(n: number, raw: string, op: string): void {
    if (op === 'A') this.row = Math.max(0, this.row - n);
    else if (op === 'C') this.col = Math.min(this.cols - 1, this.col + n);
    else if (op === 'K') this.rows[this.row] = (this.rows[this.row] ?? '').slice(0, this.col);
    else if (op === 'J' && raw === '') {
      this.rows[this.row] = (this.rows[this.row] ?? '').slice(0, this.col);
      this.rows.length = this.row + 1;
    } else if (op === 'J') this.rows = this.rows.map(() => '');
    else if (op === 'H') [this.row, this.col] = [0, 0];
  }

  private moveTo(row: number, col: number): void {
    while (this.rows.length <= row) this.rows.push('');
    [this.row, this.col] = [row, col];
  }

  /** The screen's text, trailing blank rows dropped. */
  text(): string {
    return this.rows.map((r) => r.trimEnd()).join('\n').replace(/\n+$/, '');
  }
}
