/**
 * A TopologyPlan (arbitraries.ts) → a Scenario that validateScenario accepts. Any plan maps to a
 * valid document: indices wrap around, duplicates the validator would refuse are skipped, and a
 * gateway is always an address in one of the host's own subnets (possibly one nobody holds).
 *
 * Shapes: a LAN (one switch, 2-6 hosts in one subnet) or a routed chain H0 - H1 - … - Hn-1 with
 * one subnet per hop (H0's eth0 on the first; each middle host has eth0 to the left, eth1 to the
 * right).
 */
import { inPrefix, networkOf } from '../engine/addr/cidr';
import { formatIpv4, type Ipv4 } from '../engine/addr/ipv4';
import { CONF_SYSCTL_VALUES } from '../engine/scenario/validate';
import type { AppSpec, HostRole, HostSpec, IfaceSpec, RouteSpec, Scenario, SegmentSpec, ServiceSpec } from '../engine/scenario/types';
import type { HostPlan, IpvsPlan, SubnetPlan, TopologyPlan } from './arbitraries';

interface Net {
  net: number;
  len: number;
}

interface Attachment {
  seg: number;
  ifName: string;
  addr: number;
}

const mod = (n: number, m: number): number => ((n % m) + m) % m;
const at = <T>(xs: readonly T[], i: number): T => xs[mod(i, xs.length)] as T;
const ipText = (n: number): string => formatIpv4((n >>> 0) as Ipv4);
const cidrText = (n: number, len: number): string => `${ipText(n)}/${len}`;
const clampLen = (len: number): number => Math.min(30, Math.max(8, len));

function netOf(s: SubnetPlan, len = s.len): Net {
  const base = ((s.firstOctet << 24) | s.low) >>> 0;
  return { net: networkOf(base as Ipv4, clampLen(len)), len: clampLen(len) };
}

/** A usable host address (neither the network nor the broadcast address) in `n`. */
function hostIn(n: Net, offset: number): number {
  const usable = 2 ** (32 - n.len) - 2;
  return (n.net + 1 + mod(offset, usable)) >>> 0;
}

/** Per host, the interfaces it has on segments, in order, with their addresses. */
function attachments(plan: TopologyPlan): { nets: Net[]; att: Attachment[][] } {
  const n = plan.hosts.length;
  const first = at(plan.subnets, 0);
  if (plan.shape === 'lan') {
    const nets = [netOf(first)];
    const att = plan.hosts.map((h, i) => {
      const own = netOf(first, first.len + h.lenDelta);
      // The address sits in the LAN's subnet even when this host's own prefix is longer or shorter.
      return [{ seg: 0, ifName: 'eth0', addr: hostIn(own.len >= (nets[0] as Net).len ? own : (nets[0] as Net), h.offset + i) }];
    });
    return { nets, att };
  }
  const nets = Array.from({ length: n - 1 }, (_, j) => netOf(at(plan.subnets, j)));
  const att = plan.hosts.map((h, i) => {
    const out: Attachment[] = [];
    if (i > 0) out.push({ seg: i - 1, ifName: 'eth0', addr: hostIn(nets[i - 1] as Net, h.offset + i) });
    if (i < n - 1) out.push({ seg: i, ifName: i > 0 ? 'eth1' : 'eth0', addr: hostIn(nets[i] as Net, h.offset + i) });
    return out;
  });
  return { nets, att };
}

/** An address in `n` that neither `a` nor `b` holds: the "wrong gateway". */
function strayIn(n: Net, avoid: readonly number[]): number {
  for (let k = 0; k < 4; k++) {
    const c = hostIn(n, -1 - k);
    if (!avoid.includes(c)) return c;
  }
  return hostIn(n, -1);
}

function routesFor(plan: TopologyPlan, i: number, nets: Net[], att: Attachment[][]): RouteSpec[] {
  const h = plan.hosts[i] as HostPlan;
  const mine = att[i] as Attachment[];
  const first = mine[0] as Attachment;
  const n = plan.hosts.length;
  if (h.routes === 'missing') return [];
  if (h.routes === 'on-link') return [{ dst: 'default', dev: first.ifName }];
  const allAddrs = att.flat().map((a) => a.addr);
  if (plan.shape === 'lan') {
    // The gateway must be on-link for this host's own prefix, which may be narrower than the LAN's.
    const len = clampLen(at(plan.subnets, 0).len + h.lenDelta);
    const own: Net = { net: networkOf(first.addr as Ipv4, len), len };
    const onLink = (a: number): boolean => a !== first.addr && inPrefix(a as Ipv4, own.net as Ipv4, own.len);
    const gw = h.routes === 'wrong-gateway'
      ? strayIn(own, allAddrs)
      : Array.from({ length: n }, (_, k) => ((att[mod(h.gateway + k, n)] as Attachment[])[0] as Attachment).addr).find(onLink);
    return gw === undefined || gw === first.addr ? [] : [{ dst: 'default', via: ipText(gw) }];
  }
  // Chain: the left neighbour reaches subnets 0..i-2, the right one subnets i+1..n-2.
  const left = i > 0 ? { via: ((att[i - 1] as Attachment[]).at(-1) as Attachment).addr, seg: i - 1 } : undefined;
  const right = i < n - 1 ? { via: ((att[i + 1] as Attachment[])[0] as Attachment).addr, seg: i } : undefined;
  const viaFor = (side: { via: number; seg: number }): string =>
    ipText(h.routes === 'wrong-gateway' ? strayIn(nets[side.seg] as Net, allAddrs) : side.via);
  const routes: RouteSpec[] = [];
  const seen = new Set<string>(mine.map((a) => cidrText((nets[a.seg] as Net).net, (nets[a.seg] as Net).len)));
  const add = (r: RouteSpec): void => {
    if (seen.has(r.dst)) return;
    seen.add(r.dst);
    routes.push(r);
  };
  const defaultSide = h.routes === 'correct' ? undefined : (right ?? left);
  if (defaultSide) add({ dst: 'default', via: viaFor(defaultSide) });
  nets.forEach((net, j) => {
    const side = j < i - 1 ? left : j > i ? right : undefined;
    if (side && side !== defaultSide) add({ dst: cidrText(net.net, net.len), via: viaFor(side) });
  });
  return routes;
}

function sysctlFor(h: HostPlan, ifNames: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  if (h.ipForward) out['net.ipv4.ip_forward'] = 1;
  for (const s of h.sysctl) {
    if (s.key === 'ip_forward') {
      out['net.ipv4.ip_forward'] = s.value % 2;
      continue;
    }
    const scope = s.scope === 0 ? 'all' : s.scope === 1 ? 'default' : at(ifNames, s.scope - 2);
    out[`net.ipv4.conf.${scope}.${s.key}`] = at(CONF_SYSCTL_VALUES[s.key] ?? [0], s.value);
  }
  return out;
}

function servicesFor(p: IpvsPlan, vip: string, firstAddrs: readonly number[], dirNet: Net): ServiceSpec[] {
  const keys = new Set<string>();
  const out: ServiceSpec[] = [];
  for (const sp of p.services) {
    const key = `${sp.proto} ${sp.port}`;
    if (keys.has(key)) continue;
    keys.add(key);
    const destKeys = new Set<string>();
    const dests: ServiceSpec['dests'] = [];
    for (const d of sp.dests) {
      const addr = ipText(d.stray ? strayIn(dirNet, firstAddrs) : at(firstAddrs, d.host));
      const dk = `${addr}:${d.method === 'masq' ? d.port : sp.port}`;
      if (destKeys.has(dk)) continue;
      destKeys.add(dk);
      dests.push({ addr, port: d.port, method: d.method, weight: d.weight });
    }
    out.push({
      proto: sp.proto, vip, port: sp.port, scheduler: sp.scheduler, dests,
      ...(sp.persistenceS !== null ? { persistence: { timeoutS: sp.persistenceS } } : {}),
    });
  }
  return out;
}

function appsFor(plan: TopologyPlan, i: number, vip: string | undefined, firstAddrs: readonly number[]): AppSpec[] {
  const h = plan.hosts[i] as HostPlan;
  const apps: AppSpec[] = [];
  const ports = h.server === 1 ? [80] : h.server === 2 ? [8080] : h.server === 3 ? [80, 8080] : [];
  for (const port of ports) apps.push({ kind: 'http-server', port });
  const proxy = plan.proxy;
  if (proxy && mod(proxy.host, plan.hosts.length) === i) {
    apps.push({ kind: 'l7-proxy', port: 8081, upstreams: proxy.upstreams.map((u) => `${ipText(at(firstAddrs, u))}:80`) });
  }
  const c = h.client;
  if (c) {
    const dst = c.toVip && vip !== undefined ? vip : ipText(at(firstAddrs, c.target));
    const toProxy = proxy !== null && !c.toVip && mod(c.target, plan.hosts.length) === mod(proxy.host, plan.hosts.length);
    apps.push({ kind: 'http-client', target: `${dst}:${toProxy ? 8081 : c.port}`, requests: c.requests, startMs: c.startMs, holdMs: c.holdMs });
  }
  return apps;
}

function roleOf(plan: TopologyPlan, i: number, director: number | undefined): HostRole {
  if (i === director) return 'director';
  if (plan.proxy && mod(plan.proxy.host, plan.hosts.length) === i) return 'proxy';
  if (plan.hosts[i]?.client) return 'client';
  if (plan.shape === 'chain' && i > 0 && i < plan.hosts.length - 1) return 'router';
  return 'server';
}

export function scenarioFromPlan(plan: TopologyPlan): Scenario {
  const { nets, att } = attachments(plan);
  const firstAddrs = att.map((a) => (a[0] as Attachment).addr);
  const director = plan.ipvs ? mod(plan.ipvs.director, plan.hosts.length) : undefined;
  const dirAtt = director !== undefined ? ((att[director] as Attachment[])[0] as Attachment) : undefined;
  const dirNet = dirAtt ? (nets[dirAtt.seg] as Net) : undefined;
  const vipAddr = dirAtt && dirNet && plan.ipvs?.vipAlias != null ? hostIn(dirNet, plan.ipvs.vipAlias) : dirAtt?.addr;
  const vip = vipAddr !== undefined ? ipText(vipAddr) : undefined;

  const hosts: HostSpec[] = plan.hosts.map((h, i) => {
    const mine = att[i] as Attachment[];
    const interfaces: IfaceSpec[] = mine.map((a, k) => {
      const len = plan.shape === 'lan' ? clampLen(at(plan.subnets, 0).len + h.lenDelta) : (nets[a.seg] as Net).len;
      const addrs: IfaceSpec['addrs'] = [{ cidr: cidrText(a.addr, len) }];
      if (i === director && k === 0 && vipAddr !== undefined && vipAddr !== a.addr) addrs.push({ cidr: cidrText(vipAddr, 32), label: `${a.ifName}:0` });
      return { name: a.ifName, up: h.up[k] ?? true, addrs };
    });
    if (vip !== undefined && i !== director) {
      if (h.vipOnLo) interfaces.push({ name: 'lo', addrs: [{ cidr: `${vip}/32`, label: 'lo:0' }] });
      if (h.tunl0 !== 'none') interfaces.push({ name: 'tunl0', up: h.tunl0 === 'up', addrs: [{ cidr: `${vip}/32` }] });
    }
    const sysctl = sysctlFor(h, interfaces.map((f) => f.name));
    const routes = routesFor(plan, i, nets, att);
    const apps = appsFor(plan, i, vip, firstAddrs);
    const services = i === director && plan.ipvs && vip !== undefined && dirNet ? servicesFor(plan.ipvs, vip, firstAddrs, dirNet) : [];
    return {
      id: `H${i}`,
      role: roleOf(plan, i, director),
      interfaces,
      ...(routes.length ? { routes } : {}),
      ...(Object.keys(sysctl).length ? { sysctl } : {}),
      ...(services.length ? { ipvs: { services } } : {}),
      ...(apps.length ? { apps } : {}),
    };
  });

  const segments: SegmentSpec[] = plan.shape === 'lan'
    ? [{ id: 'lan', kind: 'switch', latencyMs: at(plan.latencyMs, 0), ports: hosts.map((h) => ({ host: h.id, if: 'eth0' })) }]
    : nets.map((_, j) => ({
        id: `seg${j}`,
        kind: at(plan.links, j) ? 'link' : 'switch',
        latencyMs: at(plan.latencyMs, j),
        ports: [{ host: `H${j}`, if: j > 0 ? 'eth1' : 'eth0' }, { host: `H${j + 1}`, if: 'eth0' }],
      }));

  return {
    version: 1,
    id: `random-${plan.shape}-${plan.hosts.length}`,
    title: { en: 'random', zh: '随机' },
    summary: { en: 'generated by src/test/arbitraries.ts', zh: '由 src/test/arbitraries.ts 生成' },
    hosts,
    segments,
  };
}
