/**
 * The request curl sends with -A and -H, and what -w writes: each case as the curl-forms lab
 * captured it on the real VM (results/curl-forms: the `> ` lines of -v and the -w lines).
 */
import { describe, expect, it } from 'vitest';
import { curlRequestFor } from './curl-request';
import { writeOut, type TransferFacts } from './curl-writeout';
import { parseUrl, type Url } from './url';

const url = (parseUrl('http://10.0.0.1/') as { ok: true; url: Url }).url;
const lines = (r: string): string[] => r.split('\r\n').slice(0, -2);

describe('curlRequestFor', () => {
  it("sends curl's defaults", () => {
    expect(lines(curlRequestFor(url, false))).toEqual(['GET / HTTP/1.1', 'Host: 10.0.0.1', 'User-Agent: curl/7.88.1', 'Accept: */*']);
  });

  it('puts -A in the default place and a new -H header after the defaults', () => {
    expect(lines(curlRequestFor(url, false, { userAgent: 'lab-agent/1.0', custom: ['X-Lab: 1'] })))
      .toEqual(['GET / HTTP/1.1', 'Host: 10.0.0.1', 'User-Agent: lab-agent/1.0', 'Accept: */*', 'X-Lab: 1']);
  });

  it('lets -H replace a default (moved after the rest), remove one (Name:) or send it empty (Name;)', () => {
    expect(lines(curlRequestFor(url, false, { custom: ['Accept: text/plain', 'User-Agent: mine'] })))
      .toEqual(['GET / HTTP/1.1', 'Host: 10.0.0.1', 'Accept: text/plain', 'User-Agent: mine']);
    expect(lines(curlRequestFor(url, false, { custom: ['Host:', 'Accept;'] }))).toEqual(['GET / HTTP/1.1', 'User-Agent: curl/7.88.1', 'Accept:']);
    expect(lines(curlRequestFor(url, false, { custom: ['bad header'] }))).toEqual(lines(curlRequestFor(url, false)));
  });
});

describe('writeOut', () => {
  const facts: TransferFacts = {
    httpCode: 404, sizeDownload: 124, sizeHeader: 98, sizeRequest: 75, remoteIp: '10.0.0.1', remotePort: 80, localIp: '10.0.0.10',
    method: 'GET', url: 'http://10.0.0.1/', connects: 1, contentType: 'text/html', exitCode: 0, errorMessage: '', totalMs: 3,
    connectMs: 1, filename: undefined,
  };

  it('writes variables, %% and escapes; an unknown variable is a warning and prints nothing', () => {
    expect(writeOut('%{http_code} %{size_download}\\n', facts)).toEqual({ text: '404 124\n', warnings: '' });
    expect(writeOut('tab\\there %% %{nosuchvar} %{http_code}', facts)).toEqual({ text: 'tab\there %  404', warnings: "curl: unknown --write-out variable: 'nosuchvar'\n" });
    expect(writeOut('%{method} %{url_effective} %{num_connects} %{content_type}', facts).text).toBe('GET http://10.0.0.1/ 1 text/html');
  });

  it('pads a missing response code to 000', () => {
    expect(writeOut('%{http_code}', { ...facts, httpCode: 0 }).text).toBe('000');
  });
});
