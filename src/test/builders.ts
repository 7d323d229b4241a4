/**
 * Small builders for the engine's unit tests: hand-made interfaces and route tables for the pure
 * kernels (arp-policy, source-select, validate-source, table), tiny scenario documents for the
 * stateful behaviour, and queries over a run's trace. Test-only: the engine never imports this.
 */
import { ip, type Ipv4 } from '../engine/addr/ipv4';
import { parseCidr, type Cidr } from '../engine/addr/cidr';
import { formatEnglish } from '../engine/problem/format';
import type { Mac } from '../engine/addr/mac';
import { addIfAddr, newIfStats, type Iface, type IfaceKind } from '../engine/host/iface';
import { ifConf, type IfConf } from '../engine/host/sysctl';
import { RouteTable, type StaticRoute } from '../engine/route/table';
import type { AppSpec, HostRole, HostSpec, RouteSpec, Scenario, SegmentSpec } from '../engine/scenario/types';
import type { ActionEventJson, DropEventJson, FrameEventJson, TraceJson } from '../engine';

export { ip };

/** "10.0.0.1/24", or [cidr, label] for an alias such as ["10.0.0.100/32", "eth0:0"]. */
export type AddrArg = string | readonly [cidr: string, label: string];

let nextIndex = 1;

function cidr(text: string): Cidr {
  const c = parseCidr(text);
  if (!c.ok) throw new Error(formatEnglish(c.error));
  return c.value;
}

function kindOf(name: string): IfaceKind {
  return name === 'lo' ? 'loopback' : name === 'tunl0' ? 'ipip' : 'ether';
}

/** An interface as `ip addr add` would leave it: lo also gets 127.0.0.1/8 (host scope) first. */
export function testIface(name: string, addrs: readonly AddrArg[] = [], opts: { up?: boolean; conf?: Partial<IfConf>; hostId?: string } = {}): Iface {
  const index = nextIndex++;
  const endpoint = { host: opts.hostId ?? 'H', if: name };
  const dev: Iface = {
    index, hostId: endpoint.host, hostIndex: -1, name, kind: kindOf(name), mac: (0x020000000000 + index) as Mac, up: opts.up ?? true, addrs: [],
    endpoint, endpointList: [endpoint], conf: { ...ifConf(new Map(), name), ...opts.conf }, stats: newIfStats(),
  };
  if (dev.kind === 'loopback') addIfAddr(dev, ip('127.0.0.1'), 8, 'lo');
  for (const a of addrs) {
    const [text, label] = typeof a === 'string' ? [a, name] : a;
    const c = cidr(text);
    addIfAddr(dev, c.addr, c.len, label);
  }
  return dev;
}

/** `ip route add` lines as data: dst "default" or a CIDR, with via/dev/src. */
export function routeTable(ifaces: readonly Iface[], statics: readonly RouteSpec[] = []): { table: RouteTable; problems: string[] } {
  const table = new RouteTable();
  const parsed: StaticRoute[] = statics.map((r) => {
    const dst = r.dst === 'default' ? { addr: 0 as Ipv4, len: 0 } : cidr(r.dst.includes('/') ? r.dst : `${r.dst}/32`);
    return {
      dst: dst.addr, len: dst.len,
      ...(r.via !== undefined ? { via: ip(r.via) } : {}),
      ...(r.dev !== undefined ? { devName: r.dev } : {}),
      ...(r.src !== undefined ? { src: ip(r.src) } : {}),
    };
  });
  const problems = table.rebuild(ifaces, parsed);
  return { table, problems };
}

/** A host in a scenario document: interfaces as name → addresses. */
export function hostSpec(
  id: string, role: HostRole, ifaces: Record<string, readonly AddrArg[]>,
  more: Partial<Pick<HostSpec, 'routes' | 'sysctl' | 'apps' | 'ipvs'>> = {},
): HostSpec {
  return {
    id, role,
    interfaces: Object.entries(ifaces).map(([name, addrs]) => ({
      name,
      addrs: addrs.map((a) => (typeof a === 'string' ? { cidr: a } : { cidr: a[0], label: a[1] })),
    })),
    ...more,
  };
}

/** A switch joining "Host:if" ports (latency 1 ms). */
export function lanSpec(id: string, ...ports: string[]): SegmentSpec {
  return {
    id, kind: 'switch',
    ports: ports.map((p) => {
      const [host = '', iface = 'eth0'] = p.split(':');
      return { host, if: iface };
    }),
  };
}

export function scenarioOf(id: string, hosts: HostSpec[], segments: SegmentSpec[]): Scenario {
  return { version: 1, id, title: { en: id, zh: id }, summary: { en: id, zh: id }, hosts, segments };
}

export const client = (target: string, requests = 1, more: { gapMs?: number; startMs?: number; holdMs?: number } = {}): AppSpec =>
  ({ kind: 'http-client', target, requests, ...more });
export const server = (port = 80): AppSpec => ({ kind: 'http-server', port });

export const framesOf = (t: TraceJson): FrameEventJson[] => t.events.filter((e): e is FrameEventJson => e.kind === 'frame');

export const actionsOf = (t: TraceJson, action?: string, host?: string): ActionEventJson[] =>
  t.events.filter((e): e is ActionEventJson => e.kind === 'action' && (action === undefined || e.action === action) && (host === undefined || e.host === host));

export const dropsOf = (t: TraceJson, reason?: string, host?: string): DropEventJson[] =>
  t.events.filter((e): e is DropEventJson => e.kind === 'drop' && (reason === undefined || e.reason === reason) && (host === undefined || e.host === host));

/** ARP frames sent by `host` (requests unless `op` says otherwise). */
export const arpFramesFrom = (t: TraceJson, host: string, op: 'request' | 'reply' = 'request'): FrameEventJson[] =>
  framesOf(t).filter((f) => f.from.host === host && f.arp?.op === op);

/** A TCP frame as "FLAGS" (e.g. "PSH|ACK"), or undefined for anything else. */
export const tcpFlagsOf = (f: FrameEventJson): string | undefined => f.ip?.tcp?.flags.join('|');
