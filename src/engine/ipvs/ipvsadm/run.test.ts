import { describe, expect, it } from 'vitest';
import { runIpvsadm } from './run';
import { conn, dest, service } from './test-builders';

const web = service('tcp 10.10.10.100:80 rr', [dest('10.10.10.12:80', 'gate', 1, { activeConns: 1 })]);
const table = { services: [web], conns: [conn(web, '10.10.10.1:40000', '10.10.10.12:80', 'ESTABLISHED', 900_000)], now: 0 };

describe('runIpvsadm', () => {
  it('prints -L -n for the table', () => {
    expect(runIpvsadm(['-L', '-n'], table)).toEqual({
      ok: true,
      stdout:
        'IP Virtual Server version 1.2.1 (size=4096)\n' +
        'Prot LocalAddress:Port Scheduler Flags\n' +
        '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n' +
        'TCP  10.10.10.100:80 rr\n' +
        '  -> 10.10.10.12:80               Route   1      1          0         \n',
    });
  });

  it('prints the connection entries, the saved rules, the timeouts and the (absent) daemons', () => {
    expect(runIpvsadm(['-Lnc'], table)).toMatchObject({ stdout: expect.stringContaining('TCP 15:00  ESTABLISHED 10.10.10.1:40000') });
    expect(runIpvsadm(['-S', '-n'], table)).toEqual({
      ok: true, stdout: '-A -t 10.10.10.100:80 -s rr\n-a -t 10.10.10.100:80 -r 10.10.10.12:80 -g -w 1\n',
    });
    // list_timeout(): printf("Timeout (tcp tcpfin udp): %d %d %d\n", …)
    expect(runIpvsadm(['-L', '--timeout'], table)).toEqual({ ok: true, stdout: 'Timeout (tcp tcpfin udp): 900 120 300\n' });
    expect(runIpvsadm(['-L', '--timeout'], { ...table, timeouts: { tcpS: 60, tcpFinS: 30, udpS: 10 } })).toEqual({
      ok: true, stdout: 'Timeout (tcp tcpfin udp): 60 30 10\n',
    });
    expect(runIpvsadm(['-L', '--daemon'], table)).toEqual({ ok: true, stdout: '' });
  });

  it('lists one service without the version header, or fails as list_service() does', () => {
    expect(runIpvsadm(['-L', '-n', '-t', '10.10.10.100:80'], table)).toMatchObject({
      ok: true, stdout: expect.stringMatching(/^Prot LocalAddress:Port Scheduler Flags\n/),
    });
    expect(runIpvsadm(['-L', '-n', '-t', '10.10.10.100:81'], table)).toEqual({
      ok: false, stderr: 'No such service\n', exitCode: 1,
    });
  });

  it('prints refusals on stderr with a newline, with the exit status', () => {
    expect(runIpvsadm(['-L', '-c', '--rate'], table)).toEqual({
      ok: false, stderr: 'options conflicts in the list command\n', exitCode: 2,
    });
  });
});

describe('runIpvsadm: help and version', () => {
  it('prints usage_exit()\'s text for -h and --help, and version() for -v', () => {
    const h = runIpvsadm(['-h'], table);
    expect(h.ok && h.stdout.split('\n').slice(0, 3)).toEqual([
      'ipvsadm v1.31 2019/12/24 (compiled with popt and IPVS v1.2.1)',
      'Usage:',
      '  ipvsadm -A|E virtual-service [-s scheduler] [-p [timeout]] [-M netmask] [--pe persistence_engine] [-b sched-flags]',
    ]);
    expect(runIpvsadm(['--help'], table)).toEqual(h);
    expect(runIpvsadm(['-hn'], table)).toEqual(h);
    expect(runIpvsadm(['-v'], table)).toEqual({ ok: true, stdout: 'ipvsadm v1.31 2019/12/24 (compiled with popt and IPVS v1.2.1)\n' });
  });
});

describe('runIpvsadm without -n', () => {
  it('names ports from /etc/services as getservbyport() does, and keeps numbers it has no name for', () => {
    const dns = service('udp 10.0.0.100:53 lc', [dest('10.0.0.2:5353', 'masq', 1)]);
    const alt = service('tcp 10.0.0.100:8443 rr', [dest('10.0.0.3:8443', 'gate', 1)]);
    const t = { services: [web, dns, alt], conns: [], now: 0 };
    // The oracle's ipvsadm lab (Debian 12 with netbase): "UDP  10.0.0.100:domain lc", "-> 10.0.0.2:mdns".
    expect(runIpvsadm(['-S'], t)).toEqual({
      ok: true,
      stdout: '-A -t 10.0.0.100:8443 -s rr\n-a -t 10.0.0.100:8443 -r 10.0.0.3:8443 -g -w 1\n' +
        '-A -t 10.10.10.100:http -s rr\n-a -t 10.10.10.100:http -r 10.10.10.12:http -g -w 1\n' +
        '-A -u 10.0.0.100:domain -s lc\n-a -u 10.0.0.100:domain -r 10.0.0.2:mdns -m -w 1\n',
    });
    const l = runIpvsadm(['-L'], t);
    expect(l.ok && l.stdout).toContain('UDP  10.0.0.100:domain lc\n  -> 10.0.0.2:mdns                Masq    1      0          0         \n');
    expect(runIpvsadm(['-S', '-n'], t)).toMatchObject({ stdout: expect.stringContaining('-A -u 10.0.0.100:53 -s lc\n') });
  });
});
