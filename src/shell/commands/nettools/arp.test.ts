/**
 * arp on a host that resolved one neighbour and failed another, as in the oracle's
 * nettools-kernel lab (there the pings made the entries; here two HTTP clients do).
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../engine';
import { ConsoleSession } from '../../session';
import { sortArpLines } from '../../test/normalize';
import { blocks, labScenario, oracleTranscript } from '../../test/oracle-lab';

const captured = blocks(oracleTranscript('nettools-kernel'));
const outputOf = (command: string): string => captured.find((b) => b.command === `root@A:~# ${command}`)?.output ?? '';

function neighbours(): ConsoleSession {
  const s: Scenario = labScenario('A[0]="lan/02:00:00:00:01:00"\nA[1]="side/02:00:00:00:01:01"\nB[0]="lan/02:00:00:00:02:00"\n');
  const [a, b] = s.hosts;
  if (!a || !b) throw new Error('lab hosts');
  (a.interfaces[0] as { addrs: Array<{ cidr: string }> }).addrs = [{ cidr: '10.0.0.1/24' }];
  (b.interfaces[0] as { addrs: Array<{ cidr: string }> }).addrs = [{ cidr: '10.0.0.2/24' }];
  a.apps = [{ kind: 'http-client', target: '10.0.0.2:80', requests: 1 }, { kind: 'http-client', target: '10.0.0.77:80', requests: 1 }];
  b.apps = [{ kind: 'http-server', port: 80 }];
  return ConsoleSession.fromScenario(s);
}

describe('arp', () => {
  it('shows a resolved and an unresolved neighbour in the table and BSD forms', () => {
    const s = neighbours();
    for (const cmd of ['arp -n', 'arp', 'arp -a', 'arp -an', 'arp -n -i eth0']) {
      expect(sortArpLines(s.shell.run('A', cmd).output), cmd).toBe(sortArpLines(outputOf(cmd)));
    }
  });

  it('says when a device or an address has no entry', () => {
    const s = neighbours();
    expect(s.shell.run('A', 'arp -n -i eth1').output).toBe(outputOf('arp -n -i eth1'));
    expect(s.shell.run('A', 'arp -n 10.0.0.99').output).toBe('10.0.0.99 (10.0.0.99) -- no entry\n');
  });

  it('deletes an entry with -d, and says when there is none', () => {
    const s = neighbours();
    expect(s.shell.run('A', 'arp -d 10.0.0.2')).toEqual({ output: '', exitCode: 0 });
    expect(s.shell.run('A', 'arp -n').output).toBe(outputOf('arp -d 10.0.0.2') + captured[captured.findIndex((b) => b.command === 'root@A:~# arp -d 10.0.0.2') + 1]?.output);
    expect(s.shell.run('A', 'arp -d 10.0.0.2')).toEqual({ output: 'No ARP entry for 10.0.0.2\n', exitCode: 255 });
  });
});
