import { describe, expect, it } from 'vitest';
import { blankInterfaceCounters, normalizeOutput, normalizeTranscript, sortArpLines } from './normalize';

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

describe('transcript normalisation', () => {
  it('blanks ifconfig counters and keeps every other line', () => {
    const text = 'eth0: flags=4163<UP>  mtu 1500\n        RX packets 41  bytes 3172 (3.0 KiB)\n        RX errors 0  dropped 0  overruns 0  frame 0\n        TX packets 3  bytes 182 (182.0 B)\n';
    expect(blankInterfaceCounters(text)).toBe('eth0: flags=4163<UP>  mtu 1500\n        RX packets N  bytes N (N)\n        RX errors 0  dropped 0  overruns 0  frame 0\n        TX packets N  bytes N (N)\n');
  });

  it('sorts arp lines under their header, so hash order does not matter', () => {
    const a = 'Address  HW\n10.0.0.77 x\n10.0.0.2 y\n';
    const b = 'Address  HW\n10.0.0.2 y\n10.0.0.77 x\n';
    expect(sortArpLines(a)).toBe(sortArpLines(b));
    expect(sortArpLines(a).startsWith('Address  HW\n')).toBe(true);
  });

  it('sorts only arp output', () => {
    expect(normalizeOutput('root@A:~# route -n', 'b\na\n')).toBe('b\na\n');
    expect(normalizeOutput('root@A:~# arp -a', 'b\na\n')).toBe('a\nb\n');
  });
});
