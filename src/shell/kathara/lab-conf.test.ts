import { describe, expect, it } from 'vitest';
import { parseLabConf } from './lab-conf';

describe('parseLabConf', () => {
  it('reads collision domains, MACs and sysctls, hosts in order of first mention', () => {
    const r = parseLabConf('LAB_DESCRIPTION="DR"\nC[0]="lan"\nD[0]=lan/02:00:00:00:02:00\nD[1]="wan"\nRS1[sysctl]="net.ipv4.conf.all.arp_ignore=1"\nC[image]="kathara/base"\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.conf.hosts.map((h) => h.id)).toEqual(['C', 'D', 'RS1']);
    expect(r.conf.domains).toEqual(['lan', 'wan']);
    expect([...(r.conf.hosts[1]?.ifaces ?? [])]).toEqual([[0, { cd: 'lan', mac: '02:00:00:00:02:00' }], [1, { cd: 'wan' }]]);
    expect(r.conf.hosts[2]?.sysctls).toEqual([{ key: 'net.ipv4.conf.all.arp_ignore', value: 1, line: 5 }]);
    expect(r.conf.meta).toEqual({ LAB_DESCRIPTION: 'DR' });
    expect(r.conf.notes).toEqual(['lab.conf:6: C[image] is not simulated (ignored)']);
  });

  it('names the line of anything it cannot read', () => {
    expect(parseLabConf('C[0]="lan"\nthis is not a key\n')).toEqual({ ok: false, error: 'lab.conf:2: expected HOST[N]="DOMAIN" or HOST[key]="value", found "this is not a key"' });
    expect(parseLabConf('C[0]="lan/02:00"\n')).toEqual({ ok: false, error: 'lab.conf:1: "02:00" is not a MAC address (expected e.g. 02:00:00:00:01:00)' });
    expect(parseLabConf('C[0]="a"\nC[0]="b"\n')).toEqual({ ok: false, error: 'lab.conf:2: C[0] is set twice' });
    expect(parseLabConf('C[sysctl]="kernel.panic=1"\n')).toEqual({ ok: false, error: 'lab.conf:1: C[sysctl] expects "net.KEY=NUMBER", found "kernel.panic=1"' });
  });

  it('keeps lvs-flow directives from comment lines', () => {
    const r = parseLabConf('# lvs-flow: link internet\n# lvs-flow: latency internet 20\n# an ordinary comment\nC[0]="internet"\n');
    expect(r.ok && r.conf.directives).toEqual([{ kind: 'link', segment: 'internet' }, { kind: 'latency', segment: 'internet', ms: 20 }]);
  });
});
