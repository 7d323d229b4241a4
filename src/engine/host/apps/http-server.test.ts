import { describe, expect, it } from 'vitest';
import { httpResponse, labWrites, NOT_FOUND_PAGE, PYTHON_NOT_FOUND_PAGE } from './http-server';

describe('labWrites', () => {
  const page = httpResponse('RS1 10.10.10.12\n');
  const head = page.slice(0, page.indexOf('\r\n\r\n') + 4);

  it('writes a page as busybox httpd does: the headers, then the file (fixtures/oracle dr-course: 209 then 16 bytes)', () => {
    expect(labWrites(undefined, page, '/')).toEqual([head, 'RS1 10.10.10.12\n']);
  });

  it('writes busybox\'s error page in one write with its headers (traffic: one 231-byte 404)', () => {
    const notFound = httpResponse(NOT_FOUND_PAGE, '404 Not Found');
    expect(labWrites(undefined, notFound, '/missing.html')).toEqual([notFound]);
  });

  it('writes python3\'s pages, error pages too, as headers then body (python-http: 185 then 335 bytes for the 404)', () => {
    const notFound = httpResponse(PYTHON_NOT_FOUND_PAGE, '404 File not found');
    const cut = notFound.indexOf('\r\n\r\n') + 4;
    expect(labWrites('python3', notFound, '/missing.html')).toEqual([notFound.slice(0, cut), PYTHON_NOT_FOUND_PAGE]);
    expect(labWrites('python3', page, '/index.html')).toEqual([head, 'RS1 10.10.10.12\n']);
  });

  it('writes headers with no body in one write', () => {
    expect(labWrites('python3', head, '/')).toEqual([head]);
  });
});
