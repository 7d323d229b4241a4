/**
 * Small builders the presets share, so each preset file reads like the course's address table.
 * Presets are plain Scenario data; these helpers only spell it shorter.
 */
import type {
  AddrSpec, AppSpec, DestSpec, HostRole, HostSpec, I18nText, IfaceSpec, RouteSpec, Scenario, SegmentSpec, ServiceSpec,
} from '../scenario/types';

export const t = (en: string, zh: string): I18nText => ({ en, zh });

/** An address "10.10.10.11/24", or [cidr, label] for an alias such as ["10.10.10.100/32", "eth0:0"]. */
export type AddrArg = string | readonly [cidr: string, label: string];

export function iface(name: string, ...addrs: AddrArg[]): IfaceSpec {
  return {
    name,
    addrs: addrs.map((a): AddrSpec => (typeof a === 'string' ? { cidr: a } : { cidr: a[0], label: a[1] })),
  };
}

/**
 * The loopback's extra addresses (the real servers' VIP on lo:0 in DR). Every host has lo with
 * 127.0.0.1/8 already, as Linux gives it; a scenario lists lo only to add to it.
 */
export const loopback = (...aliases: AddrArg[]): IfaceSpec => iface('lo', ...aliases);

/** The IP-in-IP fallback device holding the VIP, as TUN real servers need (ip addr add VIP/32 dev tunl0). */
export const tunl0 = (vip: string): IfaceSpec => ({ name: 'tunl0', up: true, addrs: [{ cidr: `${vip}/32` }] });

export const defaultVia = (gateway: string): RouteSpec[] => [{ dst: 'default', via: gateway }];

export const httpServer = (port = 80): AppSpec => ({ kind: 'http-server', port });

/** Two requests by default: enough to see rr alternate between real servers. */
export const httpClient = (target: string, requests = 2): AppSpec => ({ kind: 'http-client', target, requests });

/** ipvsadm -A -t VIP:port -s rr, then -a -r RIP:port -m|-g|-i for each real server, in this order. */
export function rrService(vip: string, method: DestSpec['method'], rips: readonly string[], port = 80): ServiceSpec {
  return {
    proto: 'tcp',
    vip,
    port,
    scheduler: 'rr',
    dests: rips.map((addr) => ({ addr, port, method, weight: 1 })),
  };
}

export interface HostArgs {
  name?: I18nText;
  at: readonly [x: number, y: number];
  interfaces: IfaceSpec[];
  routes?: RouteSpec[];
  sysctl?: Record<string, number>;
  services?: ServiceSpec[];
  apps?: AppSpec[];
}

export function host(id: string, role: HostRole, a: HostArgs): HostSpec {
  return {
    id,
    role,
    ...(a.name ? { name: a.name } : {}),
    position: { x: a.at[0], y: a.at[1] },
    interfaces: a.interfaces,
    ...(a.routes ? { routes: a.routes } : {}),
    ...(a.sysctl ? { sysctl: a.sysctl } : {}),
    ...(a.services ? { ipvs: { services: a.services } } : {}),
    ...(a.apps ? { apps: a.apps } : {}),
  };
}

/** "RS1:eth0" → { host: 'RS1', if: 'eth0' }. */
const port = (p: string): SegmentSpec['ports'][number] => {
  const [h = '', f = 'eth0'] = p.split(':');
  return { host: h, if: f };
};

export function lan(id: string, name: I18nText, at: readonly [number, number], ports: readonly string[]): SegmentSpec {
  return { id, kind: 'switch', name, position: { x: at[0], y: at[1] }, ports: ports.map(port) };
}

export function link(id: string, name: I18nText, a: string, b: string): SegmentSpec {
  return { id, kind: 'link', name, ports: [port(a), port(b)] };
}

/** What a real server needs in DR so only the director answers ARP for the VIP (LVS-DR how-to: all and lo). */
export const DR_ARP_SYSCTL: Readonly<Record<string, number>> = {
  'net.ipv4.conf.all.arp_ignore': 1,
  'net.ipv4.conf.all.arp_announce': 2,
  'net.ipv4.conf.lo.arp_ignore': 1,
  'net.ipv4.conf.lo.arp_announce': 2,
};

export const IP_FORWARD: Readonly<Record<string, number>> = { 'net.ipv4.ip_forward': 1 };

/**
 * A preset that differs from another by a few fields: a deep copy of `base` with `change`
 * applied, so the variant can never alter the preset it starts from.
 */
export function derive(base: Scenario, change: (s: Scenario) => void): Scenario {
  const copy = structuredClone(base);
  change(copy);
  return copy;
}

/** The host with this id; for preset construction, where a missing id is a programming error. */
export function hostOf(s: Scenario, id: string): HostSpec {
  const h = s.hosts.find((x) => x.id === id);
  if (!h) throw new Error(`preset ${s.id} has no host ${id}`);
  return h;
}

export function ifaceOf(h: HostSpec, name: string): IfaceSpec {
  const f = h.interfaces.find((x) => x.name === name);
  if (!f) throw new Error(`host ${h.id} has no interface ${name}`);
  return f;
}

/** Display names: the host id first, then the course's word for its role. */
export const CLIENT = t('C client', 'C 客户端');
export const DIRECTOR = t('D director', 'D 负载调度器');
export const INTERNET = t('R Internet router', 'R 互联网路由器');
export const realServer = (n: number): I18nText => t(`RS${n} real server`, `RS${n} 真实服务器`);
