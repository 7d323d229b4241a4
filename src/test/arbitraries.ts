/**
 * fast-check generators of random but valid scenarios. They generate a *plan*: a bag of small
 * numbers and choices (topology shape, subnets, per-host routing mode, sysctls, apps, IPVS
 * rules), and scenario-from-plan.ts turns any plan into a Scenario that passes
 * validateScenario. Keeping the random part as plain numbers lets fast-check shrink a failure
 * to a small topology without ever producing an invalid document.
 */
import fc from 'fast-check';
import { SCHEDULER_NAMES } from '../engine/ipvs/types';
import type { Scenario } from '../engine/scenario/types';
import { scenarioFromPlan } from './scenario-from-plan';

/** How a host reaches subnets it is not on. */
export const ROUTE_MODES = ['correct', 'default', 'wrong-gateway', 'missing', 'on-link'] as const;
export type RouteMode = (typeof ROUTE_MODES)[number];

export const SYSCTL_KEYS = ['arp_ignore', 'arp_announce', 'rp_filter', 'accept_local', 'ip_forward'] as const;

export interface SysctlPlan {
  /** 0 = all, 1 = default, 2+ = one of the host's interfaces (modulo their count). */
  scope: number;
  key: (typeof SYSCTL_KEYS)[number];
  /** Index into the values Linux accepts for `key` (modulo their count). */
  value: number;
}

export interface ClientPlan {
  /** Aim at the IPVS VIP (when there is one) rather than a host's own address. */
  toVip: boolean;
  /** Which host's address to aim at (modulo the host count). */
  target: number;
  port: 80 | 8080;
  requests: number;
  startMs: number;
  holdMs: number;
}

export interface HostPlan {
  /** Host part of its address in each subnet it is on (modulo the subnet's size). */
  offset: number;
  /** LAN only: this host's prefix length differs from its neighbours' by this much. */
  lenDelta: number;
  /** Per Ethernet interface: administratively up. */
  up: boolean[];
  routes: RouteMode;
  /** Which host is its gateway on a LAN (modulo the host count; never itself). */
  gateway: number;
  ipForward: boolean;
  sysctl: SysctlPlan[];
  /** 0 none, 1 port 80, 2 port 8080, 3 both. */
  server: number;
  client: ClientPlan | null;
  /** The VIP on lo:0 (DR real servers). */
  vipOnLo: boolean;
  /** A tunl0 device holding the VIP (TUN real servers). */
  tunl0: 'none' | 'up' | 'down';
}

export interface DestPlan {
  /** Real server: a host's first address (modulo the host count), or `stray` = an address nobody holds. */
  host: number;
  stray: boolean;
  port: 80 | 8080;
  method: 'masq' | 'gate' | 'ipip';
  weight: number;
}

export interface ServicePlan {
  proto: 'tcp' | 'udp';
  port: 80 | 8080;
  scheduler: (typeof SCHEDULER_NAMES)[number];
  persistenceS: number | null;
  dests: DestPlan[];
}

export interface IpvsPlan {
  director: number;
  /** The VIP: the director's own address, or an alias eth0:0 at this offset in its first subnet. */
  vipAlias: number | null;
  services: ServicePlan[];
}

export interface SubnetPlan {
  firstOctet: number;
  /** Low 24 bits of the network's base address. */
  low: number;
  len: number;
}

export interface TopologyPlan {
  shape: 'lan' | 'chain';
  hosts: HostPlan[];
  /** The chain's n-1 subnets (the LAN uses the first). */
  subnets: SubnetPlan[];
  /** Chain only: per segment, a point-to-point link (true) or a two-port switch. */
  links: boolean[];
  latencyMs: number[];
  ipvs: IpvsPlan | null;
  /** An L7 proxy on this host (modulo the count) with these upstream hosts. */
  proxy: { host: number; upstreams: number[] } | null;
}

/** true most of the time, false sometimes: interfaces are usually up. */
const mostlyTrue = fc.oneof({ weight: 6, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) });
const port = fc.constantFrom<80 | 8080>(80, 8080);
/** `arb` one time in `1 + nullWeight`, else null. */
const sometimes = <T>(arb: fc.Arbitrary<T>, nullWeight: number): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: nullWeight, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });
/** First octets that make ordinary unicast networks, plus anything 1-223 now and then. */
const firstOctet = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(10, 20, 11, 172, 192) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 223 }).filter((n) => n !== 127) },
);

export const sysctlPlan: fc.Arbitrary<SysctlPlan> = fc.record({
  scope: fc.nat(5),
  key: fc.constantFrom(...SYSCTL_KEYS),
  value: fc.nat(4),
});

export const clientPlan: fc.Arbitrary<ClientPlan> = fc.record({
  toVip: mostlyTrue,
  target: fc.nat(5),
  port,
  requests: fc.integer({ min: 0, max: 3 }),
  startMs: fc.constantFrom(0, 0, 5, 50),
  holdMs: fc.constantFrom(0, 0, 0, 30),
});

export const hostPlan: fc.Arbitrary<HostPlan> = fc.record({
  offset: fc.nat(1 << 20),
  lenDelta: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constantFrom(-4, -1, 2, 6) }),
  up: fc.array(mostlyTrue, { minLength: 2, maxLength: 2 }),
  routes: fc.oneof({ weight: 4, arbitrary: fc.constantFrom<RouteMode>('correct', 'default') }, { weight: 2, arbitrary: fc.constantFrom(...ROUTE_MODES) }),
  gateway: fc.nat(5),
  ipForward: mostlyTrue,
  sysctl: fc.array(sysctlPlan, { maxLength: 4 }),
  server: fc.nat(3),
  client: fc.option(clientPlan, { freq: 2 }),
  vipOnLo: fc.boolean(),
  tunl0: fc.constantFrom('none', 'none', 'up', 'down'),
});

export const destPlan: fc.Arbitrary<DestPlan> = fc.record({
  host: fc.nat(5),
  stray: fc.oneof({ weight: 8, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  port,
  method: fc.constantFrom('masq', 'gate', 'ipip'),
  weight: fc.integer({ min: 0, max: 5 }),
});

export const servicePlan: fc.Arbitrary<ServicePlan> = fc.record({
  proto: fc.oneof({ weight: 6, arbitrary: fc.constant<'tcp' | 'udp'>('tcp') }, { weight: 1, arbitrary: fc.constant<'tcp' | 'udp'>('udp') }),
  port,
  scheduler: fc.constantFrom(...SCHEDULER_NAMES),
  persistenceS: sometimes(fc.integer({ min: 1, max: 600 }), 3),
  dests: fc.array(destPlan, { minLength: 0, maxLength: 4 }),
});

export const ipvsPlan: fc.Arbitrary<IpvsPlan> = fc.record({
  director: fc.nat(5),
  vipAlias: fc.option(fc.nat(1 << 20), { freq: 2 }),
  services: fc.array(servicePlan, { minLength: 1, maxLength: 2 }),
});

export const subnetPlan: fc.Arbitrary<SubnetPlan> = fc.record({
  firstOctet,
  low: fc.nat(0xffffff),
  len: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(24, 16, 8) }, { weight: 2, arbitrary: fc.integer({ min: 8, max: 30 }) }),
});

export const topologyPlan: fc.Arbitrary<TopologyPlan> = fc.record({
  shape: fc.constantFrom('lan', 'chain'),
  hosts: fc.array(hostPlan, { minLength: 2, maxLength: 6 }),
  subnets: fc.array(subnetPlan, { minLength: 5, maxLength: 5 }),
  links: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  latencyMs: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 5, maxLength: 5 }),
  ipvs: fc.option(ipvsPlan, { freq: 3 }),
  proxy: sometimes(fc.record({ host: fc.nat(5), upstreams: fc.array(fc.nat(5), { minLength: 1, maxLength: 2 }) }), 7),
});

const ARP_FOR_VIP_ON_LO: SysctlPlan[] = [
  { scope: 0, key: 'arp_ignore', value: 1 },
  { scope: 0, key: 'arp_announce', value: 2 },
  { scope: 0, key: 'accept_local', value: 1 },
];

/**
 * The same plan set up the way the course's labs are: interfaces up, routes right, the real
 * servers holding the VIP on lo and tunl0 with DR's ARP sysctls, servers on both ports, clients
 * aiming at ports that listen, and, on a LAN, the director as everyone's gateway (NAT replies
 * must pass it). Random plans mostly fail early (ARP, routing); tidy ones reach the schedulers,
 * the conn table and every forwarding method, so the properties see those too.
 */
export function tidyPlan(plan: TopologyPlan): TopologyPlan {
  const n = plan.hosts.length;
  const director = plan.ipvs ? plan.ipvs.director % n : -1;
  const dests = new Set((plan.ipvs?.services ?? []).flatMap((s) => s.dests.map((d) => d.host % n)));
  return {
    ...plan,
    hosts: plan.hosts.map((h, i) => ({
      ...h,
      up: [true, true],
      routes: 'correct',
      gateway: director >= 0 ? director : h.gateway,
      ipForward: true,
      sysctl: dests.has(i) && i !== director ? ARP_FOR_VIP_ON_LO : [],
      server: 3,
      client: i === director || !h.client ? null : { ...h.client, target: h.client.target % n === i ? i + 1 : h.client.target, port: h.client.toVip ? (plan.ipvs?.services[0]?.port ?? 80) : h.client.port },
      vipOnLo: dests.has(i),
      tunl0: dests.has(i) ? 'up' : 'none',
    })),
    ipvs: plan.ipvs && { ...plan.ipvs, services: plan.ipvs.services.map((s) => ({ ...s, proto: 'tcp', dests: s.dests.map((d) => ({ ...d, stray: false })) })) },
  };
}

/** A random valid scenario, with the plan it came from (shown when a property fails). */
export const scenarioArb: fc.Arbitrary<{ plan: TopologyPlan; scenario: Scenario }> = fc
  .oneof(topologyPlan, topologyPlan.map(tidyPlan))
  .map((plan) => ({ plan, scenario: scenarioFromPlan(plan) }));

/** A seed as the CLI and the engine take it. */
export const seedArb: fc.Arbitrary<number> = fc.integer({ min: 0, max: 0xffff_ffff });
