import { describe, expect, it } from 'vitest';
import { getPreset } from '../engine';
import { ConsoleSession, parseScript } from './session';

function session(): ConsoleSession {
  return ConsoleSession.fromScenario(getPreset('dr-lab')!);
}

describe('parseScript', () => {
  it('reads HOST# lines, skips comments and blanks, and keeps a bare sleep', () => {
    const r = parseScript('# a comment\n\nC# curl -s http://10.10.10.100/\nsleep 3\nD#ipvsadm -Ln\n', ['C', 'D']);
    expect(r).toEqual({ ok: true, lines: [
      { line: 3, host: 'C', command: 'curl -s http://10.10.10.100/' },
      { line: 4, host: undefined, command: 'sleep 3' },
      { line: 5, host: 'D', command: 'ipvsadm -Ln' },
    ] });
  });

  it('names the line of an unknown host or a line without a host', () => {
    expect(parseScript('X# ls', ['C'])).toEqual({ ok: false, error: 'script line 1: unknown host "X" (hosts: C)' });
    expect(parseScript('ls -l', ['C'])).toEqual({ ok: false, error: 'script line 1: expected "HOST# command", found "ls -l"' });
  });
});

describe('ConsoleSession', () => {
  it('prints the prompt line and exactly what the command printed', () => {
    const s = session();
    expect(s.type('C', 'echo hi; nope').transcript).toBe('root@C:~# echo hi; nope\nhi\nbash: nope: command not found\n');
  });

  it('writes and reads /proc/sys through the host, and the scenario follows', () => {
    const s = session();
    s.type('C', 'echo 2 > /proc/sys/net/ipv4/conf/all/arp_announce');
    expect(s.type('C', 'cat /proc/sys/net/ipv4/conf/all/arp_announce').transcript).toBe('root@C:~# cat /proc/sys/net/ipv4/conf/all/arp_announce\n2\n');
    expect(s.live.scenario().hosts.find((h) => h.id === 'C')?.sysctl?.['net.ipv4.conf.all.arp_announce']).toBe(2);
    expect(s.type('C', 'echo 1 > /proc/sys/net/ipv4/conf/eth7/arp_ignore').transcript).toContain('bash: /proc/sys/net/ipv4/conf/eth7/arp_ignore: No such file or directory\n');
  });

  it('lets simulated time pass with sleep, and records each command in the trace', () => {
    const s = session();
    const before = s.live.now;
    s.type('C', 'sleep 2.5');
    expect(s.live.now).toBe(before + 2500);
    const cmds = s.live.trace.events.filter((e) => e.kind === 'action' && e.action === 'shell-command');
    expect(cmds.map((e) => e.kind === 'action' && e.detail['line'])).toEqual(['sleep 2.5']);
  });

  it('gives the same transcript and trace for the same session', () => {
    const script = 'C# echo a > /tmp/f\nC# cat /tmp/f /tmp/none\nsleep 1\nD# echo 1 > /proc/sys/net/ipv4/ip_forward && cat /proc/sys/net/ipv4/conf/eth0/forwarding\n';
    const run = (): [string, number] => {
      const s = session();
      const p = parseScript(script, s.hostIds());
      if (!p.ok) throw new Error(p.error);
      return [s.runScript(p.lines), s.live.trace.events.length];
    };
    expect(run()).toEqual(run());
    expect(run()[0]).toContain('root@D:~# echo 1 > /proc/sys/net/ipv4/ip_forward && cat /proc/sys/net/ipv4/conf/eth0/forwarding\n1\n');
  });
});
