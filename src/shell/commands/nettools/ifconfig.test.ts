import { describe, expect, it } from 'vitest';
import { getPreset } from '../../../engine';
import { ConsoleSession } from '../../session';
import { labScenario } from '../../test/oracle-lab';
import { compareInterfaceNames, humanBytes } from './ifconfig-show';
import { inetAton } from './inet';

const lab = (): ConsoleSession => ConsoleSession.fromScenario(labScenario('A[0]="lan/02:00:00:00:01:00"\nA[1]="side/02:00:00:00:01:01"\n'));
const addrsOf = (s: ConsoleSession, dev: string): string[] =>
  (s.live.host('A')?.ifByName.get(dev)?.addrs ?? []).map((a) => `${a.label} ${a.addr >>> 24}.${(a.addr >>> 16) & 255}.${(a.addr >>> 8) & 255}.${a.addr & 255}/${a.len}${a.secondary ? ' secondary' : ''}${a.brd !== undefined ? ` brd ${a.brd >>> 24}.${(a.brd >>> 16) & 255}.${(a.brd >>> 8) & 255}.${a.brd & 255}` : ''}`);

describe('ifconfig', () => {
  it('keeps the classful broadcast when a /32 netmask follows (SIOCSIFNETMASK leaves a broadcast that no longer matches)', () => {
    const s = lab();
    s.shell.run('A', 'ifconfig eth0 10.0.0.1 netmask 255.255.255.0 up');
    s.shell.run('A', 'ifconfig eth0:0 10.10.10.100 netmask 255.255.255.255 up');
    expect(addrsOf(s, 'eth0')).toEqual(['eth0 10.0.0.1/24 brd 10.0.0.255', 'eth0:0 10.10.10.100/32 brd 10.255.255.255']);
  });

  it('orders primaries and secondaries as __inet_insert_ifa does (the oracle\'s ip addr show)', () => {
    const s = lab();
    for (const l of ['ifconfig eth0 10.0.0.1 netmask 255.255.255.0 up', 'ifconfig eth0:0 10.10.10.100 netmask 255.255.255.255 up',
      'ifconfig eth0:1 10.0.0.50', 'ifconfig eth0:2 10.0.0.60 netmask 255.255.255.0', 'ifconfig eth0:3 192.168.1.10',
      'ifconfig eth0:4 172.16.5.5 netmask 255.255.255.128 broadcast 172.16.5.127']) s.shell.run('A', l);
    expect(addrsOf(s, 'eth0')).toEqual([
      'eth0 10.0.0.1/24 brd 10.0.0.255', 'eth0:0 10.10.10.100/32 brd 10.255.255.255', 'eth0:1 10.0.0.50/8 brd 10.255.255.255',
      'eth0:3 192.168.1.10/24 brd 192.168.1.255', 'eth0:4 172.16.5.5/25 brd 172.16.5.127', 'eth0:2 10.0.0.60/24 secondary brd 10.0.0.255',
    ]);
    // Replacing a primary's address takes the secondaries of its subnet with it.
    s.shell.run('A', 'ifconfig eth0 10.0.0.9');
    expect(addrsOf(s, 'eth0')).toEqual([
      'eth0:0 10.10.10.100/32 brd 10.255.255.255', 'eth0:1 10.0.0.50/8 brd 10.255.255.255', 'eth0:3 192.168.1.10/24 brd 192.168.1.255',
      'eth0:4 172.16.5.5/25 brd 172.16.5.127', 'eth0 10.0.0.9/8 secondary brd 10.255.255.255',
    ]);
  });

  it('deletes an alias with down or 0.0.0.0, and a device address with 0', () => {
    const s = lab();
    s.shell.run('A', 'ifconfig eth1 10.20.0.1 netmask 255.255.0.0 up');
    s.shell.run('A', 'ifconfig eth1:0 10.30.0.1 up');
    s.shell.run('A', 'ifconfig eth1:0 0');
    expect(addrsOf(s, 'eth1')).toEqual(['eth1 10.20.0.1/16 brd 10.20.255.255']);
    s.shell.run('A', 'ifconfig eth1 0');
    expect(addrsOf(s, 'eth1')).toEqual([]);
    expect(s.shell.run('A', 'ifconfig eth1:7 down')).toEqual({ output: 'SIOCSIFFLAGS: Cannot assign requested address\n', exitCode: 1 });
  });

  it('reports a missing device and a bad address as net-tools does', () => {
    const s = lab();
    expect(s.shell.run('A', 'ifconfig eth9')).toEqual({ output: 'eth9: error fetching interface information: Device not found\n', exitCode: 1 });
    expect(s.shell.run('A', 'ifconfig eth9 1.2.3.4')).toEqual({ output: 'SIOCSIFADDR: No such device\neth9: ERROR while getting interface flags: No such device\n', exitCode: 1 });
    expect(s.shell.run('A', 'ifconfig eth0 10.10.10.300')).toEqual({ output: "10.10.10.300: Unknown host\nifconfig: `--help' gives usage information.\n", exitCode: 1 });
  });

  it('counts each frame on both ends of a link', () => {
    const s = ConsoleSession.fromScenario(getPreset('lan-arp') ?? labScenario(''));
    const c = s.live.host('C')?.ifByName.get('eth0')?.stats;
    const srv = s.live.host('S')?.ifByName.get('eth0')?.stats;
    expect(c?.txPackets).toBeGreaterThan(3);
    expect([c?.txPackets, c?.txBytes, c?.rxPackets, c?.rxBytes]).toEqual([srv?.rxPackets, srv?.rxBytes, srv?.txPackets, srv?.txBytes]);
    expect(s.shell.run('C', 'ifconfig eth0').output).toContain(`        TX packets ${c?.txPackets}  bytes ${c?.txBytes} (`);
  });

  it('prints byte counts as net-tools rounds them', () => {
    expect([humanBytes(0), humanBytes(182), humanBytes(1024), humanBytes(1025), humanBytes(3172), humanBytes(5 * 2 ** 20 + 1)]).toEqual(['0.0 B', '182.0 B', '1024.0 B', '1.0 KiB', '3.0 KiB', '5.0 MiB']);
  });

  it('sorts names as nstrcmp: numbers by value, a device before its aliases', () => {
    const names = ['tunl0', 'eth10', 'eth0:10', 'lo', 'eth0:2', 'eth1', 'eth0', 'lo:0'];
    expect([...names].sort(compareInterfaceNames)).toEqual(['eth0', 'eth0:2', 'eth0:10', 'eth1', 'eth10', 'lo', 'lo:0', 'tunl0']);
  });

  it('reads addresses as inet_aton does', () => {
    expect(['10.1', '0x0a.0.0.1', '010.0.0.1', '10.0.0.256', '1.2.3.4.5', 'foo'].map(inetAton)).toEqual([0x0a000001, 0x0a000001, 0x08000001, undefined, undefined, undefined]);
  });
});
