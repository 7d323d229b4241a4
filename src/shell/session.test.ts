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

describe('ConsoleSession with a background tcpdump', () => {
  const TIME = /^\d\d:\d\d:\d\d\.\d{6} /;

  it("puts RS1's lines under the curl that made them, before the curl's own output", () => {
    const s = session();
    const script = parseScript('RS1# tcpdump -n -c 2 -i eth0 &\nC# curl -s http://10.10.10.100/\nC# curl -s http://10.10.10.100/\n', s.hostIds());
    if (!script.ok) throw new Error(script.error);
    const lines = s.runScript(script.lines).split('\n');
    const second = lines.lastIndexOf('root@C:~# curl -s http://10.10.10.100/');
    expect(lines.slice(second + 1, second + 3).every((l) => TIME.test(l))).toBe(true);
    expect(lines.slice(second + 3, second + 6)).toEqual(['2 packets captured', '2 packets received by filter', '0 packets dropped by kernel']);
    expect(lines[second + 6]).toBe('<h1>RS1 10.10.10.100</h1>');
  });

  it('answers a "^C" line with the echo, a blank line and the counts, and no prompt', () => {
    const s = session();
    s.type('RS1', 'tcpdump -n -i eth0 arp &');
    expect(s.type('RS1', '^C')).toEqual({ transcript: '^C\n0 packets captured\n0 packets received by filter\n0 packets dropped by kernel\n', exitCode: 130 });
    expect(s.type('RS1', '^C').transcript).toBe('^C\n');
  });
});

describe('Shell jobs', () => {
  it('sends what a job prints after its line returned to the host\'s listeners only, until they stop listening', () => {
    const s = session();
    const rs1: string[] = [];
    const c: string[] = [];
    const stop = s.shell.terminals.listen('RS1', (t) => rs1.push(t));
    s.shell.terminals.listen('C', (t) => c.push(t));
    s.shell.run('RS1', 'tcpdump -n -i eth0');
    s.shell.run('C', 'curl -s http://10.10.10.100/');
    s.shell.run('C', 'curl -s http://10.10.10.100/');
    expect(rs1.length).toBeGreaterThan(0);
    expect(c).toEqual([]);
    stop();
    const seen = rs1.length;
    s.shell.run('C', 'curl -s http://10.10.10.100/');
    s.shell.run('C', 'curl -s http://10.10.10.100/');
    expect(rs1.length).toBe(seen);
    expect(s.shell.jobsOf('RS1').length).toBe(1);
    expect(s.shell.interrupt('RS1').output).toMatch(/^\^C\n\d+ packets captured\n/);
    expect(s.shell.jobsOf('RS1')).toEqual([]);
  });
});
