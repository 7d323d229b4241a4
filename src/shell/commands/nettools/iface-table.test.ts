/** ifconfig -s and netstat -i/-r: the short tables net-tools prints (checked whole in the net-forms labs). */
import { describe, expect, it } from 'vitest';
import { ConsoleSession } from '../../session';
import { labScenario } from '../../test/oracle-lab';

const LAB = 'A[0]="lan/02:00:00:00:01:00"\nB[0]="lan/02:00:00:00:02:00"\n';

function typed(lines: readonly string[]): { out: string; status: number } {
  const s = ConsoleSession.fromScenario(labScenario(LAB));
  let r = { output: '', exitCode: 0 };
  for (const line of lines) r = s.shell.run('A', line);
  return { out: r.output, status: r.exitCode };
}

describe('the short interface table', () => {
  it('lists devices and aliases in name order; an alias has no counters of its own', () => {
    const { out } = typed(['ifconfig eth0 10.0.0.1 netmask 255.255.255.0 up', 'ifconfig eth0:0 10.0.0.100 netmask 255.255.255.255 up', 'ifconfig -s']);
    const [head, eth0, alias, lo] = out.split('\n');
    expect(head).toBe('Iface      MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg');
    expect(eth0).toMatch(/^eth0 {13}1500 +\d+ +0 +0 0 +\d+ +0 +0 +0 BMRU$/);
    expect(alias).toBe('eth0:0           1500      - no statistics available -                        BMRU');
    expect(lo).toBe('lo              65536        0      0      0 0             0      0      0      0 LRU');
  });

  it('leaves a device that is down out unless -a is given; netstat -i heads its table as netstat does', () => {
    expect(typed(['ip link set eth0 down', 'ifconfig -s']).out).not.toContain('eth0');
    expect(typed(['ip link set eth0 down', 'ifconfig -a -s']).out).toContain('eth0             1500');
    expect(typed(['netstat -i']).out.split('\n').slice(0, 2)).toEqual([
      'Kernel Interface table', 'Iface             MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg',
    ]);
  });

  it('prints the routing table with route -e\'s columns for netstat -r, and says what it does not simulate', () => {
    expect(typed(['ip addr add 10.0.0.1/24 dev eth0', 'netstat -rn']).out).toBe(
      'Kernel IP routing table\nDestination     Gateway         Genmask         Flags   MSS Window  irtt Iface\n'
      + '10.0.0.0        0.0.0.0         255.255.255.0   U         0 0          0 eth0\n',
    );
    expect(typed(['route -n -e']).out).toBe(typed(['netstat -rn']).out);
    const sockets = typed(['netstat -ant']);
    expect(sockets.status).toBe(1);
    expect(sockets.out).toMatch(/^lvs-flow: netstat: the socket listing is not simulated/);
  });
});
