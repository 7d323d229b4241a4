/**
 * Scenario (validated JSON) → a simulated world: hosts with their interfaces (lo first, as
 * Linux numbers it), addresses with alias labels, routes, sysctls, segments, IPVS rules and apps.
 * Inputs are assumed valid (schema.ts checked them); anything still inconsistent is reported.
 */
import { parseIpv4, type Ipv4 } from '../addr/ipv4';
import { parseCidr } from '../addr/cidr';
import { parseMac, type Mac } from '../addr/mac';
import type { Result } from '../addr/result';
import { NeighTable } from '../arp/neigh-table';
import { Fdb } from '../l2/fdb';
import { plugIn } from '../l2/segment';
import { addIfAddr, newIfStats, type Iface, type IfaceKind } from '../host/iface';
import { ifConf } from '../host/sysctl';
import { OwnAddrs } from '../host/own-addrs';
import type { App } from '../host/app';
import { httpClient } from '../host/apps/http-client';
import { httpServer } from '../host/apps/http-server';
import { l7Proxy } from '../host/apps/l7-proxy';
import { udpClient } from '../host/apps/udp-client';
import { udpServer } from '../host/apps/udp-server';
import { formatEnglish } from '../problem/format';
import type { Phrase } from '../problem/phrase';
import { RouteTable, type StaticRoute } from '../route/table';
import type { Host, World } from '../sim/world';
import type { Segment } from '../l2/types';
import { TcpStack } from '../tcp/tcp-stack';
import type { AppSpec, HostSpec, Scenario } from './types';

export interface BuildHooks {
  /** Attaches IPVS to a host that has rules (kept apart so plain networking needs no IPVS code). */
  attachDirector?(w: World, host: Host, spec: NonNullable<HostSpec['ipvs']>): void;
}

function must<T>(r: Result<T, Phrase>, where: string): T {
  if (!r.ok) throw new Error(`${where}: ${formatEnglish(r.error)}`);
  return r.value;
}

function kindOf(name: string): IfaceKind {
  if (name === 'lo') return 'loopback';
  if (name === 'tunl0') return 'ipip';
  return 'ether';
}

function defaultMac(hostIndex: number, ifIndex: number): Mac {
  return (0x020000000000 + (hostIndex + 1) * 256 + ifIndex) as Mac;
}

export function makeIface(hostId: string, hostIndex: number, index: number, name: string, mac: Mac, up: boolean): Iface {
  const endpoint = { host: hostId, if: name };
  return {
    index, hostId, hostIndex, name, kind: kindOf(name), mac, up, addrs: [], segmentId: undefined, port: undefined, endpoint, endpointList: [endpoint], conf: ifConf(new Map(), name), stats: newIfStats(),
  };
}

export function parseHostPort(text: string, where: string): { addr: Ipv4; port: number } {
  const i = text.lastIndexOf(':');
  const addr = must(parseIpv4(i < 0 ? text : text.slice(0, i)), where);
  const port = i < 0 ? 80 : Number(text.slice(i + 1));
  return { addr, port };
}

function makeApp(spec: AppSpec, where: string): App {
  switch (spec.kind) {
    case 'http-server':
      return httpServer(spec.port, spec.page, spec.program);
    case 'http-client': {
      const t = parseHostPort(spec.target, `${where}.target`);
      return httpClient({ dst: t.addr, dport: t.port, requests: spec.requests, startMs: spec.startMs ?? 0, gapMs: spec.gapMs ?? 100, holdMs: spec.holdMs ?? 0 });
    }
    case 'l7-proxy':
      return l7Proxy(spec.port, spec.upstreams.map((u, i) => parseHostPort(u, `${where}.upstreams[${i}]`)));
    case 'udp-server':
      return udpServer(spec.port);
    case 'udp-client': {
      const t = parseHostPort(spec.target, `${where}.target`);
      return udpClient({ dst: t.addr, dport: t.port, requests: spec.requests, startMs: spec.startMs ?? 0, gapMs: spec.gapMs ?? 100, timeoutMs: spec.timeoutMs ?? 1000 });
    }
    default: {
      const never: never = spec;
      return never;
    }
  }
}

function buildHost(w: World, spec: HostSpec, hostIndex: number): Host {
  const ifaces: Iface[] = [];
  const loSpec = spec.interfaces.find((i) => i.name === 'lo');
  const ordered = [loSpec ?? { name: 'lo', addrs: [] }, ...spec.interfaces.filter((i) => i.name !== 'lo')];
  ordered.forEach((is, idx) => {
    const where = `hosts[${hostIndex}].interfaces[${spec.interfaces.indexOf(is as never)}]`;
    const mac = is.name === 'lo' ? (0 as Mac) : is.mac !== undefined ? must(parseMac(is.mac), `${where}.mac`) : defaultMac(hostIndex, idx);
    const iface = makeIface(spec.id, hostIndex, idx, is.name, mac, is.up ?? true);
    if (iface.kind === 'loopback') addIfAddr(iface, must(parseIpv4('127.0.0.1'), 'lo'), 8, 'lo');
    is.addrs.forEach((a, ai) => {
      const c = must(parseCidr(a.cidr), `${where}.addrs[${ai}].cidr`);
      addIfAddr(iface, c.addr, c.len, a.label ?? is.name, a.brd !== undefined ? must(parseIpv4(a.brd), `${where}.addrs[${ai}].brd`) : undefined);
    });
    ifaces.push(iface);
    if (iface.kind === 'ether') w.macOwner.set(iface.mac, iface);
  });
  const statics: StaticRoute[] = (spec.routes ?? []).map((r, ri) => {
    const where = `hosts[${hostIndex}].routes[${ri}]`;
    const dst = r.dst === 'default' ? { addr: 0 as Ipv4, len: 0 } : must(parseCidr(r.dst.includes('/') ? r.dst : `${r.dst}/32`), `${where}.dst`);
    return {
      dst: dst.addr, len: dst.len,
      ...(r.via !== undefined ? { via: must(parseIpv4(r.via), `${where}.via`) } : {}),
      ...(r.dev !== undefined ? { devName: r.dev } : {}),
      ...(r.src !== undefined ? { src: must(parseIpv4(r.src), `${where}.src`) } : {}),
    };
  });
  const sysctl = new Map(Object.entries(spec.sysctl ?? {}));
  for (const i of ifaces) i.conf = ifConf(sysctl, i.name);
  const routes = new RouteTable();
  const ownAddrs = new OwnAddrs(ifaces.flatMap((i) => i.addrs.map((a) => a.addr)));
  const host = {
    id: spec.id, role: spec.role, index: hostIndex, ifaces, ifByName: new Map(ifaces.map((i) => [i.name, i])),
    sysctl, statics, routes, ownAddrs, neigh: new NeighTable(),
    apps: (spec.apps ?? []).map((a, ai) => makeApp(a, `hosts[${hostIndex}].apps[${ai}]`)),
    udp: new Map(),
    pings: new Map(),
    marks: (spec.marks ?? []).map((m, mi) => {
      const where = `hosts[${hostIndex}].marks[${mi}]`;
      const dst = m.dst === undefined || m.dst === 'default' ? { addr: 0 as Ipv4, len: 0 } : must(parseCidr(m.dst.includes('/') ? m.dst : `${m.dst}/32`), `${where}.dst`);
      return { net: dst.addr, len: dst.len, mark: m.mark, ...(m.proto ? { proto: m.proto } : {}), ...(m.dport !== undefined ? { dport: m.dport } : {}) };
    }),
    hasIpip: ifaces.some((i) => i.kind === 'ipip'), ipId: w.rng.ipid.u32() & 0xffff,
    // Present from the start (set just below, and by attachDirector on a director), so every
    // host has one hidden class and the per-packet reads of host fields stay monomorphic.
    tcp: undefined, director: undefined,
  } as Omit<Host, 'tcp'> as Host;
  (host as { tcp: TcpStack }).tcp = new TcpStack(host);
  routes.rebuild(ifaces, statics);
  return host;
}

export function buildWorld(w: World, scenario: Scenario, hooks: BuildHooks = {}): void {
  scenario.hosts.forEach((spec, i) => {
    const host = buildHost(w, spec, i);
    w.hosts.set(host.id, host);
    w.hostList.push(host);
  });
  for (const s of scenario.segments) {
    const ports: Iface[] = [];
    for (const p of s.ports) {
      const iface = w.hosts.get(p.host)?.ifByName.get(p.if);
      if (!iface) throw new Error(`segment ${s.id}: no interface ${p.host}/${p.if}`);
      ports.push(iface);
    }
    const seg: Segment = { id: s.id, kind: s.kind, latencyMs: s.latencyMs ?? 1, ports, fdb: new Fdb(), floodOrder: [...ports].reverse() };
    for (const p of ports) plugIn(p, seg);
    w.segments.set(s.id, seg);
  }
  scenario.hosts.forEach((spec) => {
    const host = w.hosts.get(spec.id) as Host;
    if (spec.ipvs && hooks.attachDirector) hooks.attachDirector(w, host, spec.ipvs);
  });
}
