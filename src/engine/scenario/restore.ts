/**
 * Fills every default a validated Scenario may leave out, so build.ts and the UI never see a
 * missing field (Excalidraw's restore()). Absences that mean something stay optional: a route
 * without `via` is on-link, a host without `ipvs` has no IPVS table, a service without
 * `persistence` is not persistent, a host without `position` is laid out by the UI.
 * Every host also has lo with 127.0.0.1/8, listed or not: build.ts adds it, as Linux does, and a
 * scenario lists lo only for the addresses it adds (the VIP on lo:0 in DR).
 * Pure and idempotent: restore(restore(s)) deep-equals restore(s).
 */
import { formatMac, type Mac } from '../addr/mac';
import type {
  AddrSpec, AppSpec, DestSpec, HostSpec, I18nText, IfaceSpec, Scenario, SegmentSpec, ServiceSpec,
} from './types';

export const DEFAULT_IFACE_UP = true;
/** One-way latency of a switch or link. */
export const DEFAULT_LATENCY_MS = 1;
export const DEFAULT_WEIGHT = 1;
/** ipvsadm -x / -y: 0 = no threshold. */
export const DEFAULT_THRESHOLD = 0;
/** Not a firewall-mark service. */
export const DEFAULT_FWMARK = 0;
/** ipvsadm -M: persistence per client address. */
export const DEFAULT_PERSISTENCE_NETMASK = '255.255.255.255';
export const DEFAULT_START_MS = 0;
export const DEFAULT_GAP_MS = 100;
export const DEFAULT_HOLD_MS = 0;
/** How long a udp-client waits for its answer. */
export const DEFAULT_UDP_TIMEOUT_MS = 1000;
export const DEFAULT_SEED = 1;
/** What Linux shows for lo and tunl0, which have no Ethernet address of their own. */
export const NO_MAC = '00:00:00:00:00:00';

/**
 * The MAC an Ethernet interface gets when the scenario gives none, as build.ts assigns it:
 * locally administered 02:00:…, plus (host position + 1) × 256, plus the interface's index with
 * lo counted first as 0 (Linux's order), so the first host's eth0 is 02:00:00:00:01:01.
 * lo and tunl0 get NO_MAC.
 */
export function defaultMac(hostIndex: number, ifIndex: number, ifName: string): string {
  if (ifName === 'lo' || ifName === 'tunl0') return NO_MAC;
  return formatMac((0x020000000000 + (hostIndex + 1) * 256 + ifIndex) as Mac);
}

/** Interface positions as build.ts numbers them: lo first (0), then the others in order. */
function linuxIndexes(names: readonly string[]): number[] {
  let next = 1;
  return names.map((n) => (n === 'lo' ? 0 : next++));
}

export interface RestoredIface extends IfaceSpec {
  mac: string;
  up: boolean;
  addrs: Array<AddrSpec & { label: string }>;
}
export interface RestoredDest extends DestSpec {
  weight: number;
  uThreshold: number;
  lThreshold: number;
}
export interface RestoredService extends ServiceSpec {
  fwmark: number;
  schedFlags: string[];
  persistence?: { timeoutS: number; netmask: string };
  dests: RestoredDest[];
}
export type RestoredApp =
  | Extract<AppSpec, { kind: 'http-server' | 'l7-proxy' | 'udp-server' }>
  | (Extract<AppSpec, { kind: 'http-client' }> & { startMs: number; gapMs: number; holdMs: number })
  | (Extract<AppSpec, { kind: 'udp-client' }> & { startMs: number; gapMs: number; timeoutMs: number });
export interface RestoredHost extends HostSpec {
  name: I18nText;
  interfaces: RestoredIface[];
  routes: NonNullable<HostSpec['routes']>;
  sysctl: Record<string, number>;
  ipvs?: { services: RestoredService[] };
  apps: RestoredApp[];
}
export interface RestoredSegment extends SegmentSpec {
  latencyMs: number;
  name: I18nText;
}
export interface RestoredScenario extends Scenario {
  lessons: I18nText[];
  seed: number;
  hosts: RestoredHost[];
  segments: RestoredSegment[];
}

const named = (id: string, name: I18nText | undefined): I18nText => (name ? { ...name } : { en: id, zh: id });

function restoreService(svc: ServiceSpec): RestoredService {
  const { persistence, ...rest } = svc;
  return {
    ...rest,
    fwmark: svc.fwmark ?? DEFAULT_FWMARK,
    schedFlags: [...(svc.schedFlags ?? [])],
    ...(persistence ? { persistence: { timeoutS: persistence.timeoutS, netmask: persistence.netmask ?? DEFAULT_PERSISTENCE_NETMASK } } : {}),
    dests: svc.dests.map((d) => ({
      ...d,
      weight: d.weight ?? DEFAULT_WEIGHT,
      uThreshold: d.uThreshold ?? DEFAULT_THRESHOLD,
      lThreshold: d.lThreshold ?? DEFAULT_THRESHOLD,
    })),
  };
}

function restoreApp(app: AppSpec): RestoredApp {
  if (app.kind === 'udp-client') return { ...app, startMs: app.startMs ?? DEFAULT_START_MS, gapMs: app.gapMs ?? DEFAULT_GAP_MS, timeoutMs: app.timeoutMs ?? DEFAULT_UDP_TIMEOUT_MS };
  if (app.kind !== 'http-client') return app.kind === 'l7-proxy' ? { ...app, upstreams: [...app.upstreams] } : { ...app };
  return { ...app, startMs: app.startMs ?? DEFAULT_START_MS, gapMs: app.gapMs ?? DEFAULT_GAP_MS, holdMs: app.holdMs ?? DEFAULT_HOLD_MS };
}

function restoreHost(h: HostSpec, i: number): RestoredHost {
  const { ipvs, ...rest } = h;
  const index = linuxIndexes(h.interfaces.map((f) => f.name));
  return {
    ...rest,
    name: named(h.id, h.name),
    ...(h.position ? { position: { ...h.position } } : {}),
    interfaces: h.interfaces.map((f, j) => ({
      ...f,
      mac: (f.mac ?? defaultMac(i, index[j] ?? j, f.name)).toLowerCase(),
      up: f.up ?? DEFAULT_IFACE_UP,
      addrs: f.addrs.map((a) => ({ cidr: a.cidr, label: a.label ?? f.name })),
    })),
    routes: (h.routes ?? []).map((r) => ({ ...r })),
    sysctl: { ...h.sysctl },
    ...(ipvs ? { ipvs: { services: ipvs.services.map(restoreService) } } : {}),
    apps: (h.apps ?? []).map(restoreApp),
  };
}

/** A validated Scenario with every default filled in; a new object, sharing nothing with the input. */
export function restoreScenario(s: Scenario): RestoredScenario {
  return {
    ...s,
    title: { ...s.title },
    summary: { ...s.summary },
    lessons: (s.lessons ?? []).map((l) => ({ ...l })),
    seed: s.seed ?? DEFAULT_SEED,
    hosts: s.hosts.map(restoreHost),
    segments: s.segments.map((seg) => ({
      ...seg,
      latencyMs: seg.latencyMs ?? DEFAULT_LATENCY_MS,
      name: named(seg.id, seg.name),
      ports: seg.ports.map((p) => ({ ...p })),
      ...(seg.position ? { position: { ...seg.position } } : {}),
    })),
  };
}
