import { describe, expect, it } from 'vitest';
import { validateScenario } from '../scenario/validate';
import type { HostSpec, Scenario } from '../scenario/types';
import { PRESETS, getPreset, listPresets } from './index';

/** The preset ids of docs/cli.md, in the order the registry lists them. */
const CONTRACT_IDS = [
  'routed-basic', 'lan-arp',
  'l4-overview', 'l7-overview', 'nat-course', 'dr-course', 'tun-course', 'tun-separate-vip', 'dr-lab', 'nat-lab',
  'nat-lab-bad-gateway', 'dr-lab-no-arp-sysctl', 'dr-lab-no-vip-on-lo', 'dr-lab-port-mapping',
  'tun-course-no-tunl0', 'tun-course-rp-filter', 'tun-course-no-accept-local',
];
/** Presets added beyond the contract's list (the contract allows additions, never renames). */
const EXTRA_IDS = ['dr-course-no-dip'];

/**
 * COURSE.md's tables: host → "label ip" for every address the course draws, the real servers'
 * gateways, and the IPVS rules ("VIP:port scheduler" then "RIP:port method" in ipvsadm -a order).
 */
type Table = Record<string, { addrs: string[]; gateway?: string }>;
const COURSE: Record<string, { hosts: Table; service?: string; dests?: string[] }> = {
  'l4-overview': {
    hosts: {
      C: { addrs: ['eth0 10.10.10.2'] },
      D: { addrs: ['eth0 10.10.10.100'] },
      RS1: { addrs: ['eth0 192.168.1.11'] }, RS2: { addrs: ['eth0 192.168.1.12'] },
      RS3: { addrs: ['eth0 192.168.1.13'] }, RS4: { addrs: ['eth0 192.168.1.14'] },
    },
    service: '10.10.10.100:80 rr',
    dests: ['192.168.1.11:80 masq', '192.168.1.12:80 masq', '192.168.1.13:80 masq', '192.168.1.14:80 masq'],
  },
  'l7-overview': {
    hosts: {
      C: { addrs: ['eth0 192.168.1.2'] },
      D: { addrs: ['eth0 192.168.1.100'] },
      RS1: { addrs: ['eth0 192.168.1.11'] }, RS2: { addrs: ['eth0 192.168.1.12'] },
      RS3: { addrs: ['eth0 192.168.1.13'] }, RS4: { addrs: ['eth0 192.168.1.14'] },
    },
  },
  'nat-course': {
    hosts: {
      C: { addrs: ['eth0 10.11.12.13'] },
      D: { addrs: ['eth0 11.12.13.14', 'eth1 192.168.1.10'] },
      RS1: { addrs: ['eth0 192.168.1.11'], gateway: '192.168.1.10' },
      RS2: { addrs: ['eth0 192.168.1.12'], gateway: '192.168.1.10' },
      RS3: { addrs: ['eth0 192.168.1.13'], gateway: '192.168.1.10' },
    },
    service: '11.12.13.14:80 rr',
    dests: ['192.168.1.11:80 masq', '192.168.1.12:80 masq', '192.168.1.13:80 masq'],
  },
  'dr-course': {
    hosts: {
      C: { addrs: ['eth0 192.168.1.200'] },
      // The slide's only director address is the VIP; the preset adds 192.168.1.11 (see its lessons).
      D: { addrs: ['eth0:0 192.168.1.100', 'eth0 192.168.1.11'] },
      RS1: { addrs: ['eth0 192.168.1.12', 'lo:0 192.168.1.100'] },
      RS2: { addrs: ['eth0 192.168.1.13', 'lo:0 192.168.1.100'] },
      RS3: { addrs: ['eth0 192.168.1.14', 'lo:0 192.168.1.100'] },
    },
    service: '192.168.1.100:80 rr',
    dests: ['192.168.1.12:80 gate', '192.168.1.13:80 gate', '192.168.1.14:80 gate'],
  },
  'tun-course': {
    hosts: {
      C: { addrs: ['eth0 44.55.66.77'] },
      D: { addrs: ['eth0 11.22.33.44'] },
      RS1: { addrs: ['eth0 22.33.44.55', 'tunl0 11.22.33.44'] },
      RS2: { addrs: ['eth0 33.44.55.66', 'tunl0 11.22.33.44'] },
    },
    service: '11.22.33.44:80 rr',
    dests: ['22.33.44.55:80 ipip', '33.44.55.66:80 ipip'],
  },
  'dr-lab': {
    hosts: {
      C: { addrs: ['eth0 10.10.10.240'] },
      D: { addrs: ['eth0 10.10.10.11', 'eth0:0 10.10.10.100'] },
      RS1: { addrs: ['eth0 10.10.10.12', 'lo:0 10.10.10.100'] },
      RS2: { addrs: ['eth0 10.10.10.13', 'lo:0 10.10.10.100'] },
    },
    service: '10.10.10.100:80 rr',
    dests: ['10.10.10.12:80 gate', '10.10.10.13:80 gate'],
  },
  'nat-lab': {
    hosts: {
      C: { addrs: ['eth0 20.20.20.22'] },
      D: { addrs: ['eth0 20.20.20.11', 'eth1 10.10.10.11'] },
      RS1: { addrs: ['eth0 10.10.10.12'], gateway: '10.10.10.11' },
      RS2: { addrs: ['eth0 10.10.10.13'], gateway: '10.10.10.11' },
    },
    service: '20.20.20.11:80 rr',
    dests: ['10.10.10.12:80 masq', '10.10.10.13:80 masq'],
  },
};

const preset = (id: string): Scenario => {
  const s = getPreset(id);
  if (!s) throw new Error(`no preset ${id}`);
  return s;
};
const host = (s: Scenario, id: string): HostSpec => {
  const h = s.hosts.find((x) => x.id === id);
  if (!h) throw new Error(`${s.id} has no host ${id}`);
  return h;
};
const addrsOf = (h: HostSpec): string[] =>
  h.interfaces.flatMap((f) => f.addrs.map((a) => `${a.label ?? f.name} ${a.cidr.split('/')[0] ?? ''}`));
const cidrsOf = (h: HostSpec): string[] => h.interfaces.flatMap((f) => f.addrs.map((a) => `${a.label ?? f.name} ${a.cidr}`));
const gatewayOf = (h: HostSpec): string | undefined => h.routes?.find((r) => r.dst === 'default')?.via;
const sysctlOf = (s: Scenario, id: string): Record<string, number> => host(s, id).sysctl ?? {};

describe('the preset registry', () => {
  it('lists the contract ids, in order, each once, then the additions', () => {
    expect(PRESETS.map((p) => p.id)).toEqual([...CONTRACT_IDS, ...EXTRA_IDS]);
    expect(listPresets().map((p) => p.id)).toEqual([...CONTRACT_IDS, ...EXTRA_IDS]);
  });

  it('files each preset in its group', () => {
    const group = Object.fromEntries(listPresets().map((p) => [p.id, p.group]));
    expect(group).toMatchObject({
      'routed-basic': 'basics', 'lan-arp': 'basics', 'l4-overview': 'overview', 'l7-overview': 'overview',
      'nat-course': 'modes', 'dr-course': 'modes', 'tun-course': 'modes', 'tun-separate-vip': 'modes',
      'dr-lab': 'labs', 'nat-lab': 'labs',
    });
    for (const id of [...CONTRACT_IDS.slice(10), ...EXTRA_IDS]) expect(group[id]).toBe('broken');
  });

  it('returns a fresh copy from getPreset, and undefined for an unknown id', () => {
    const a = preset('dr-lab');
    a.hosts.pop();
    expect(preset('dr-lab').hosts).toHaveLength(4);
    expect(getPreset('no-such-preset')).toBeUndefined();
  });
});

describe.each(PRESETS.map((p) => [p.id, p.scenario] as const))('preset %s', (id, scenario) => {
  it('validates and survives a JSON round trip unchanged', () => {
    const json = JSON.parse(JSON.stringify(scenario)) as unknown;
    const r = validateScenario(json);
    expect(r).toEqual({ ok: true, value: scenario });
  });

  it('has its id, both languages of title and summary, and lessons', () => {
    expect(scenario.id).toBe(id);
    for (const text of [scenario.title, scenario.summary, ...(scenario.lessons ?? [])]) {
      expect(text.en.length).toBeGreaterThan(0);
      expect(text.zh).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(scenario.lessons?.length ?? 0).toBeGreaterThanOrEqual(3);
  });

  it('names hosts as the contract does and places every host in the 1000 × 600 box', () => {
    for (const h of scenario.hosts) {
      expect(h.id).toMatch(/^(C\d*|D|RS\d+|R\d*|S)$/);
      expect(h.position?.x).toBeGreaterThanOrEqual(0);
      expect(h.position?.x).toBeLessThanOrEqual(1000);
      expect(h.position?.y).toBeGreaterThanOrEqual(0);
      expect(h.position?.y).toBeLessThanOrEqual(600);
    }
    const x = (hid: string) => scenario.hosts.find((h) => h.id === hid)?.position?.x ?? NaN;
    const rs = scenario.hosts.filter((h) => h.role === 'real-server');
    if (rs.length) for (const r of rs) expect(r.position?.x).toBeGreaterThan(x('C'));
  });

  it('lists segment ports client first, then the director, then the real servers', () => {
    const rank = (h: string) => (h.startsWith('C') ? 0 : h.startsWith('R') && !h.startsWith('RS') ? 1 : h === 'D' ? 2 : 3);
    for (const seg of scenario.segments) {
      const ranks = seg.ports.map((p) => rank(p.host));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
  });

  it('runs an http-server on port 80 on every real server and points every client at a service', () => {
    for (const h of scenario.hosts.filter((x) => x.role === 'real-server' || x.role === 'server')) {
      expect(h.apps).toContainEqual({ kind: 'http-server', port: 80 });
    }
    const client = host(scenario, 'C').apps?.[0];
    expect(client?.kind).toBe('http-client');
    if (client?.kind === 'http-client') expect(client.requests).toBe(id === 'lan-arp' ? 1 : 2);
  });
});

describe.each(Object.entries(COURSE))('%s carries the course\'s addresses', (id, table) => {
  const s = preset(id);
  it.each(Object.entries(table.hosts))('%s', (hid, want) => {
    const h = host(s, hid);
    for (const a of want.addrs) expect(addrsOf(h)).toContain(a);
    if (want.gateway) expect(gatewayOf(h)).toBe(want.gateway);
  });

  if (table.service) {
    it('has the labs\' IPVS rules: TCP port 80, rr, weight 1, real servers in ipvsadm -a order', () => {
      const svc = host(s, 'D').ipvs?.services[0];
      expect(`${svc?.vip}:${svc?.port} ${svc?.scheduler}`).toBe(table.service);
      expect(svc?.proto).toBe('tcp');
      expect(svc?.dests.map((d) => `${d.addr}:${d.port} ${d.method}`)).toEqual(table.dests);
      expect(svc?.dests.every((d) => d.weight === 1)).toBe(true);
    });
  }
});

describe('the modes as Linux needs them', () => {
  it('NAT: the director forwards and is every real server\'s gateway', () => {
    for (const id of ['nat-course', 'nat-lab', 'l4-overview']) {
      const s = preset(id);
      expect(sysctlOf(s, 'D')['net.ipv4.ip_forward']).toBe(1);
      const dip = id === 'nat-lab' ? '10.10.10.11' : id === 'nat-course' ? '192.168.1.10' : '192.168.1.10';
      for (const h of s.hosts.filter((x) => x.role === 'real-server')) expect(gatewayOf(h)).toBe(dip);
    }
  });

  it('DR: real servers hold the VIP on lo:0 as a /32 with arp_ignore=1 and arp_announce=2; the lab\'s director holds it on eth0:0', () => {
    for (const [id, vip] of [['dr-course', '192.168.1.100'], ['dr-lab', '10.10.10.100']] as const) {
      const s = preset(id);
      for (const h of s.hosts.filter((x) => x.role === 'real-server')) {
        expect(cidrsOf(h)).toContain(`lo:0 ${vip}/32`);
        expect(h.sysctl).toMatchObject({ 'net.ipv4.conf.all.arp_ignore': 1, 'net.ipv4.conf.all.arp_announce': 2 });
      }
    }
    expect(cidrsOf(host(preset('dr-lab'), 'D'))).toEqual(['eth0 10.10.10.11/24', 'eth0:0 10.10.10.100/32']);
    expect(cidrsOf(host(preset('dr-course'), 'D'))).toEqual(['eth0 192.168.1.11/24', 'eth0:0 192.168.1.100/32']);
  });

  it('TUN: real servers hold the VIP on tunl0 (up) as a /32, rp_filter 0, and accept_local 1 only where the VIP is the director\'s own', () => {
    const course = preset('tun-course');
    for (const id of ['RS1', 'RS2']) {
      const h = host(course, id);
      expect(h.interfaces.find((f) => f.name === 'tunl0')).toEqual({ name: 'tunl0', up: true, addrs: [{ cidr: '11.22.33.44/32' }] });
      expect(h.sysctl).toEqual({
        'net.ipv4.conf.all.rp_filter': 0, 'net.ipv4.conf.tunl0.rp_filter': 0,
        'net.ipv4.conf.all.accept_local': 1, 'net.ipv4.conf.eth0.accept_local': 1,
      });
    }
    const separate = preset('tun-separate-vip');
    expect(cidrsOf(host(separate, 'D'))).toEqual(['eth0 11.22.33.44/24', 'eth0:0 11.22.33.100/32']);
    expect(host(separate, 'D').ipvs?.services[0]?.vip).toBe('11.22.33.100');
    expect(host(separate, 'C').apps).toEqual([{ kind: 'http-client', target: '11.22.33.100:80', requests: 2 }]);
    for (const id of ['RS1', 'RS2']) {
      expect(cidrsOf(host(separate, id))).toContain('tunl0 11.22.33.100/32');
      expect(Object.keys(sysctlOf(separate, id)).some((k) => k.includes('accept_local'))).toBe(false);
    }
  });

  it('TUN: the cities are named in both languages and a router joins them', () => {
    const s = preset('tun-course');
    expect(host(s, 'D').name?.zh).toContain('北京');
    expect(host(s, 'RS1').name?.zh).toContain('上海');
    expect(host(s, 'RS2').name?.zh).toContain('广州');
    expect(host(s, 'R').sysctl?.['net.ipv4.ip_forward']).toBe(1);
  });
});

describe('the broken variants differ from their base only where the course says', () => {
  const strip = (s: Scenario) => ({ ...s, id: '', title: null, summary: null, lessons: null, group: null });

  it('nat-lab-bad-gateway: RS1\'s gateway is 10.10.10.1, held by no host', () => {
    const s = preset('nat-lab-bad-gateway');
    expect(gatewayOf(host(s, 'RS1'))).toBe('10.10.10.1');
    expect(s.hosts.flatMap(addrsOf).some((a) => a.endsWith(' 10.10.10.1'))).toBe(false);
    host(s, 'RS1').routes = [{ dst: 'default', via: '10.10.10.11' }];
    expect(strip(s)).toEqual(strip(preset('nat-lab')));
  });

  it('dr-lab-no-arp-sysctl: the real servers have no sysctl at all', () => {
    const s = preset('dr-lab-no-arp-sysctl');
    for (const id of ['RS1', 'RS2']) expect(host(s, id).sysctl).toBeUndefined();
    for (const id of ['RS1', 'RS2']) host(s, id).sysctl = { ...sysctlOf(preset('dr-lab'), id) };
    expect(strip(s)).toEqual(strip(preset('dr-lab')));
  });

  it('dr-lab-no-vip-on-lo: RS1 and RS2 keep only their eth0 address (lo has just its implicit 127.0.0.1/8)', () => {
    const s = preset('dr-lab-no-vip-on-lo');
    for (const id of ['RS1', 'RS2']) expect(cidrsOf(host(s, id))).toEqual([`eth0 ${id === 'RS1' ? '10.10.10.12' : '10.10.10.13'}/24`]);
    for (const id of ['RS1', 'RS2']) host(s, id).interfaces.push({ name: 'lo', addrs: [{ cidr: '10.10.10.100/32', label: 'lo:0' }] });
    expect(JSON.parse(JSON.stringify({ ...s, id: '', title: 0, summary: 0, lessons: 0, group: 0 }))).toEqual(
      JSON.parse(JSON.stringify({ ...preset('dr-lab'), id: '', title: 0, summary: 0, lessons: 0, group: 0 })),
    );
  });

  it('dr-lab-port-mapping: RS1 is added as 10.10.10.12:8080 -g and listens on 80 only', () => {
    const s = preset('dr-lab-port-mapping');
    expect(host(s, 'D').ipvs?.services[0]?.dests.map((d) => `${d.addr}:${d.port} ${d.method}`)).toEqual(['10.10.10.12:8080 gate', '10.10.10.13:80 gate']);
    expect(host(s, 'RS1').apps).toEqual([{ kind: 'http-server', port: 80 }]);
  });

  it('tun-course-no-tunl0: no tunl0 and no sysctl naming it', () => {
    const s = preset('tun-course-no-tunl0');
    for (const id of ['RS1', 'RS2']) {
      expect(host(s, id).interfaces.map((f) => f.name)).toEqual(['eth0']);
      expect(Object.keys(sysctlOf(s, id)).some((k) => k.includes('tunl0'))).toBe(false);
    }
  });

  it('tun-course-rp-filter and tun-course-no-accept-local change one sysctl pair each', () => {
    const rp = preset('tun-course-rp-filter');
    const al = preset('tun-course-no-accept-local');
    for (const id of ['RS1', 'RS2']) {
      expect(sysctlOf(rp, id)).toMatchObject({ 'net.ipv4.conf.all.rp_filter': 1, 'net.ipv4.conf.tunl0.rp_filter': 1, 'net.ipv4.conf.all.accept_local': 1 });
      expect(sysctlOf(al, id)).toMatchObject({ 'net.ipv4.conf.all.accept_local': 0, 'net.ipv4.conf.eth0.accept_local': 0, 'net.ipv4.conf.all.rp_filter': 0 });
    }
  });
});
