import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../problem/format';
import { getPreset } from '../scenarios/index';
import type { Scenario } from './types';
import { checkScenario, parseSysctlName, validateScenario } from './validate';

/* eslint-disable @typescript-eslint/no-explicit-any -- the fixtures break documents on purpose */
const drLab = (): any => JSON.parse(JSON.stringify(getPreset('dr-lab'))) as unknown;

/** [what is broken, how, the one-line message]. dr-lab: hosts C, D, RS1, RS2; D has eth0 only. */
const MALFORMED: Array<[string, (s: any) => unknown, string]> = [
  ['a bad address', (s) => { s.hosts[2].interfaces[0].addrs[0].cidr = '10.10.10.300/24'; return s; },
    'hosts[2].interfaces[0].addrs[0].cidr: "10.10.10.300/24" is not an IPv4 address: 300 is larger than 255'],
  ['an address without a prefix', (s) => { s.hosts[0].interfaces[0].addrs[0].cidr = '10.10.10.240'; return s; },
    'hosts[0].interfaces[0].addrs[0].cidr: "10.10.10.240" has no prefix length (expected an address with a prefix, e.g. 10.10.10.11/24)'],
  ['a duplicate host id', (s) => { s.hosts[3].id = 'RS1'; s.segments[0].ports.pop(); return s; },
    'hosts[3].id: "RS1" is already the id of hosts[2]'],
  ['a port naming no host', (s) => { s.segments[0].ports[1].host = 'RS9'; return s; },
    'segments[0].ports[1].host: no host "RS9" (hosts are C, D, RS1, RS2)'],
  ['a port naming no interface', (s) => { s.segments[0].ports[1].if = 'eth3'; return s; },
    'segments[0].ports[1].if: host D has no interface "eth3" (its interfaces are eth0)'],
  ['an interface on two segments', (s) => { s.segments.push({ id: 'lan2', kind: 'switch', ports: [{ host: 'C', if: 'eth0' }] }); return s; },
    'segments[1].ports[0]: C eth0 is already attached to segment "lan" (an interface sits on one segment)'],
  ['lo on a segment', (s) => { s.segments[0].ports.push({ host: 'RS1', if: 'lo' }); return s; },
    'segments[0].ports[4].if: lo is a virtual device (loopback or IP-in-IP) and cannot attach to a segment'],
  ['a newer version', (s) => { s.version = 7; return s; }, 'version 7 is newer than this app understands (1)'],
  ['version 0', (s) => { s.version = 0; return s; }, 'version 0 is not a scenario format version (expected 1-1)'],
  ['a version as text', (s) => { s.version = '1'; return s; },
    'version: expected a whole number (the format version; this app writes 1), found "1"'],
  ['no version', (s) => { delete s.version; return s; }, 'version: missing, expected a whole number (the format version; this app writes 1)'],
  ['a number', () => 42, 'scenario: expected an object, found 42'],
  ['an array', () => [], 'scenario: expected an object, found an array'],
  ['null', () => null, 'scenario: expected an object, found null'],
  ['a missing role', (s) => { delete s.hosts[0].role; return s; },
    'hosts[0].role: missing, expected "client" | "router" | "director" | "real-server" | "proxy" | "server" | "switch"'],
  ['an unknown field', (s) => { s.hosts[0].interfaces[0].lable = 'x'; return s; },
    'hosts[0].interfaces[0].lable: unknown field, expected one of name, mac, up, addrs'],
  ['an alias as an interface name', (s) => { s.hosts[1].interfaces[0].name = 'eth0:0'; return s; },
    'hosts[1].interfaces[0].name: expected an interface name such as eth0 (1-15 letters, digits, "_", "." or "-"; an alias such as eth0:0 is an address label), found "eth0:0"'],
  ['a label of another interface', (s) => { s.hosts[1].interfaces[0].addrs[1].label = 'lo:0'; return s; },
    'hosts[1].interfaces[0].addrs[1].label: "lo:0" must be "eth0" or begin with "eth0:" (e.g. eth0:0)'],
  ['a duplicate interface', (s) => { s.hosts[2].interfaces.push({ name: 'eth0', addrs: [] }); return s; },
    'hosts[2].interfaces[2].name: host RS1 already has an interface "eth0"'],
  ['an address with spaces', (s) => { s.hosts[0].interfaces[0].addrs[0].cidr = ' 10.10.10.240/24'; return s; },
    'hosts[0].interfaces[0].addrs[0].cidr: " 10.10.10.240/24" has spaces in it (expected an IPv4 address with its prefix length, as ip addr shows it, e.g. 10.10.10.11/24)'],
  ['a misspelt sysctl', (s) => { s.hosts[2].sysctl['net.ipv4.conf.all.arp_ignor'] = 1; return s; },
    'hosts[2].sysctl["net.ipv4.conf.all.arp_ignor"]: unknown sysctl, expected net.ipv4.ip_forward or net.ipv4.conf.{all,default,<interface>}.{arp_ignore,arp_announce,rp_filter,accept_local,arp_filter,arp_notify,forwarding,send_redirects,accept_redirects}'],
  ['arp_ignore out of range', (s) => { s.hosts[2].sysctl['net.ipv4.conf.all.arp_ignore'] = 5; return s; },
    'hosts[2].sysctl["net.ipv4.conf.all.arp_ignore"]: 5 is not a valid arp_ignore (expected 0, 1, 2, 3 or 8)'],
  ['127.0.0.1 listed on lo', (s) => { s.hosts[2].interfaces[1].addrs.unshift({ cidr: '127.0.0.1/8' }); return s; },
    'hosts[2].interfaces[1].addrs[0].cidr: 127.0.0.1 is already on lo (every host has lo with 127.0.0.1/8; list only the addresses to add)'],
  ['one address twice with one prefix', (s) => { s.hosts[2].interfaces[0].addrs.push({ cidr: '10.10.10.12/24' }); return s; },
    'hosts[2].interfaces[0].addrs[1].cidr: 10.10.10.12/24 is already on eth0 (Linux refuses it: File exists)'],
  ['a sysctl for a missing interface', (s) => { s.hosts[2].sysctl['net.ipv4.conf.eth9.rp_filter'] = 1; return s; },
    'hosts[2].sysctl["net.ipv4.conf.eth9.rp_filter"]: host RS1 has no interface "eth9" (its interfaces are eth0, lo; or use all/default)'],
  ['an unknown scheduler', (s) => { s.hosts[1].ipvs.services[0].scheduler = 'fastest'; return s; },
    'hosts[1].ipvs.services[0].scheduler: unknown scheduler "fastest", expected one of rr, wrr, lc, wlc, sed, nq, sh, dh, mh, lblc, lblcr, fo, ovf, twos'],
  ['a weight too large', (s) => { s.hosts[1].ipvs.services[0].dests[0].weight = 2147483648; return s; },
    'hosts[1].ipvs.services[0].dests[0].weight: expected a whole number 0-2147483647, found 2147483648'],
  ['port 0 without fwmark', (s) => { s.hosts[1].ipvs.services[0].port = 0; return s; },
    'hosts[1].ipvs.services[0].port: expected a port 1-65535 (0 only with fwmark)'],
  ['a duplicate real server', (s) => { s.hosts[1].ipvs.services[0].dests[1].addr = '10.10.10.12'; return s; },
    'hosts[1].ipvs.services[0].dests[1]: 10.10.10.12:80 is already a real server of this service (ipvsadm: Destination already exists)'],
  ['a target without a port', (s) => { s.hosts[0].apps[0].target = '10.10.10.100'; return s; },
    'hosts[0].apps[0].target: "10.10.10.100" is not an address:port (expected e.g. 10.10.10.100:80)'],
  ['an unknown app', (s) => { s.hosts[0].apps[0].kind = 'ftp'; return s; },
    'hosts[0].apps[0].kind: expected "http-server" | "http-client" | "l7-proxy" | "udp-server" | "udp-client", found "ftp"'],
  ['a fractional request count', (s) => { s.hosts[0].apps[0].requests = 1.5; return s; },
    'hosts[0].apps[0].requests: expected a whole number 0-1000, found 1.5'],
  ['a gateway off every subnet', (s) => { s.hosts[2].routes = [{ dst: 'default', via: '1.2.3.4' }]; return s; },
    'hosts[2].routes[0].via: gateway 1.2.3.4 is not in any subnet of host RS1 (Linux: Nexthop has invalid gateway)'],
  ['a route with host bits', (s) => { s.hosts[2].routes = [{ dst: '10.0.0.5/8', dev: 'eth0' }]; return s; },
    'hosts[2].routes[0].dst: "10.0.0.5/8" has host bits set (expected the network, 10.0.0.0/8)'],
  ['a multicast MAC', (s) => { s.hosts[2].interfaces[0].mac = '01:00:5e:00:00:01'; return s; },
    'hosts[2].interfaces[0].mac: "01:00:5e:00:00:01" is a multicast MAC (the low bit of the first byte is set); an interface needs a unicast MAC'],
  ['a link with three ends', (s) => { s.segments[0].kind = 'link'; return s; },
    'segments[0].ports: a link joins exactly 2 interfaces, found 4 (use kind "switch" for more)'],
  ['no hosts', (s) => { s.hosts = []; s.segments = []; return s; }, 'hosts: expected 1 to 64 items, found 0'],
];

describe('validateScenario', () => {
  it('accepts a preset', () => {
    expect(validateScenario(drLab()).ok).toBe(true);
  });

  it.each(MALFORMED)('refuses %s with one line naming the path', (_what, breakIt, message) => {
    const r = validateScenario(breakIt(drLab()));
    expect(r.ok ? 'valid' : formatProblem(r.error)).toBe(message);
  });

  it('accepts one address twice on a device with two prefixes, as devinet.c __inet_insert_ifa does', () => {
    const s = drLab();
    s.hosts[1].interfaces[0].addrs.push({ cidr: '10.10.10.11/32', label: 'eth0:1' });
    const v = validateScenario(s);
    expect(v.ok ? 'valid' : v.error).toBe('valid');
  });

  it('counts the further problems after the first', () => {
    const s = drLab();
    s.hosts[0].role = 'nobody';
    s.hosts[1].role = 'nobody';
    const r = validateScenario(s);
    expect(r.ok ? '' : formatProblem(r.error)).toMatch(/^hosts\[0\]\.role: .* \(and 1 more problem\)$/);
    const all = checkScenario(s);
    expect(all.ok ? [] : all.error).toHaveLength(2);
  });

  it('keeps a message on one line whatever the input holds', () => {
    const s = drLab();
    s.hosts[0].interfaces[0].addrs[0].cidr = '10.0.0.1/2\n4';
    const r = validateScenario(s);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatProblem(r.error)).not.toMatch(/[\n\r]/);
  });

  it('returns a copy that shares nothing with the input', () => {
    const json = drLab();
    const r = validateScenario(json);
    if (!r.ok) throw new Error(formatProblem(r.error));
    (json as Scenario).hosts[0]!.id = 'changed';
    expect(r.value.hosts[0]?.id).toBe('C');
  });

  it('never throws for arbitrary JSON', () => {
    fc.assert(fc.property(fc.jsonValue(), (json) => {
      const r = validateScenario(json);
      expect(typeof r.ok).toBe('boolean');
    }), { numRuns: 2000 });
  });

  it('never throws when any part of a preset is replaced by arbitrary JSON', () => {
    const paths: Array<Array<string | number>> = [];
    const walk = (x: unknown, path: Array<string | number>): void => {
      paths.push(path);
      if (Array.isArray(x)) x.forEach((v, i) => walk(v, [...path, i]));
      else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) walk(v, [...path, k]);
    };
    walk(drLab(), []);
    fc.assert(fc.property(fc.nat(paths.length - 1), fc.jsonValue(), (i, value) => {
      const doc = drLab();
      const path = paths[i] ?? [];
      if (path.length === 0) return;
      let parent = doc;
      for (const k of path.slice(0, -1)) parent = parent[k];
      parent[path[path.length - 1]!] = value;
      const r = validateScenario(doc);
      if (!r.ok) expect(formatProblem(r.error)).toMatch(/^\S.*$/);
    }), { numRuns: 3000 });
  });
});

describe('parseSysctlName', () => {
  it('reads ip_forward, all/default and per-interface names', () => {
    expect(parseSysctlName('net.ipv4.ip_forward')).toEqual({ kind: 'ip_forward' });
    expect(parseSysctlName('net.ipv4.conf.all.arp_ignore')).toEqual({ kind: 'conf', scope: 'all', key: 'arp_ignore' });
    expect(parseSysctlName('net.ipv4.conf.tunl0.rp_filter')).toEqual({ kind: 'conf', scope: { dev: 'tunl0' }, key: 'rp_filter' });
    expect(parseSysctlName('net.ipv4.conf.all.send_redirects')).toEqual({ kind: 'conf', scope: 'all', key: 'send_redirects' });
    expect(parseSysctlName('net.ipv4.conf.all.log_martians')).toBeUndefined();
  });
});
