/**
 * What the compare view and `cli compare` measure of one run: hops per request, the hosts
 * the packets touch, the director's packets and bytes each way (the service's connections as
 * `ipvsadm -L -n --stats` counts them, every packet of the run), whether the reply passes the
 * director, whether ports were rewritten, whether client, director and servers share one
 * broadcast domain.
 */
import { IpvsDirector } from '../ipvs/ipvs-director';
import { emptyStats, type IpvsStats } from '../ipvs/types';
import type { RunResult } from '../sim/run';
import type { Scenario } from '../scenario/types';
import { packetHops, type PacketHop } from './packet-hops';
import { requestPaths } from './paths';

/** Which slide a run answers to: the forwarding method of its service, an L7 proxy, or neither. */
export type CompareMode = 'nat' | 'dr' | 'tun' | 'l7' | 'none';

export interface DirectorCounts {
  in_packets: number;
  out_packets: number;
  in_bytes: number;
  out_bytes: number;
}

/** One scenario's row: the contract's fields (docs/cli.md), then what the view adds. */
export interface CompareRow {
  id: string;
  requests: number;
  hops_per_request: number;
  director: DirectorCounts;
  reply_via_director: boolean;
  ports_rewritten: boolean;
  one_broadcast_domain: boolean;
  hosts_touched: string[];
  mode: CompareMode;
  director_host: string | null;
  /** The first request's path and its reply's, host by host. */
  paths: { request: string[]; reply: string[] };
}

export interface Measured {
  row: CompareRow;
  /** Every connection frame, for stepping the runs side by side. */
  hops: PacketHop[];
}

const METHOD_MODE = { masq: 'nat', gate: 'dr', ipip: 'tun' } as const;

function modeOf(s: Scenario): CompareMode {
  const method = s.hosts.flatMap((h) => h.ipvs?.services ?? []).flatMap((v) => v.dests)[0]?.method;
  if (method) return METHOD_MODE[method];
  return s.hosts.some((h) => h.apps?.some((a) => a.kind === 'l7-proxy')) ? 'l7' : 'none';
}

/** The host with IPVS rules, else the director or proxy by role. */
function directorOf(s: Scenario): string | undefined {
  return (s.hosts.find((h) => h.ipvs?.services.length) ?? s.hosts.find((h) => h.role === 'director' || h.role === 'proxy'))?.id;
}

/** The ports something serves on: services, their real servers, web servers and proxies. */
function serverPorts(s: Scenario): Set<number> {
  const ports = new Set<number>();
  for (const h of s.hosts) {
    for (const v of h.ipvs?.services ?? []) {
      if (!v.fwmark) ports.add(v.port);
      for (const d of v.dests) ports.add(d.port);
    }
    for (const a of h.apps ?? []) if (a.kind === 'http-server' || a.kind === 'l7-proxy' || a.kind === 'udp-server') ports.add(a.port);
  }
  return ports;
}

/** A switch that the clients, the director and every real server are plugged into. */
function oneBroadcastDomain(s: Scenario, director: string | undefined): boolean {
  if (director === undefined) return false;
  const members = s.hosts.filter((h) => h.role === 'client' || h.role === 'real-server' || h.role === 'server' || h.id === director).map((h) => h.id);
  return s.segments.some((g) => g.kind === 'switch' && members.every((m) => g.ports.some((p) => p.host === m)));
}

/** IPVS's own counters summed over the director's services: every packet of the run. */
function ipvsCounts(r: RunResult, director: string): DirectorCounts | undefined {
  const d = r.world.hosts.get(director)?.director;
  if (!(d instanceof IpvsDirector)) return undefined;
  const sum: IpvsStats = emptyStats();
  for (const svc of d.services.services()) {
    sum.inpkts += svc.stats.inpkts;
    sum.outpkts += svc.stats.outpkts;
    sum.inbytes += svc.stats.inbytes;
    sum.outbytes += svc.stats.outbytes;
  }
  return { in_packets: sum.inpkts, out_packets: sum.outpkts, in_bytes: sum.inbytes, out_bytes: sum.outbytes };
}

/** The same figures read off the frames: what a proxy, which has no IPVS, receives each way. */
export function hopCounts(hops: readonly PacketHop[]): DirectorCounts {
  const c: DirectorCounts = { in_packets: 0, out_packets: 0, in_bytes: 0, out_bytes: 0 };
  for (const h of hops) {
    if (h.directorIn) {
      c.in_packets++;
      c.in_bytes += h.bytes;
    } else if (h.directorOut) {
      c.out_packets++;
      c.out_bytes += h.bytes;
    }
  }
  return c;
}

function firstTouch(hops: readonly PacketHop[]): string[] {
  const seen = new Set<string>();
  for (const h of hops) {
    seen.add(h.from);
    seen.add(h.to);
  }
  return [...seen];
}

/** Measures a finished, retained run of `scenario` shown as `id`. */
export function measureRun(id: string, scenario: Scenario, r: RunResult): Measured {
  const director = directorOf(scenario);
  const hops = packetHops(r.world, r.trace.events, director, serverPorts(scenario));
  const requests = r.trace.stats.requestsOk + r.trace.stats.requestsFailed;
  const paths = requestPaths(hops);
  const counts = (director !== undefined ? ipvsCounts(r, director) : undefined) ?? hopCounts(hops);
  return {
    row: {
      id, requests,
      hops_per_request: requests ? Math.round((hops.length / requests) * 100) / 100 : 0,
      director: counts,
      reply_via_director: hops.some((h) => h.directorOut),
      ports_rewritten: paths.portsRewritten,
      one_broadcast_domain: oneBroadcastDomain(scenario, director),
      hosts_touched: firstTouch(hops),
      mode: modeOf(scenario),
      director_host: director ?? null,
      paths: { request: paths.request, reply: paths.reply },
    },
    hops,
  };
}
