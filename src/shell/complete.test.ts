import { describe, expect, it } from 'vitest';
import { getPreset } from '../engine';
import { complete, type CompletionSources } from './complete';
import { completionSources } from './complete-sources';
import { ConsoleSession } from './session';

const SRC: CompletionSources = {
  commands: ['arp', 'cat', 'clear', 'curl', 'echo', 'ifconfig', 'ip', 'ipvsadm', 'ipvsadm-restore', 'ipvsadm-save', 'sysctl'],
  interfaces: ['eth0', 'eth0:0', 'lo', 'lo:0'],
  sysctlKeys: ['net.ipv4.conf.all.arp_announce', 'net.ipv4.conf.all.arp_ignore', 'net.ipv4.conf.lo.arp_ignore', 'net.ipv4.ip_forward'],
};
const tab = (line: string) => complete(line, line.length, SRC);

describe('complete', () => {
  it('completes a command name with one match and adds a space', () => {
    expect(tab('ifc')).toEqual({ line: 'ifconfig ', cursor: 9, candidates: [] });
  });

  it('extends several matches to their common prefix and returns them for a second Tab', () => {
    expect(tab('ipv')).toEqual({ line: 'ipvsadm', cursor: 7, candidates: ['ipvsadm', 'ipvsadm-restore', 'ipvsadm-save'] });
    expect(tab('c')).toEqual({ line: 'c', cursor: 1, candidates: ['cat', 'clear', 'curl'] });
  });

  it('leaves the line as it is when nothing matches', () => {
    expect(tab('zz')).toEqual({ line: 'zz', cursor: 2, candidates: [] });
  });

  it("offers ifconfig's first word from the host's interfaces, aliases included", () => {
    expect(tab('ifconfig lo').candidates).toEqual(['lo', 'lo:0']);
    expect(tab('ifconfig eth0:').line).toBe('ifconfig eth0:0 ');
  });

  it('completes ip objects, then their verbs, then interfaces after dev', () => {
    expect(tab('ip ad').line).toBe('ip address ');
    expect(tab('ip addr a').line).toBe('ip addr add ');
    expect(tab('ip route ').candidates).toContain('replace');
    expect(tab('ip addr add 10.0.0.1/32 dev e').line).toBe('ip addr add 10.0.0.1/32 dev eth0');
  });

  it("completes ipvsadm's flags and the scheduler names after -s", () => {
    expect(tab('ipvsadm --sta').line).toBe('ipvsadm --stats ');
    expect(tab('ipvsadm -A -t 10.0.0.1:80 -s wl').line).toBe('ipvsadm -A -t 10.0.0.1:80 -s wlc ');
  });

  it('completes sysctl keys whole', () => {
    expect(tab('sysctl -w net.ipv4.ip').line).toBe('sysctl -w net.ipv4.ip_forward ');
    expect(tab('sysctl net.ipv4.conf.all.arp_').candidates).toEqual(['net.ipv4.conf.all.arp_announce', 'net.ipv4.conf.all.arp_ignore']);
  });

  it('completes /proc/sys paths a folder at a time after a redirection', () => {
    expect(tab('echo 1 > /proc/sys/net/ipv4/co').line).toBe('echo 1 > /proc/sys/net/ipv4/conf/');
    expect(tab('echo 1 > /proc/sys/net/ipv4/conf/').candidates).toEqual(['/proc/sys/net/ipv4/conf/all/', '/proc/sys/net/ipv4/conf/lo/']);
    expect(tab('echo 1 > /proc/sys/net/ipv4/conf/lo/arp_i').line).toBe('echo 1 > /proc/sys/net/ipv4/conf/lo/arp_ignore ');
    expect(tab('cat /pr').line).toBe('cat /proc/');
  });

  it('starts a new command after a separator', () => {
    expect(tab('ipvsadm -C; ifc').line).toBe('ipvsadm -C; ifconfig ');
  });

  it('starts a new command after if, then, else, while, until, do and !', () => {
    expect(tab('while ifc').line).toBe('while ifconfig ');
    expect(tab('for i in 1 2; do ifc').line).toBe('for i in 1 2; do ifconfig ');
    expect(tab('if ! ifc').line).toBe('if ! ifconfig ');
    expect(tab('if true; then ipvsadm -C; else ifc').line).toBe('if true; then ipvsadm -C; else ifconfig ');
    expect(tab('echo do ifc').line).toBe('echo do ifc'); // an argument, not a reserved word
  });

  it('completes the word before the cursor and keeps what follows', () => {
    const line = 'ifc lo:0';
    expect(complete(line, 3, SRC)).toEqual({ line: 'ifconfig lo:0', cursor: 8, candidates: [] });
  });
});

describe('completionSources', () => {
  it("reads a live host's interfaces with their alias labels and its sysctl keys", () => {
    const session = ConsoleSession.fromScenario(getPreset('dr-lab')!);
    const rs = session.hostIds().find((h) => h.startsWith('RS'))!;
    const src = completionSources(session.shell, rs);
    expect(src.interfaces).toContain('lo');
    expect(src.interfaces.some((i) => i.includes(':'))).toBe(true);
    expect(src.sysctlKeys).toContain('net.ipv4.conf.lo.arp_ignore');
    expect(src.commands).toContain('ipvsadm');
  });
});
