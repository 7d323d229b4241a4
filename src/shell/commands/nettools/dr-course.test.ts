/**
 * The course's LVS-DR real-server commands (section 四) on RS1, as the oracle's dr-course lab
 * typed them: afterwards the live scenario has the VIP on lo with label lo:0, the host route
 * through lo:0, and the ARP sysctls; `route -n` and `ifconfig lo:0` print what Debian 12
 * printed there, and a world rebuilt from the scenario alone shows the same.
 */
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../engine';
import { ConsoleSession } from '../../session';
import { blankInterfaceCounters } from '../../test/normalize';
import { labScenario } from '../../test/oracle-lab';

const LAB = ['C', 'D', 'RS1', 'RS2'].map((h, i) => `${h}[0]="lan/02:00:00:00:0${i + 1}:00"`).join('\n');

const RS1_STARTUP = [
  'ifconfig eth0 10.10.10.12 netmask 255.255.255.0 up',
  'echo 1 > /proc/sys/net/ipv4/conf/lo/arp_ignore',
  'echo 2 > /proc/sys/net/ipv4/conf/lo/arp_announce',
  'echo 1 > /proc/sys/net/ipv4/conf/all/arp_ignore',
  'echo 2 > /proc/sys/net/ipv4/conf/all/arp_announce',
  'ifconfig lo:0 10.10.10.100 netmask 255.255.255.255 broadcast 10.10.10.100 up',
  'route add -host 10.10.10.100 dev lo:0',
];

/** From the oracle's dr-course transcript (Debian 12, net-tools 2.10). */
const ROUTE_N = `Kernel IP routing table
Destination     Gateway         Genmask         Flags Metric Ref    Use Iface
10.10.10.0      0.0.0.0         255.255.255.0   U     0      0        0 eth0
10.10.10.100    0.0.0.0         255.255.255.255 UH    0      0        0 lo
`;
const IFCONFIG_LO0 = `lo:0: flags=73<UP,LOOPBACK,RUNNING>  mtu 65536
        inet 10.10.10.100  netmask 255.255.255.255
        loop  txqueuelen 1000  (Local Loopback)

`;

describe('the course DR commands on RS1', () => {
  const s = ConsoleSession.fromScenario(labScenario(LAB));
  const statuses = RS1_STARTUP.map((line) => s.shell.run('RS1', line));

  it('run silently, as on the oracle', () => {
    expect(statuses).toEqual(RS1_STARTUP.map(() => ({ output: '', exitCode: 0 })));
  });

  it('print the route table and the alias as Debian 12 did', () => {
    expect(s.shell.run('RS1', 'route -n').output).toBe(ROUTE_N);
    expect(s.shell.run('RS1', 'ifconfig lo:0').output).toBe(IFCONFIG_LO0);
  });

  it('leave the VIP on lo:0, the route and the sysctls in the scenario, which validates', () => {
    const rs1 = s.live.scenario().hosts.find((h) => h.id === 'RS1');
    expect(rs1?.interfaces.find((i) => i.name === 'lo')?.addrs).toEqual([{ cidr: '10.10.10.100/32', label: 'lo:0', brd: '10.10.10.100' }]);
    expect(rs1?.interfaces.find((i) => i.name === 'eth0')?.addrs).toEqual([{ cidr: '10.10.10.12/24', brd: '10.10.10.255' }]);
    expect(rs1?.routes).toEqual([{ dst: '10.10.10.100/32', dev: 'lo', src: '10.10.10.100' }]);
    expect(rs1?.sysctl).toMatchObject({
      'net.ipv4.conf.lo.arp_ignore': 1, 'net.ipv4.conf.lo.arp_announce': 2,
      'net.ipv4.conf.all.arp_ignore': 1, 'net.ipv4.conf.all.arp_announce': 2,
    });
    expect(validateScenario(s.live.scenario()).ok).toBe(true);
  });

  it('give the same views when the world is rebuilt from the scenario alone', () => {
    const again = ConsoleSession.fromScenario(s.live.scenario());
    for (const cmd of ['route -n', 'ifconfig lo:0', 'ifconfig', 'sysctl net.ipv4.conf.lo.arp_ignore net.ipv4.conf.all.arp_announce']) {
      expect(blankInterfaceCounters(again.shell.run('RS1', cmd).output), cmd).toBe(blankInterfaceCounters(s.shell.run('RS1', cmd).output));
    }
  });
});
