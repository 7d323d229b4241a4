import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../engine';
import { ConsoleSession } from '../../session';
import { blocks, labScenario, oracleTranscript } from '../../test/oracle-lab';

const captured = blocks(oracleTranscript('nettools-kernel'));
const outputOf = (host: string, command: string): string => captured.find((b) => b.command === `root@${host}:~# ${command}`)?.output ?? '';

describe('modprobe', () => {
  it('gives every host of the lab a tunl0, down and without addresses, as the oracle showed on A and B', () => {
    const s = ConsoleSession.fromScenario(labScenario('A[0]="lan/02:00:00:00:01:00"\nB[0]="lan/02:00:00:00:02:00"\n'));
    expect(s.shell.run('A', 'modprobe ipip')).toEqual({ output: '', exitCode: 0 });
    const tunl = (h: string): string => {
      const out = s.shell.run(h, 'ifconfig tunl0').output;
      return out.replace(/^( {8}[RT]X packets ).*$/gm, '$1');
    };
    const expected = outputOf('B', 'ifconfig -a').split('\n\n').find((b) => b.startsWith('tunl0'));
    expect(tunl('A')).toBe(`${expected?.replace(/^( {8}[RT]X packets ).*$/gm, '$1')}\n\n`);
    expect(tunl('B')).toBe(tunl('A'));
    expect(s.live.scenario().hosts.every((h) => h.interfaces.some((i) => i.name === 'tunl0' && i.up === false && i.addrs.length === 0))).toBe(true);
    expect(validateScenario(s.live.scenario()).ok).toBe(true);
  });

  it('loads a module once: a second modprobe changes nothing', () => {
    const s = ConsoleSession.fromScenario(labScenario('A[0]="lan/02:00:00:00:01:00"\n'));
    s.shell.run('A', 'modprobe ipip');
    s.shell.run('A', 'modprobe ipip');
    expect(s.live.host('A')?.ifaces.filter((i) => i.name === 'tunl0')).toHaveLength(1);
    expect(s.shell.run('A', 'modprobe ip_vs')).toEqual({ output: '', exitCode: 0 });
  });

  it('fails on an unknown module with the oracle kernel\'s message', () => {
    const s = ConsoleSession.fromScenario(labScenario('A[0]="lan/02:00:00:00:01:00"\n'));
    expect(s.shell.run('A', 'modprobe nosuch')).toEqual({ output: outputOf('A', 'modprobe nosuch'), exitCode: 1 });
    expect(s.shell.run('A', 'modprobe -q nosuch')).toEqual({ output: '', exitCode: 1 });
  });
});
