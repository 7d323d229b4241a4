/** /proc/net files through `cat` (their formats are checked whole in the ipvsadm-forms and net-forms labs). */
import { describe, expect, it } from 'vitest';
import { ConsoleSession } from './session';
import { labScenario } from './test/oracle-lab';

const LAB = 'D[0]="lan/02:00:00:00:01:00"\nR[0]="lan/02:00:00:00:02:00"\n';

describe('/proc/net', () => {
  it('has the IPVS files once ipvsadm has loaded the module: the director\'s table, empty elsewhere', () => {
    const s = ConsoleSession.fromScenario(labScenario(LAB));
    expect(s.shell.run('R', 'cat /proc/net/ip_vs').output).toBe('cat: /proc/net/ip_vs: No such file or directory\n');
    s.shell.run('D', 'ipvsadm -A -t 10.0.0.100:80 -s rr');
    expect(s.shell.run('D', 'cat /proc/net/ip_vs').output).toContain('TCP  0A000064:0050 rr  \n');
    expect(s.shell.run('R', 'cat /proc/net/ip_vs').output.split('\n')).toHaveLength(4);
    expect(s.shell.run('R', 'test -f /proc/net/ip_vs_conn && echo yes').output).toBe('yes\n');
  });

  it('writes the main table to /proc/net/route with each line padded to 127 characters', () => {
    const s = ConsoleSession.fromScenario(labScenario(LAB));
    s.shell.run('D', 'ip addr add 10.10.10.11/24 dev eth0');
    const lines = s.shell.run('D', 'cat /proc/net/route').output.split('\n');
    expect(lines[1]).toBe('eth0\t000A0A0A\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0'.padEnd(127));
    expect(lines.slice(0, -1).every((l) => l.length === 127)).toBe(true);
  });
});
