/**
 * sysctl against the oracle's captures (fixture results/nettools-kernel): -a lists net.ipv4
 * as the lab host did, -p reads a file as procps does, and writes reach the engine and the
 * scenario only for the keys the engine models.
 */
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../engine';
import { ConsoleSession } from '../../session';
import { blocks, labScenario, oracleTranscript } from '../../test/oracle-lab';

const LAB = 'A[0]="lan/02:00:00:00:01:00"\nA[1]="side/02:00:00:00:01:01"\nB[0]="lan/02:00:00:00:02:00"\n';
const captured = blocks(oracleTranscript('nettools-kernel'));
const outputOf = (command: string, nth = 0): string => {
  const found = captured.filter((b) => b.command === `root@A:~# ${command}`);
  const b = found[nth];
  if (!b) throw new Error(`no captured block for ${command}`);
  return b.output;
};

function session(): ConsoleSession {
  return ConsoleSession.fromScenario(labScenario(LAB));
}

describe('sysctl', () => {
  it('lists net.ipv4 with -a as the oracle host did at the start of its session', () => {
    const s = session();
    expect(s.shell.run('A', 'sysctl -a').output).toBe(outputOf('sysctl -a 2>/dev/null | grep ^net.ipv4'));
  });

  it('loads a file with -p: warnings first, then each setting in order, with the kernel EINVAL', () => {
    const s = session();
    s.shell.run('A', 'sysctl -w net.ipv4.conf.eth0.rp_filter=1');
    s.shell.filesOf('A').write('/tmp/sysctl-kernel.conf', '# c\n; also c\n\nnet.ipv4.conf.all.arp_announce=2\n  net.ipv4.conf.lo.arp_announce  =  2  \n-net.ipv4.nope = 1\nnet.ipv4.nope2 = 1\nnet.ipv4.ip_forward = x\nbogus line\nnet/ipv4/conf/lo/arp_ignore = 1\n', false);
    for (const cmd of ['sysctl -p /tmp/sysctl-kernel.conf', 'sysctl -q -p /tmp/sysctl-kernel.conf', 'sysctl -p /tmp/sysctl-kernel.conf /tmp/sysctl-kernel.conf', 'sysctl -p/tmp/sysctl-kernel.conf']) {
      expect(s.shell.run('A', cmd).output).toBe(outputOf(cmd));
    }
    expect(s.live.host('A')?.sysctl.get('net.ipv4.conf.lo.arp_ignore')).toBe(1);
  });

  it('reads with / separators, -n, and reports a missing key as the missing file', () => {
    const s = session();
    expect(s.shell.run('A', 'sysctl net/ipv4/ip_forward').output).toBe(outputOf('sysctl net/ipv4/ip_forward'));
    const r = s.shell.run('A', 'sysctl net.ipv4.nope');
    expect(r.output).toBe(outputOf('sysctl net.ipv4.nope'));
    expect(r.exitCode).toBe(1);
    expect(s.shell.run('A', 'sysctl -e net.ipv4.nope').output).toBe('');
  });

  it('writes as the kernel parses: leading blanks, extra values ignored, junk and overflow refused', () => {
    const s = session();
    for (const cmd of ['sysctl -w net.ipv4.ip_forward=abc', 'sysctl -w net.ipv4.ip_forward=', 'sysctl -w net.ipv4.ip_forward=99999999999', 'sysctl -w net.ipv4.icmp_ratelimit=-5', 'sysctl -w net.ipv4.conf.all=1', 'sysctl -w net.ipv4.ip_forward', 'sysctl -w']) {
      expect(s.shell.run('A', cmd).output, cmd).toBe(outputOf(cmd));
    }
    expect(s.shell.run('A', 'sysctl -w net.ipv4.conf.all.arp_ignore="1 2"').output).toBe('net.ipv4.conf.all.arp_ignore = 1 2\n');
    expect(s.shell.run('A', 'sysctl -n net.ipv4.conf.all.arp_ignore').output).toBe('1\n');
    expect(s.shell.run('A', 'sysctl -w net.ipv4.conf.all.arp_ignore=" 3"').output).toBe(outputOf('sysctl -w net.ipv4.conf.all.arp_ignore=" 3"'));
  });

  it('goes on after a bad key among several', () => {
    const s = session();
    const cmd = 'sysctl -w net.ipv4.ip_forward=0 net.ipv4.nope=1 net.ipv4.conf.all.arp_ignore=1';
    expect(s.shell.run('A', cmd).output).toBe(outputOf(cmd));
    expect(s.live.host('A')?.sysctl.get('net.ipv4.ip_forward')).toBe(0);
  });

  it('lists a folder as its files and flips all.accept_redirects with forwarding', () => {
    const s = session();
    s.shell.run('A', 'sysctl -w net/ipv4/conf/all/arp_ignore=1');
    expect(s.shell.run('A', 'sysctl net.ipv4.conf.all').output).toBe(outputOf('sysctl net.ipv4.conf.all'));
    s.shell.run('A', 'sysctl -w net.ipv4.ip_forward=0');
    expect(s.shell.run('A', 'sysctl -n net.ipv4.conf.all.accept_redirects').output).toBe('1\n');
  });

  it('changes the engine and the scenario for an engine key, and only the store for the others', () => {
    const s = session();
    s.shell.run('A', 'sysctl -w net.ipv4.conf.lo.arp_ignore=1 net.ipv4.tcp_fin_timeout=30');
    s.shell.run('A', 'echo 2 > /proc/sys/net/ipv4/conf/all/arp_announce');
    const spec = s.live.scenario().hosts.find((h) => h.id === 'A');
    expect(spec?.sysctl).toMatchObject({ 'net.ipv4.conf.lo.arp_ignore': 1, 'net.ipv4.conf.all.arp_announce': 2 });
    expect(Object.keys(spec?.sysctl ?? {})).not.toContain('net.ipv4.tcp_fin_timeout');
    expect(s.shell.run('A', 'cat /proc/sys/net/ipv4/tcp_fin_timeout').output).toBe('30\n');
    expect(validateScenario(s.live.scenario()).ok).toBe(true);
  });

  it('says plainly which values and trees it does not simulate', () => {
    const s = session();
    const r = s.shell.run('A', 'sysctl -w net.ipv4.ip_forward=2');
    expect(r.exitCode).toBe(1);
    expect(r.output).toBe('sysctl: lvs-flow simulates net.ipv4.ip_forward = 0, 1 (not 2)\n');
    expect(s.shell.run('A', 'sysctl kernel.hostname').output).toBe('sysctl: lvs-flow simulates net.ipv4 only, not kernel.hostname\n');
  });

  it('prints its usage with no argument and treats an unknown option as help', () => {
    const s = session();
    expect(s.shell.run('A', 'sysctl')).toEqual({ output: outputOf('sysctl'), exitCode: 1 });
    expect(s.shell.run('A', 'sysctl -x').output).toBe(outputOf('sysctl -x'));
  });

  it('keeps to the keys -r/--pattern matches (an extended regular expression on the dotted name)', () => {
    const s = session();
    const all = s.shell.run('A', 'sysctl -a').output.split('\n').filter((l) => /arp_announce/.test(l));
    expect(s.shell.run('A', 'sysctl -a --pattern arp_announce').output).toBe(`${all.join('\n')}\n`);
    expect(s.shell.run('A', 'sysctl -a -r arp_announce').output).toBe(`${all.join('\n')}\n`);
    expect(s.shell.run('A', 'sysctl -r ^net.ipv4.ip_f net.ipv4.ip_forward net.ipv4.tcp_syncookies').output).toBe('net.ipv4.ip_forward = 1\n');
  });
});
