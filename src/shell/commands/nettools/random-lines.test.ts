/**
 * Random argument lists for ifconfig, route, arp, sysctl and modprobe, made of the words
 * these tools take and of junk: none throws, a failing command always says something, and
 * the scenario that follows every change still validates. Seeded, so a failure replays.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../engine';
import { ConsoleSession } from '../../session';
import { labScenario } from '../../test/oracle-lab';

const WORDS = [
  'eth0', 'eth1', 'eth0:0', 'eth0:1', 'lo', 'lo:0', 'tunl0', 'eth9', 'up', 'down', 'netmask', 'broadcast', 'mtu', '1500',
  '10.0.0.1', '10.0.0.2', '10.0.0.100', '10.10.10.100', '0', '0.0.0.0', '255.255.255.0', '255.255.255.255', '255.0.255.0', '224.0.0.1',
  '10.0.0.0/24', '10.1.0.0/16', '1.2.3.4/40', 'add', 'del', 'delete', 'flush', '-net', '-host', 'gw', 'dev', 'default', 'metric',
  '-n', '-a', '-e', '-i', '-d', '-w', '-p', '-q', '-N', '-x', '-v', '--help', 'net.ipv4.ip_forward=1', 'net.ipv4.ip_forward=0',
  'net.ipv4.conf.all.arp_ignore=1', 'net.ipv4.conf.lo.arp_announce=2', 'net.ipv4.conf.eth0.rp_filter=3', 'net.ipv4.tcp_rmem=1 2 3',
  'net/ipv4/conf/all', 'net.ipv4.conf.eth0', 'net.ipv4.nope', 'kernel.x', '=', '-net.ipv4.x=1', '/etc/sysctl.conf', 'ipip', 'ip_vs', 'nosuch',
  'foo', '', '-', ':', 'eth0:', '10.0.0.300', '0x0a000001', '-A', 'inet6', 'reject',
];
const TOOLS = ['ifconfig', 'route', 'arp', 'sysctl', 'modprobe'];

const line = fc.tuple(fc.constantFrom(...TOOLS), fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }), { maxLength: 8 }));

describe('random net-tools, sysctl and modprobe lines', () => {
  it('never throw, always explain a failure, and leave a valid scenario', () => {
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 25 }), (lines) => {
      const s = ConsoleSession.fromScenario(labScenario('A[0]="lan/02:00:00:00:01:00"\nA[1]="side/02:00:00:00:01:01"\nB[0]="lan/02:00:00:00:02:00"\n'));
      for (const [tool, args] of lines) {
        // Single-quoted words reach the tool as typed.
        const text = [tool, ...args.map((a) => `'${a.replace(/'/g, '')}'`)].join(' ');
        const r = s.shell.run('A', text);
        expect(Number.isInteger(r.exitCode)).toBe(true);
        // -q and -e ask for silence (modprobe -q, sysctl -e), as on Linux.
        const quiet = args.includes('-q') || args.includes('-e');
        if (r.exitCode !== 0 && !quiet) expect(r.output.length, text).toBeGreaterThan(0);
      }
      const v = validateScenario(s.live.scenario());
      expect(v.ok ? 'valid' : v.error).toBe('valid');
    }), { seed: 11, numRuns: 150 });
  });
});
