import { describe, expect, it } from 'vitest';
import { normalizeTranscript } from './normalize';

describe('normalizeTranscript', () => {
  it('masks -Lnc timers and client ports and sorts its entries', () => {
    const a = 'root@D:~# ipvsadm -Lnc\nIPVS connection entries\npro expire state       source             virtual            destination\nTCP 01:53  FIN_WAIT    10.10.10.240:56448 10.10.10.100:80    10.10.10.13:80\nTCP 01:51  FIN_WAIT    10.10.10.240:56416 10.10.10.100:80    10.10.10.12:80\n';
    const b = 'root@D:~# ipvsadm -Lnc\nIPVS connection entries\npro expire state       source             virtual            destination\nTCP 01:59  FIN_WAIT    10.10.10.240:41000 10.10.10.100:80    10.10.10.12:80\nTCP 01:58  FIN_WAIT    10.10.10.240:41002 10.10.10.100:80    10.10.10.13:80\n';
    expect(normalizeTranscript(a)).toBe(normalizeTranscript(b));
  });

  it('keeps what must match: a different real server or state is still a difference', () => {
    const a = 'root@D:~# ipvsadm -Lnc\nTCP 01:53  FIN_WAIT    10.10.10.240:56448 10.10.10.100:80    10.10.10.13:80\n';
    expect(normalizeTranscript(a)).not.toBe(normalizeTranscript(a.replace('10.10.10.13:80', '10.10.10.12:80')));
    expect(normalizeTranscript(a)).not.toBe(normalizeTranscript(a.replace('FIN_WAIT', 'TIME_WAIT')));
  });

  it("masks ping's times, curl's elapsed ms and the veth peer index", () => {
    expect(normalizeTranscript('root@C:~# ping -c 1 a\n64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=0.412 ms\nrtt min/avg/max/mdev = 0.4/0.4/0.4/0.0 ms\n'))
      .toBe('root@C:~# ping -c 1 a\n64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=T ms\nrtt min/avg/max/mdev = T\n');
    expect(normalizeTranscript("curl: (7) Failed to connect to 10.10.10.100 port 80 after 154 ms: Couldn't connect to server")).toContain('after N ms');
    expect(normalizeTranscript('2: eth0@if5: <BROADCAST>')).toBe('2: eth0@ifN: <BROADCAST>');
  });
});
