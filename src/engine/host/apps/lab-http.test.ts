import { describe, expect, it } from 'vitest';
import { httpDate, labHeaders, LIVE_EPOCH_S } from './lab-http';
import { NOT_FOUND_PAGE, PYTHON_NOT_FOUND_PAGE } from './http-server';

// The responses' headers as the lab VM wrote them (tshark's "follow" of the captures), CRLFs kept.
const FILES = import.meta.glob<string>('./fixtures/*.txt', { query: '?raw', import: 'default', eager: true });
const captured = (name: string): string => FILES[`./fixtures/${name}`] as string;
const at = (hms: string): number => {
  const [h, m, s] = hms.split(':').map(Number);
  return ((h as number) * 3600 + (m as number) * 60 + (s as number)) * 1000;
};

describe('httpDate', () => {
  it('writes the simulated time as an IMF-fixdate on the capture day', () => {
    expect(httpDate(at('16:42:56') + 999)).toBe('Fri, 04 Dec 2026 16:42:56 GMT');
    expect(new Date(LIVE_EPOCH_S * 1000).toISOString()).toBe('2026-12-04T00:00:00.000Z');
  });
});

describe('labHeaders', () => {
  it('busybox httpd serving index.html: the nat-lab capture\'s 209 bytes, ETag included', () => {
    const h = labHeaders('busybox', { status: '200 OK', body: 'RS2 10.10.10.13\n', now: at('16:42:56'), mtime: at('16:42:47') });
    expect(h).toBe(captured('busybox-200.txt'));
    expect(h.length).toBe(209);
  });
  it('busybox httpd\'s 404: no length, the page in the same write (traffic capture, 231 bytes in all)', () => {
    const h = labHeaders('busybox', { status: '404 Not Found', body: NOT_FOUND_PAGE, now: at('17:30:26'), mtime: 0 });
    expect(h + NOT_FOUND_PAGE).toBe(captured('busybox-404.txt'));
  });
  it('python3 -m http.server: HTTP/1.0, Server first, Last-Modified last (python-http capture)', () => {
    const h = labHeaders('python3', { status: '200 OK', body: 'S 10.0.0.2\n', now: at('17:50:06'), mtime: at('17:49:26') });
    expect(h).toBe(captured('python-200.txt'));
  });
  it('python3\'s 404 page is 335 bytes, as its Content-Length said on the VM', () => {
    expect(PYTHON_NOT_FOUND_PAGE.length).toBe(335);
    expect(labHeaders('python3', { status: '404 File not found', body: PYTHON_NOT_FOUND_PAGE, now: at('17:50:30'), mtime: 0 })).toContain('Content-Length: 335\r\n\r\n');
  });
});
