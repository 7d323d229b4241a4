import { describe, expect, it } from 'vitest';
import { normalizeTranscript } from './normalize';

describe('normalizeTranscript', () => {
  it('masks -Lnc timers and client ports and sorts the entries, keeping the columns', () => {
    const a = 'IPVS connection entries\n' +
      'TCP 01:53  FIN_WAIT    10.10.10.240:56448 10.10.10.100:80    10.10.10.13:80\n' +
      'TCP 00:14  ASSURED     10.0.0.10:0        10.0.0.100:80      10.0.0.2:80\n' +
      'root@D:~# true\n';
    const b = 'IPVS connection entries\n' +
      'TCP 00:14  ASSURED     10.0.0.10:0        10.0.0.100:80      10.0.0.2:80\n' +
      'TCP 01:51  FIN_WAIT    10.10.10.240:41002 10.10.10.100:80    10.10.10.13:80\n' +
      'root@D:~# true\n';
    expect(normalizeTranscript(a)).toBe(normalizeTranscript(b));
    expect(normalizeTranscript(a)).toContain('TCP mm:ss  FIN_WAIT    10.10.10.240:PPPPP 10.10.10.100:80    10.10.10.13:80\n');
  });

  it('keeps what must match: states, servers, well-known ports', () => {
    const a = 'TCP 01:53  FIN_WAIT    10.10.10.240:56448 10.10.10.100:80    10.10.10.13:80\n';
    expect(normalizeTranscript(a)).not.toBe(normalizeTranscript(a.replace('FIN_WAIT', 'CLOSE   ')));
    expect(normalizeTranscript(a)).not.toBe(normalizeTranscript(a.replace('10.10.10.13:80', '10.10.10.12:80')));
  });

  it('reads the oracle\'s bash -c error prefix as a console\'s', () => {
    expect(normalizeTranscript('/usr/bin/bash: line 1: /tmp/nofile: No such file or directory\n'))
      .toBe('bash: /tmp/nofile: No such file or directory\n');
  });
});
