import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { responseComplete } from './http-client';

/** The definition responseComplete reads in place: the header block's first Content-Length, by regex. */
function byRegex(data: string, head: boolean): boolean {
  const end = data.indexOf('\r\n\r\n');
  if (end < 0) return false;
  if (head) return true;
  const m = /\r\ncontent-length:[ \t]*(\d+)/i.exec(data.slice(0, end + 2));
  return m !== null && data.length - (end + 4) >= Number(m[1]);
}

const OK = 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5\r\n\r\n';

describe('responseComplete', () => {
  it('waits for the headers, then for Content-Length bytes of body', () => {
    expect(responseComplete('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n', false)).toBe(false);
    expect(responseComplete(`${OK}abcd`, false)).toBe(false);
    expect(responseComplete(`${OK}abcde`, false)).toBe(true);
    expect(responseComplete(OK, true)).toBe(true);
  });

  it('reads the header in any case, after spaces or tabs, and only in the header block', () => {
    expect(responseComplete('HTTP/1.0 200 OK\r\nCONTENT-length:\t 2\r\n\r\nab', false)).toBe(true);
    expect(responseComplete('HTTP/1.0 200 OK\r\nX: 1\r\n\r\n\r\nContent-Length: 0\r\n', false)).toBe(false);
    expect(responseComplete('HTTP/1.0 200 OK\r\nContent-Length: x\r\nContent-Length: 1\r\n\r\nz', false)).toBe(true);
    expect(responseComplete('HTTP/1.0 200 OK\r\nContent-Lengtх: 1\r\n\r\nz', false)).toBe(false);
  });

  it('agrees with the regex it replaces on arbitrary responses', () => {
    const piece = fc.constantFrom('\r\n', '\r\n\r\n', 'Content-Length:', 'content-LENGTH: ', 'Content-Length :', ' ', '\t', '12', '0', 'x', 'K', 'é', 'HTTP/1.1 200 OK', 'CONTENT-LENGTH:7');
    fc.assert(fc.property(fc.array(piece, { maxLength: 14 }), fc.boolean(), (parts, head) => {
      const data = parts.join('');
      expect(responseComplete(data, head)).toBe(byRegex(data, head));
    }), { numRuns: 5000 });
  });
});
