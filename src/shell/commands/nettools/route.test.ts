import { describe, expect, it } from 'vitest';
import { ConsoleSession } from '../../session';
import { blocks, labScenario, oracleTranscript } from '../../test/oracle-lab';

const captured = blocks(oracleTranscript('nettools-kernel'));
const outputOf = (command: string, nth = 0): string => captured.filter((b) => b.command === `root@A:~# ${command}`)[nth]?.output ?? '';

function lab(): ConsoleSession {
  const s = ConsoleSession.fromScenario(labScenario('A[0]="lan/02:00:00:00:01:00"\nA[1]="side/02:00:00:00:01:01"\n'));
  s.shell.run('A', 'ifconfig eth0 10.0.0.1 netmask 255.255.255.0 up');
  s.shell.run('A', 'ifconfig eth0:1 10.0.0.51');
  return s;
}

describe('route', () => {
  it('lists /proc/net/route\'s order: by destination, the longer prefix first under one key', () => {
    const s = lab();
    s.shell.run('A', 'route add -host 10.0.0.77 gw 10.0.0.2');
    s.shell.run('A', 'route add -net 192.168.50.0 netmask 255.255.255.0 dev eth0');
    s.shell.run('A', 'route add default gw 10.0.0.2');
    expect(s.shell.run('A', 'route -n').output).toBe(`Kernel IP routing table
Destination     Gateway         Genmask         Flags Metric Ref    Use Iface
0.0.0.0         10.0.0.2        0.0.0.0         UG    0      0        0 eth0
10.0.0.0        0.0.0.0         255.255.255.0   U     0      0        0 eth0
10.0.0.0        0.0.0.0         255.0.0.0       U     0      0        0 eth0
10.0.0.77       10.0.0.2        255.255.255.255 UGH   0      0        0 eth0
192.168.50.0    0.0.0.0         255.255.255.0   U     0      0        0 eth0
`);
    expect(s.shell.run('A', 'route').output.split('\n')[2]).toBe('default         10.0.0.2        0.0.0.0         UG    0      0        0 eth0');
  });

  it('fails as the kernel does: an existing route, a missing device, a network without netmask, an unreachable gateway', () => {
    const s = lab();
    s.shell.run('A', 'route add -net 192.168.50.0 netmask 255.255.255.0 dev eth0');
    expect(s.shell.run('A', 'route add -net 192.168.50.0 netmask 255.255.255.0 dev eth0').output).toBe(outputOf('route add -net 192.168.50.0 netmask 255.255.255.0 dev eth0', 1));
    for (const cmd of ['route add -host 10.0.0.5 dev eth7', 'route add -net 10.1.0.0 gw 10.0.0.2', 'route add -net 10.5.0.0 netmask 255.255.0.0 gw 10.0.0.2 dev eth1',
      'route del -net 10.99.0.0 netmask 255.255.0.0', 'route del -net 192.168.50.0 netmask 255.255.255.0 gw 10.0.0.2']) {
      expect(s.shell.run('A', cmd).output, cmd).toBe(outputOf(cmd));
    }
    expect(s.shell.run('A', 'route add -net 10.1.0.0 gw 10.0.0.2').exitCode).toBe(7);
  });

  it('checks its arguments as net-tools does', () => {
    const s = lab();
    for (const cmd of ['route add -net 10.4.0.1 netmask 255.255.0.0 dev eth0', 'route add -host 300.1.1.1 dev eth0', 'route add', 'route add foo', 'route del', 'route -x']) {
      expect(s.shell.run('A', cmd).output, cmd).toBe(outputOf(cmd));
    }
    expect(s.shell.run('A', 'route -x').exitCode).toBe(3);
    expect(s.shell.run('A', 'route add').exitCode).toBe(0);
  });

  it('routes through an alias by its device, with the alias address as source, and drops the route with the alias', () => {
    const s = lab();
    s.shell.run('A', 'ifconfig lo:0 10.0.0.200 netmask 255.255.255.255 broadcast 10.0.0.200 up');
    expect(s.shell.run('A', 'route add -host 10.0.0.200 dev lo:0').exitCode).toBe(0);
    expect(s.live.scenario().hosts[0]?.routes).toEqual([{ dst: '10.0.0.200/32', dev: 'lo', src: '10.0.0.200' }]);
    expect(s.shell.run('A', 'route add -host 10.0.0.201 dev lo:5').output).toBe('SIOCADDRT: No such device\n');
    s.shell.run('A', 'ifconfig lo:0 down');
    expect(s.live.scenario().hosts[0]?.routes).toBeUndefined();
  });

  it('refuses what the scenario cannot hold, in words', () => {
    const s = lab();
    expect(s.shell.run('A', 'route add -net 10.1.0.0 netmask 255.255.0.0 gw 10.0.0.2 metric 5')).toEqual({ output: 'route: lvs-flow does not simulate route metrics (metric 5)\n', exitCode: 1 });
  });
});
