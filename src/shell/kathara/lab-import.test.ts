import { describe, expect, it } from 'vitest';
import { importLab } from './lab-import';

const lab = (conf: string, startups: Record<string, string> = {}): ReturnType<typeof importLab> =>
  importLab(new Map([['lab.conf', conf], ...Object.entries(startups).map(([h, t]): [string, string] => [`${h}.startup`, t])]), 't');

describe('importLab cabling', () => {
  it("gives a default MAC another host's explicit MAC does not already hold", () => {
    const r = lab('C[0]="lan"\nD[0]="lan/02:00:00:00:01:00"\n');
    if (!r.ok) throw new Error(r.error);
    expect(r.lab.scenario.hosts.map((h) => h.interfaces.find((i) => i.name === 'eth0')?.mac)).toEqual(['02:00:00:01:01:00', '02:00:00:00:01:00']);
  });
});

describe('importLab errors', () => {
  it('names the lab.conf line of a sysctl the host cannot take', () => {
    expect(lab('C[0]="lan"\nC[sysctl]="net.ipv4.nope=1"\n')).toEqual({ ok: false, error: 'lab.conf:2: C[sysctl]="net.ipv4.nope=1": No such file or directory' });
  });

  it('words a cabling the scenario cannot hold as a sentence with its path', () => {
    const r = lab('C[0]="lan/01:00:5e:00:00:01"\n');
    expect(r.ok ? 'ok' : r.error).toBe('lab.conf: hosts[0].interfaces[0].mac: "01:00:5e:00:00:01" is a multicast MAC (the low bit of the first byte is set); an interface needs a unicast MAC');
  });

  it('names the startup file, the line and the command a shell cannot run', () => {
    const r = lab('C[0]="lan"\n', { C: 'ip addr add 10.0.0.1/24 dev eth0\nipvsdam -Ln\n' });
    expect(r.ok ? 'ok' : r.error).toBe('C.startup:2: ipvsdam -Ln: bash: ipvsdam: command not found');
  });
});
