import { describe, expect, it } from 'vitest';
import { columns, crlf, redraw } from './render';

describe('redraw', () => {
  it('rewrites the line from the first column and puts the cursor after the prompt and the text before it', () => {
    expect(redraw('# ', 'ip a', 2, 6, 80)).toBe('\r# ip a\x1b[J\r\x1b[4C');
  });

  it('climbs back over the rows a wrapped line took before redrawing', () => {
    const out = redraw('# ', 'x'.repeat(20), 20, 22, 10);
    expect(out.startsWith('\x1b[2A\r# ')).toBe(true);
  });

  it('moves a cursor waiting to wrap onto the next row when the line fills its row', () => {
    expect(redraw('# ', 'abcdefgh', 8, 2, 10)).toBe('\r# abcdefgh\x1b[J \r\x1b[K\r');
  });
});

describe('columns', () => {
  it('lists names down the columns, as bash lists completions', () => {
    expect(columns(['cat', 'clear', 'curl'], 16)).toBe('cat    curl\r\nclear\r\n');
  });
});

describe('crlf', () => {
  it('ends every line with CR LF', () => {
    expect(crlf('a\nb\r\nc')).toBe('a\r\nb\r\nc');
  });
});
