/**
 * What to write to the terminal to redraw the prompt and the line being edited, from where the
 * cursor stands now, over as many rows as the line wraps to. Pure text with ANSI sequences.
 */

/** Shell output uses "\n"; a terminal needs "\r\n" to return to the first column. */
export const crlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');

/** Root's prompt on a Debian host, working directory /root. */
export const promptOf = (host: string): string => `root@${host}:~# `;

/**
 * Redraws `prompt + line` and puts the cursor at `cursor` in the line; `oldCursor` is where the
 * terminal's cursor is now, counted the same way (prompt included), so the row it is on can be found.
 */
export function redraw(prompt: string, line: string, cursor: number, oldCursor: number, cols: number): string {
  const width = Math.max(1, cols);
  const text = prompt + line;
  let out = '';
  const fromRow = Math.floor(oldCursor / width);
  if (fromRow > 0) out += `\x1b[${fromRow}A`;
  out += `\r${text}\x1b[J`;
  // A line that fills its last row leaves the cursor waiting to wrap: move it onto the next row.
  if (text.length > 0 && text.length % width === 0) out += ' \r\x1b[K';
  const endRow = Math.floor(text.length / width);
  const target = prompt.length + cursor;
  const toRow = Math.floor(target / width);
  if (endRow > toRow) out += `\x1b[${endRow - toRow}A`;
  out += '\r';
  if (target % width > 0) out += `\x1b[${target % width}C`;
  return out;
}

/** Names in columns as bash lists completions: sorted down the columns, two spaces apart. */
export function columns(names: readonly string[], cols: number): string {
  if (names.length === 0) return '';
  const cell = Math.max(...names.map((n) => n.length)) + 2;
  const perRow = Math.max(1, Math.floor(cols / cell));
  const rows = Math.ceil(names.length / perRow);
  let out = '';
  for (let r = 0; r < rows; r++) {
    const row: string[] = [];
    for (let c = 0; c < perRow; c++) {
      const n = names[c * rows + r];
      if (n !== undefined) row.push(n.padEnd(cell));
    }
    out += `${row.join('').trimEnd()}\r\n`;
  }
  return out;
}
