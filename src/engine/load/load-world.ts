/**
 * The world a load run drives: the scenario with its own clients silenced, the service's
 * scheduler and weights as asked, and the client host holding one address per load client,
 * each with its own sockets and ports (as `ip addr add A/32 dev eth0` for every address and a
 * program binding each before connect()). The other hosts reach those addresses the way they
 * reach the client's own address (a route to their prefix via the same next hop), so every
 * reply takes the path it takes in the scenario.
 */
import { formatIpv4, parseIpv4, type Ipv4 } from '../addr/ipv4';
import { inPrefix } from '../addr/cidr';
import { announceAddresses } from '../arp/garp';
import { addIfAddr } from '../host/iface';
import { attachDirector } from '../ipvs/attach';
import type { IpvsDirector } from '../ipvs/ipvs-director';
import type { ServiceConfig } from '../ipvs/types';
import { selectSource } from '../route/source-select';
import { buildWorld } from '../scenario/build';
import type { HostSpec, Scenario, ServiceSpec } from '../scenario/types';
import { Trace } from '../sim/trace';
import { createWorld, type Host, type World } from '../sim/world';

/** A real server the run knows: in the service now, or one that may be added. */
export interface LoadServer {
  readonly id: string;
  readonly host: Host;
  readonly addr: Ipv4;
  readonly port: number;
  readonly method: 'masq' | 'gate' | 'ipip';
  /** Its weight in the scenario (or as the options set it). */
  readonly weight: number;
}

export interface LoadWorld {
  readonly world: World;
  readonly director: Host;
  readonly ipvs: IpvsDirector;
  readonly service: ServiceConfig;
  readonly client: Host;
  readonly clientAddrs: readonly Ipv4[];
  /** Every real server, by host id, in the order of the scenario's `ipvsadm -a` lines, then the rest. */
  readonly servers: ReadonlyMap<string, LoadServer>;
}

/** Prefixes the client addresses may come from: RFC 2544's benchmarking range first. */
const CLIENT_PREFIXES: ReadonlyArray<readonly [string, number]> = [['198.18.0.0', 22], ['100.64.0.0', 22], ['172.31.252.0', 22]];

export interface LoadWorldOptions {
  readonly clients: number;
  readonly seed: number;
  readonly scheduler?: string | undefined;
  readonly weights?: Readonly<Record<string, number>> | undefined;
  readonly director?: string | undefined;
}

function ipOf(text: string): Ipv4 {
  const r = parseIpv4(text);
  return r.ok ? r.value : (0 as Ipv4);
}

/** The host whose interfaces hold `addr`, by id. */
function holder(scenario: Scenario, addr: string): HostSpec | undefined {
  return scenario.hosts.find((h) => h.interfaces.some((i) => i.addrs.some((a) => a.cidr.split('/')[0] === addr)));
}

function loadService(h: HostSpec): ServiceSpec | undefined {
  return h.ipvs?.services.find((s) => s.proto === 'tcp' && !s.fwmark);
}

/** The scenario as the load run builds it, or a problem naming the option at fault. */
function loadScenario(scenario: Scenario, o: LoadWorldOptions): { scenario: Scenario; directorId: string } | string {
  const d = o.director !== undefined ? scenario.hosts.find((h) => h.id === o.director) : scenario.hosts.find((h) => loadService(h));
  if (!d || !loadService(d)) return o.director !== undefined ? `director: ${o.director} has no TCP virtual service` : `scenario: ${scenario.id} has no director with a TCP virtual service`;
  if (!scenario.hosts.some((h) => h.role === 'client')) return `scenario: ${scenario.id} has no client host to send the load from`;
  const svc = loadService(d) as ServiceSpec;
  const known = new Map<string, string>();
  for (const ds of svc.dests) known.set(holder(scenario, ds.addr)?.id ?? ds.addr, ds.addr);
  for (const id of Object.keys(o.weights ?? {})) {
    if (!known.has(id)) return `weights: ${id} is not a real server of ${formatService(svc)} (${[...known.keys()].join(', ')})`;
  }
  const dests = svc.dests.map((ds) => {
    const id = holder(scenario, ds.addr)?.id ?? ds.addr;
    const w = o.weights?.[id];
    return w === undefined ? ds : { ...ds, weight: w };
  });
  const newSvc: ServiceSpec = { ...svc, dests, ...(o.scheduler !== undefined ? { scheduler: o.scheduler } : {}) };
  const hosts = scenario.hosts.map((h): HostSpec => {
    // Only the load makes requests: the scenario's own clients stay quiet.
    const apps = h.apps?.filter((a) => a.kind !== 'http-client' && a.kind !== 'udp-client');
    const ipvs = h === d && h.ipvs ? { services: h.ipvs.services.map((s) => (s === svc ? newSvc : s)) } : h.ipvs;
    return { ...h, ...(apps ? { apps } : {}), ...(ipvs ? { ipvs } : {}) };
  });
  return { scenario: { ...scenario, hosts }, directorId: d.id };
}

function formatService(s: ServiceSpec): string {
  return `${s.vip}:${s.port}`;
}

/** The client addresses: the first free prefix's, skipping .0 and .255. */
function clientAddresses(w: World, n: number): Ipv4[] | undefined {
  const taken = (base: Ipv4, len: number): boolean => w.hostList.some((h) => h.ifaces.some((i) => i.addrs.some((a) => inPrefix(a.addr, base, len) || inPrefix(base, a.addr, a.len))));
  for (const [text, len] of CLIENT_PREFIXES) {
    const base = ipOf(text);
    if (taken(base, len)) continue;
    const out: Ipv4[] = [];
    for (let a = base + 1; out.length < n; a++) if ((a & 255) !== 0 && (a & 255) !== 255) out.push(a as Ipv4);
    return out;
  }
  return undefined;
}

export function buildLoadWorld(scenario: Scenario, o: LoadWorldOptions): LoadWorld | string {
  const prepared = loadScenario(scenario, o);
  if (typeof prepared === 'string') return prepared;
  const w = createWorld(o.seed, new Trace(false, Number.MAX_SAFE_INTEGER, false));
  buildWorld(w, prepared.scenario, { attachDirector });
  announceAddresses(w);
  const director = w.hosts.get(prepared.directorId) as Host;
  const ipvs = director.director as IpvsDirector | undefined;
  const service = ipvs?.services.services().find((s) => s.config.proto === 'tcp' && !s.config.fwmark)?.config;
  if (!ipvs || !service) return `scenario: ${scenario.id}: the director's rules were refused`;
  const client = w.hostList.find((h) => h.role === 'client') as Host;
  const toVip = client.routes.lookup(service.vip);
  const cip = toVip && toVip.type === 'unicast' ? selectSource(toVip, service.vip, client.ifaces) : undefined;
  if (!toVip || cip === undefined) return `scenario: ${scenario.id}: client ${client.id} has no route to the service ${formatIpv4(service.vip)}`;
  const addrs = clientAddresses(w, o.clients);
  if (!addrs) return `scenario: ${scenario.id} already uses every range the load's client addresses could come from`;
  for (const a of addrs) addIfAddr(toVip.dev, a, 32, toVip.dev.name);
  client.ownAddrs.reset(client.ifaces.flatMap((i) => i.addrs.map((x) => x.addr)));
  client.routes.rebuild(client.ifaces, client.statics);
  client.tcp.separatePorts(addrs);
  routeClientsLikeClient(w, client, cip, addrs[0] as Ipv4, (addrs.at(-1) as Ipv4));
  for (const host of w.hostList) for (const app of host.apps) app.start(w, host);
  return { world: w, director, ipvs, service, client, clientAddrs: addrs, servers: loadServers(w, scenario, prepared.scenario, prepared.directorId) };
}

/** Every other host gets a route to the clients' prefix through the next hop it uses for `cip`. */
function routeClientsLikeClient(w: World, client: Host, cip: Ipv4, first: Ipv4, last: Ipv4): void {
  let len = 32;
  while (len > 0 && !inPrefix(last, first, len)) len--;
  const dst = (len === 0 ? 0 : (first & (~0 << (32 - len)))) >>> 0;
  for (const h of w.hostList) {
    if (h === client) continue;
    const r = h.routes.lookup(cip);
    if (!r || r.type !== 'unicast') continue;
    h.statics.push({ dst: dst as Ipv4, len, via: r.via ?? cip, devName: r.dev.name });
    h.routes.rebuild(h.ifaces, h.statics);
  }
}

/** The service's real servers (by host id), then every other host serving the service's port that could be added. */
function loadServers(w: World, original: Scenario, prepared: Scenario, directorId: string): Map<string, LoadServer> {
  const d = prepared.hosts.find((h) => h.id === directorId) as HostSpec;
  const svc = loadService(d) as ServiceSpec;
  const out = new Map<string, LoadServer>();
  for (const ds of svc.dests) {
    const spec = holder(original, ds.addr);
    const host = spec && w.hosts.get(spec.id);
    if (!host) continue;
    out.set(host.id, { id: host.id, host, addr: ipOf(ds.addr), port: ds.method === 'masq' ? ds.port : svc.port, method: ds.method, weight: ds.weight ?? 1 });
  }
  const method = svc.dests[0]?.method ?? 'masq';
  for (const spec of original.hosts) {
    if (out.has(spec.id) || spec.role !== 'real-server') continue;
    if (!spec.apps?.some((a) => a.kind === 'http-server' && a.port === svc.port)) continue;
    const addr = spec.interfaces.flatMap((i) => i.addrs).find((a) => !a.cidr.startsWith('127.') && a.cidr.split('/')[0] !== svc.vip);
    const host = w.hosts.get(spec.id);
    if (addr && host) out.set(spec.id, { id: spec.id, host, addr: ipOf(addr.cidr.split('/')[0] as string), port: svc.port, method, weight: 1 });
  }
  return out;
}
