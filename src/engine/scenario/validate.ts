/**
 * Untrusted JSON → a Scenario, or one line naming the first problem (path, what was expected,
 * what was found). Order: migrate (version) → shape (schema.ts) → cross-references (here).
 * The cross-reference checks refuse what Linux itself would refuse (`ip addr add` of a label
 * that does not start with the device name, a gateway that is not on-link, a sysctl that does
 * not exist or an out-of-range value) and what the simulator cannot wire (a port naming a host
 * or interface that does not exist, an interface on two segments). Never throws.
 */
import { inPrefix, networkOf, parseCidr, formatCidr, prefixMask } from '../addr/cidr';
import { parseIpv4, type Ipv4 } from '../addr/ipv4';
import { isGroupMac, parseMac } from '../addr/mac';
import { err, ok, type Result } from '../addr/result';
import { SCHEDULER_NAMES } from '../ipvs/types';
import { say } from '../problem/codes';
import { problemAt, type Phrase, type Problem } from '../problem/phrase';
import { migrateScenario } from './migrate';
import { formatPath, parseScenarioShape } from './schema';
import type { HostSpec, Scenario, ServiceSpec } from './types';

/** Per-interface IPv4 settings the simulator models, with the values Linux accepts. */
export const CONF_SYSCTL_VALUES: Readonly<Record<string, readonly number[]>> = {
  arp_ignore: [0, 1, 2, 3, 8],
  arp_announce: [0, 1, 2],
  rp_filter: [0, 1, 2],
  accept_local: [0, 1],
  arp_filter: [0, 1],
  arp_notify: [0, 1],
  forwarding: [0, 1],
  send_redirects: [0, 1],
  accept_redirects: [0, 1],
};

export type SysctlName =
  | { kind: 'ip_forward' }
  | { kind: 'conf'; scope: 'all' | 'default' | { dev: string }; key: string };

/** "net.ipv4.conf.eth0.rp_filter" → { kind: 'conf', scope: { dev: 'eth0' }, key: 'rp_filter' }. */
export function parseSysctlName(name: string): SysctlName | undefined {
  if (name === 'net.ipv4.ip_forward') return { kind: 'ip_forward' };
  const m = /^net\.ipv4\.conf\.([^.]+)\.([a-z_]+)$/.exec(name);
  if (!m || !m[1] || !m[2] || !Object.hasOwn(CONF_SYSCTL_VALUES, m[2])) return undefined;
  const scope = m[1] === 'all' || m[1] === 'default' ? m[1] : { dev: m[1] };
  return { kind: 'conf', scope, key: m[2] };
}

/** The ports ipvsadm stores: for -g and -i it replaces the real server's port by the service's. */
export function effectiveDestPort(svc: ServiceSpec, dest: ServiceSpec['dests'][number]): number {
  return dest.method === 'masq' || svc.fwmark !== undefined ? dest.port : svc.port;
}

export const SCHED_FLAGS = ['sh-fallback', 'sh-port', 'mh-fallback', 'mh-port'] as const;

/** Interfaces that never attach to a segment: the loopback and the IP-in-IP fallback device. */
export function isVirtualIface(name: string): boolean {
  return name === 'lo' || name === 'tunl0';
}

const LOOPBACK_ADDR = 0x7f000001;

/** [0, 1, 2] → "0, 1 or 2". */
const oneOf = (xs: readonly (string | number)[]): Phrase =>
  xs.length <= 1 ? say('what.literal', { value: String(xs[0] ?? '') }) : say('what.either', { choices: xs.slice(0, -1).join(', '), last: String(xs[xs.length - 1]) });

type Report = (path: ReadonlyArray<string | number>, phrase: Phrase) => void;

function checkHost(h: HostSpec, i: number, report: Report): void {
  const at = (...rest: Array<string | number>) => ['hosts', i, ...rest];
  const ifNames = h.interfaces.map((f) => f.name);
  // Every host has lo, listed or not: sysctls and routes may name it.
  const devices = ifNames.includes('lo') ? ifNames : [...ifNames, 'lo'];
  const ifList = devices.join(', ');
  const local: Array<{ addr: Ipv4; len: number; dev: string }> = [];

  h.interfaces.forEach((f, j) => {
    if (ifNames.indexOf(f.name) !== j) report(at('interfaces', j, 'name'), say('interface.duplicate-name', { host: h.id, name: f.name }));
    if (f.mac !== undefined) {
      const mac = parseMac(f.mac);
      if (mac.ok && isGroupMac(mac.value)) report(at('interfaces', j, 'mac'), say('interface.multicast-mac', { mac: f.mac }));
    }
    // Linux refuses only the same address with the same prefix (EEXIST in devinet.c
    // __inet_insert_ifa); 10.0.0.1/24 and 10.0.0.1/32 may share a device (`ifconfig eth0:0` makes that).
    const seen = new Set<string>();
    f.addrs.forEach((a, k) => {
      const c = parseCidr(a.cidr);
      if (!c.ok) return;
      if (f.name === 'lo' && c.value.addr === LOOPBACK_ADDR) {
        report(at('interfaces', j, 'addrs', k, 'cidr'), say('addr.loopback-listed'));
      } else if (seen.has(formatCidr(c.value))) report(at('interfaces', j, 'addrs', k, 'cidr'), say('addr.duplicate', { addr: formatCidr(c.value), dev: f.name }));
      seen.add(formatCidr(c.value));
      local.push({ addr: c.value.addr, len: c.value.len, dev: f.name });
      if (a.label !== undefined && a.label !== f.name && !a.label.startsWith(`${f.name}:`)) {
        report(at('interfaces', j, 'addrs', k, 'label'), say('addr.bad-label', { label: a.label, dev: f.name }));
      }
    });
  });

  const dsts = new Set<string>();
  (h.routes ?? []).forEach((r, j) => {
    if (r.dst !== 'default') {
      const c = parseCidr(r.dst);
      if (c.ok && networkOf(c.value.addr, c.value.len) !== c.value.addr) {
        const net = formatCidr({ addr: networkOf(c.value.addr, c.value.len), len: c.value.len });
        report(at('routes', j, 'dst'), say('route.host-bits', { dst: r.dst, network: net }));
      }
    }
    const key = r.dst === 'default' ? '0.0.0.0/0' : r.dst;
    if (dsts.has(key)) report(at('routes', j, 'dst'), r.dst === 'default' ? say('route.duplicate-default', { host: h.id }) : say('route.duplicate', { host: h.id, dst: r.dst }));
    dsts.add(key);
    if (r.via === undefined && r.dev === undefined) report(at('routes', j), say('route.no-next-hop'));
    if (r.dev !== undefined && !devices.includes(r.dev)) report(at('routes', j, 'dev'), say('host.no-interface', { host: h.id, dev: r.dev, devices: ifList }));
    if (r.via !== undefined) {
      const via = parseIpv4(r.via);
      if (via.ok && !local.some((l) => (r.dev === undefined || l.dev === r.dev) && l.len < 32 && inPrefix(via.value, l.addr, l.len))) {
        report(at('routes', j, 'via'), r.dev ? say('route.gateway-off-device', { via: r.via, host: h.id, dev: r.dev }) : say('route.gateway-off-link', { via: r.via, host: h.id }));
      }
    }
    if (r.src !== undefined) {
      const src = parseIpv4(r.src);
      if (src.ok && !local.some((l) => l.addr === src.value)) report(at('routes', j, 'src'), say('route.src-not-local', { src: r.src, host: h.id }));
    }
  });

  for (const [name, value] of Object.entries(h.sysctl ?? {})) {
    const path = at('sysctl', name);
    const s = parseSysctlName(name);
    if (!s) {
      report(path, say('sysctl.unknown', { keySet: `{${Object.keys(CONF_SYSCTL_VALUES).join(',')}}` }));
      continue;
    }
    if (s.kind === 'conf' && typeof s.scope === 'object' && !devices.includes(s.scope.dev)) {
      report(path, say('host.no-interface-or-all', { host: h.id, dev: s.scope.dev, devices: ifList }));
    }
    const allowed = s.kind === 'ip_forward' ? [0, 1] : (CONF_SYSCTL_VALUES[s.key] ?? []);
    if (!allowed.includes(value)) report(path, say('sysctl.bad-value', { value, key: s.kind === 'ip_forward' ? 'ip_forward' : s.key, allowed: oneOf(allowed) }));
  }

  const services = new Set<string>();
  (h.ipvs?.services ?? []).forEach((svc, j) => {
    const sp = (...rest: Array<string | number>) => at('ipvs', 'services', j, ...rest);
    if (!(SCHEDULER_NAMES as readonly string[]).includes(svc.scheduler)) report(sp('scheduler'), say('ipvs.unknown-scheduler', { scheduler: svc.scheduler, names: SCHEDULER_NAMES.join(', ') }));
    (svc.schedFlags ?? []).forEach((f, k) => {
      if (!(SCHED_FLAGS as readonly string[]).includes(f)) report(sp('schedFlags', k), say('ipvs.unknown-sched-flag', { flag: f, names: SCHED_FLAGS.join(', ') }));
    });
    if (svc.fwmark === undefined && svc.port === 0) report(sp('port'), say('ipvs.port-zero'));
    if (svc.persistence?.netmask !== undefined) {
      const m = parseIpv4(svc.persistence.netmask);
      if (m.ok && !Array.from({ length: 33 }, (_, len) => prefixMask(len)).includes(m.value)) {
        report(sp('persistence', 'netmask'), say('ipvs.bad-netmask', { netmask: svc.persistence.netmask }));
      }
    }
    const key = svc.fwmark !== undefined ? `fwmark ${svc.fwmark}` : `${svc.proto} ${svc.vip}:${svc.port}`;
    if (services.has(key)) report(sp(), say('ipvs.duplicate-service', { service: key, host: h.id }));
    services.add(key);
    const dests = new Set<string>();
    svc.dests.forEach((d, k) => {
      const dk = `${d.addr}:${effectiveDestPort(svc, d)}`;
      if (dests.has(dk)) report(sp('dests', k), say('ipvs.duplicate-dest', { dest: dk }));
      dests.add(dk);
    });
  });

  const listening = new Set<number>();
  (h.apps ?? []).forEach((app, j) => {
    if (app.kind === 'http-client' || app.kind === 'udp-client') return;
    const key = (app.kind === 'udp-server' ? 100_000 : 0) + app.port;
    if (listening.has(key)) report(at('apps', j, 'port'), say('app.port-in-use', { host: h.id, proto: app.kind === 'udp-server' ? 'UDP' : 'TCP', port: app.port }));
    listening.add(key);
  });
}

function checkSegments(s: Scenario, report: Report): void {
  const hosts = new Map(s.hosts.map((h) => [h.id, h] as const));
  const hostList = s.hosts.map((h) => h.id).join(', ');
  const attached = new Map<string, string>();
  const ids = new Set<string>();
  s.segments.forEach((seg, i) => {
    if (ids.has(seg.id)) report(['segments', i, 'id'], say('segment.duplicate-id', { id: seg.id }));
    ids.add(seg.id);
    if (seg.kind === 'link' && seg.ports.length !== 2) report(['segments', i, 'ports'], say('segment.link-ends', { count: seg.ports.length }));
    seg.ports.forEach((p, j) => {
      const h = hosts.get(p.host);
      if (!h) {
        report(['segments', i, 'ports', j, 'host'], say('segment.no-host', { host: p.host, hosts: hostList }));
        return;
      }
      if (!h.interfaces.some((f) => f.name === p.if)) {
        const devices = h.interfaces.map((f) => f.name).join(', ');
        report(['segments', i, 'ports', j, 'if'], say('host.no-interface', { host: h.id, dev: p.if, devices: devices || say('what.none') }));
        return;
      }
      if (isVirtualIface(p.if)) {
        report(['segments', i, 'ports', j, 'if'], say('segment.virtual-device', { dev: p.if }));
        return;
      }
      const key = `${p.host} ${p.if}`;
      const prev = attached.get(key);
      if (prev !== undefined) report(['segments', i, 'ports', j], say('segment.port-taken', { port: key, segment: prev }));
      else attached.set(key, seg.id);
    });
  });
}

/** Checks that need the whole typed document; [] when it is consistent. */
export function crossReferenceProblems(s: Scenario): Problem[] {
  const problems: Problem[] = [];
  const report: Report = (path, phrase) => problems.push(problemAt(formatPath(path), phrase));
  const ids = new Map<string, number>();
  const macs = new Map<string, string>();
  s.hosts.forEach((h, i) => {
    const prev = ids.get(h.id);
    if (prev !== undefined) report(['hosts', i, 'id'], say('host.duplicate-id', { id: h.id, index: prev }));
    else ids.set(h.id, i);
    h.interfaces.forEach((f, j) => {
      if (f.mac === undefined) return;
      const mac = f.mac.toLowerCase();
      const owner = macs.get(mac);
      if (owner !== undefined) report(['hosts', i, 'interfaces', j, 'mac'], say('interface.duplicate-mac', { mac, owner }));
      else macs.set(mac, `${h.id} ${f.name}`);
    });
    checkHost(h, i, report);
  });
  checkSegments(s, report);
  return problems;
}

/** Every problem found, each at its path; the document when there are none. */
export function checkScenario(json: unknown): Result<Scenario, Problem[]> {
  try {
    const migrated = migrateScenario(json);
    if (!migrated.ok) return err([migrated.error]);
    const shaped = parseScenarioShape(migrated.value);
    if (!shaped.ok) return err(shaped.error);
    const problems = crossReferenceProblems(shaped.value);
    return problems.length ? err(problems) : ok(shaped.value);
  } catch (e) {
    // Nothing above should throw; if it ever does, the caller still gets a problem, not a crash.
    return err([problemAt('scenario', say('scenario.unreadable', { reason: e instanceof Error ? e.message : String(e) }))]);
  }
}

/**
 * Untrusted JSON → Scenario. The error is the first problem, with the count of the rest; the
 * CLI prints it with formatProblem.
 * @example formatProblem(validateScenario(JSON.parse(text)).error) // 'hosts[0].id: missing, expected a string'
 */
export function validateScenario(json: unknown): Result<Scenario, Problem> {
  const r = checkScenario(json);
  if (r.ok) return r;
  const [first = problemAt('scenario', say('scenario.invalid')), ...rest] = r.error;
  return err(rest.length ? { ...first, more: rest.length } : first);
}
