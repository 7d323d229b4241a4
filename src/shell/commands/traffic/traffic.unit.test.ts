/** The pieces of the traffic commands, on values taken from the lab VM's captures. */
import { describe, expect, it } from 'vitest';
import { max5, progressMeter, time2str } from './curl-meter';
import { parseCurlArgs } from './curl-options';
import { formatRtt, formatStatistics } from './ping-format';
import { parseUrl } from './url';

describe('ping lines', () => {
  it('shows a round trip with 3, 2, 1 or 0 decimals by its size, as iputils does', () => {
    expect([formatRtt(996), formatRtt(1356), formatRtt(13979), formatRtt(123456)]).toEqual(['0.996', '1.36', '14.0', '123']);
  });

  it('computes the rtt line in integer µs with an integer square root for mdev (the nat-lab capture: 13979 and 996 µs)', () => {
    const s = formatStatistics('20.20.20.11', { transmitted: 2, received: 2, duplicates: 0, errors: 0, spanMs: 1004, rttsUs: [13979, 996], pipe: 1 });
    expect(s).toBe('\n--- 20.20.20.11 ping statistics ---\n2 packets transmitted, 2 received, 0% packet loss, time 1004ms\nrtt min/avg/max/mdev = 0.996/7.487/13.979/6.491 ms\n');
  });

  it('ends with an empty line and adds errors and pipe when nothing came back', () => {
    const s = formatStatistics('10.0.0.99', { transmitted: 5, received: 0, duplicates: 0, errors: 3, spanMs: 4000, rttsUs: [], pipe: 3 });
    expect(s).toBe('\n--- 10.0.0.99 ping statistics ---\n5 packets transmitted, 0 received, +3 errors, 100% packet loss, time 4000ms\npipe 3\n');
    expect(formatStatistics('x', { transmitted: 3, received: 1, duplicates: 0, errors: 0, spanMs: 0, rttsUs: [1000], pipe: 1 })).toContain(', 66.6667% packet loss');
  });
});

describe('curl', () => {
  it('reads grouped letters, values in the same word, prefixes of long options, and names the ambiguous', () => {
    const r = parseCurlArgs(['-sSm5', '--connect-ti', '2', 'http://x/']);
    expect(r.ok && [r.options.silent, r.options.showError, r.options.maxTimeMs, r.options.connectTimeoutMs, r.options.urls]).toEqual([true, true, 5000, 2000, ['http://x/']]);
    expect(parseCurlArgs(['--max', '1'])).toMatchObject({ ok: false, status: 2, message: expect.stringContaining('curl: option --max: is ambiguous') });
    expect(parseCurlArgs(['-X', 'POST'])).toMatchObject({ ok: false, message: 'lvs-flow: curl: option --request is not simulated\n' });
  });

  it('takes URLs with and without a scheme, a port, a path and a query; refuses bad ports and unknown schemes', () => {
    expect(parseUrl('10.0.0.1')).toEqual({ ok: true, url: { scheme: 'http', host: '10.0.0.1', port: 80, path: '/', hostHeader: '10.0.0.1' } });
    expect(parseUrl('http://10.0.0.2:8080/a?b#c')).toEqual({ ok: true, url: { scheme: 'http', host: '10.0.0.2', port: 8080, path: '/a?b', hostHeader: '10.0.0.2:8080' } });
    expect(parseUrl('http://10.0.0.1:99999/')).toEqual({ ok: false, problem: 'bad-url' });
    expect(parseUrl('foo://x/')).toEqual({ ok: false, problem: 'unsupported-scheme', scheme: 'foo' });
  });

  it('formats the progress meter\'s columns as lib/progress.c does', () => {
    expect([max5(11), max5(123456), time2str(0), time2str(1)]).toEqual(['   11', ' 120k', '--:--:--', ' 0:00:01']);
    let err = '';
    progressMeter(0, (s) => (err += s)).done(1000, 11, 11);
    expect(err).toBe('  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n'
      + '                                 Dload  Upload   Total   Spent    Left  Speed\n'
      + '\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0'
      + '\r100    11  100    11    0     0     11      0  0:00:01  0:00:01 --:--:--    11\n');
  });
});
