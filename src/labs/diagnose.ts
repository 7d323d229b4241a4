/**
 * From the requests' outcomes to one verdict: pass, or the symptom the traffic shows and the
 * step it points to. Rules run in the order a packet travels (client, director, real server,
 * way back), so the first broken hop is the one named.
 */
import type { Scenario } from '../engine';
import type { Drop, RequestOutcome } from './observe';
import type { BuildLab } from './types';

export type DiagnosisCode =
  | 'client-silent'
  | 'vip-unanswered'
  | 'arp-answered-by-real-server'
  | 'no-virtual-service'
  | 'director-cannot-reach'
  | 'wrong-forwarding-method'
  | 'vip-not-on-real-server'
  | 'no-tunnel'
  | 'martian-source'
  | 'rp-filter'
  | 'port-mapping'
  | 'web-server-stopped'
  | 'real-server-no-route'
  | 'gateway-unreachable'
  | 'director-not-forwarding'
  | 'reply-not-from-vip'
  | 'request-failed'
  | 'server-unused';

export interface Diagnosis {
  readonly code: DiagnosisCode;
  readonly params: Readonly<Record<string, string | number>>;
  /** The checklist step it points to, by id; undefined when no step of the lab covers it. */
  readonly step: string | undefined;
}

interface Context {
  readonly lab: BuildLab;
  readonly outcomes: readonly RequestOutcome[];
  /** The scenario as the learner's commands left it (to name ports and addresses in the message). */
  readonly scenario: Scenario;
}

type Rule = (c: Context) => Diagnosis | undefined;

const stepIf = (lab: BuildLab, ...ids: string[]): string | undefined => ids.find((id) => lab.steps.some((s) => s.id === id));
const servers = (c: Context): readonly string[] => c.lab.servers;
const allDrops = (c: Context): Drop[] => c.outcomes.flatMap((o) => o.drops);
const firstDrop = (c: Context, hosts: readonly string[], reasons: readonly string[]): Drop | undefined =>
  allDrops(c).find((d) => hosts.includes(d.host) && reasons.includes(d.reason));
const hostOfAddr = (c: Context, addr: string): string =>
  c.scenario.hosts.find((h) => h.interfaces.some((i) => i.addrs.some((a) => a.cidr.split('/')[0] === addr)))?.id ?? addr;
const failed = (c: Context): RequestOutcome[] => c.outcomes.filter((o) => o.exitCode !== 0);

const clientSilent: Rule = (c) => {
  const o = c.outcomes.find((x) => !x.clientSent && x.exitCode !== 0);
  return o && { code: 'client-silent', params: { client: c.lab.client, vip: c.lab.vip, curl: o.output.trim() }, step: stepIf(c.lab, 'addresses') };
};

const vipUnanswered: Rule = (c) => {
  const o = c.outcomes.find((x) => x.unansweredArp.length > 0 && x.exitCode !== 0);
  const target = o?.unansweredArp[0];
  return target === undefined ? undefined : {
    code: 'vip-unanswered',
    params: { client: c.lab.client, target, vip: c.lab.vip },
    step: target === c.lab.vip ? stepIf(c.lab, 'vip', 'addresses') : stepIf(c.lab, 'addresses'),
  };
};

const arpAnsweredByRealServer: Rule = (c) => {
  const straight = c.outcomes.filter((o) => o.synReceivers.some((h) => servers(c).includes(h)));
  if (straight.length === 0) return undefined;
  const server = straight[0]?.synReceivers.find((h) => servers(c).includes(h)) as string;
  const directorSaw = c.outcomes.filter((o) => o.directorSaw).length;
  return {
    code: 'arp-answered-by-real-server',
    params: { server, count: straight.length, total: c.outcomes.length, directorSaw, vip: c.lab.vip, client: c.lab.client },
    step: stepIf(c.lab, 'arp'),
  };
};

const noVirtualService: Rule = (c) => {
  const o = c.outcomes.find((x) => x.directorSaw && x.scheduled === undefined && x.exitCode !== 0);
  return o && { code: 'no-virtual-service', params: { director: c.lab.director, vip: c.lab.vip, port: c.lab.port }, step: stepIf(c.lab, 'ipvs') };
};

const directorCannotReach: Rule = (c) => {
  const d = firstDrop(c, [c.lab.director], ['arp-timeout', 'no-route']);
  if (!d) return undefined;
  const rip = String(d.params['nexthop'] ?? d.params['dst'] ?? '');
  return { code: 'director-cannot-reach', params: { director: c.lab.director, rip, server: hostOfAddr(c, rip), reason: d.reason }, step: stepIf(c.lab, 'addresses') };
};

const wrongForwardingMethod: Rule = (c) => {
  const o = c.outcomes.find((x) => x.scheduled !== undefined && x.scheduled.forward !== c.lab.forward);
  return o?.scheduled && { code: 'wrong-forwarding-method', params: { forward: o.scheduled.forward, expected: c.lab.forward, dest: o.scheduled.dest }, step: stepIf(c.lab, 'ipvs') };
};

const vipNotOnRealServer: Rule = (c) => {
  const d = firstDrop(c, servers(c), ['not-local-address', 'not-for-this-host', 'forwarding-disabled']);
  return d && { code: 'vip-not-on-real-server', params: { server: d.host, vip: c.lab.vip }, step: stepIf(c.lab, 'vip-on-lo', 'tunnel') };
};

const noTunnel: Rule = (c) => {
  const d = firstDrop(c, servers(c), ['no-tunnel', 'proto-unreachable']);
  const u = c.outcomes.flatMap((o) => o.unreachables).find((x) => x.code === 2 && servers(c).includes(x.host));
  const server = d?.host ?? u?.host;
  return server === undefined ? undefined : { code: 'no-tunnel', params: { server, vip: c.lab.vip }, step: stepIf(c.lab, 'tunnel') };
};

const martianSource: Rule = (c) => {
  const d = firstDrop(c, servers(c), ['martian-source']);
  return d && { code: 'martian-source', params: { server: d.host, src: String(d.params['src'] ?? c.lab.vip) }, step: stepIf(c.lab, 'accept-local') };
};

const rpFilter: Rule = (c) => {
  const d = firstDrop(c, servers(c), ['rp-filter']);
  return d && { code: 'rp-filter', params: { server: d.host, src: String(d.params['src'] ?? ''), dev: String(d.params['dev'] ?? '') }, step: stepIf(c.lab, 'tunnel') };
};

/** A real server reset the connection: port mapping when its web server listens on another port, else no server at all. */
const serverRefused: Rule = (c) => {
  const r = c.outcomes.flatMap((o) => o.resets).find((x) => servers(c).includes(x.host));
  if (!r) return undefined;
  const ports = (c.scenario.hosts.find((h) => h.id === r.host)?.apps ?? []).flatMap((a) => (a.kind === 'http-server' ? [a.port] : []));
  if (ports.length > 0 && !ports.includes(r.port)) {
    return { code: 'port-mapping', params: { server: r.host, port: r.port, listening: ports.join(', '), vip: c.lab.vip }, step: stepIf(c.lab, 'ipvs') };
  }
  return { code: 'web-server-stopped', params: { server: r.host, port: r.port }, step: undefined };
};

const realServerNoRoute: Rule = (c) => {
  const d = firstDrop(c, servers(c), ['no-route']);
  return d && { code: 'real-server-no-route', params: { server: d.host, dst: String(d.params['dst'] ?? c.lab.client) }, step: stepIf(c.lab, 'gateway', 'addresses') };
};

const gatewayUnreachable: Rule = (c) => {
  const d = firstDrop(c, servers(c), ['arp-timeout']);
  return d && { code: 'gateway-unreachable', params: { server: d.host, gateway: String(d.params['nexthop'] ?? '') }, step: stepIf(c.lab, 'gateway', 'addresses') };
};

/** With ip_forward=0 the director takes a reply for the client as not for it (Linux: ip_route_input finds no forwarding). */
const directorNotForwarding: Rule = (c) => {
  const d = firstDrop(c, [c.lab.director], ['forwarding-disabled', 'not-local-address']);
  return d && { code: 'director-not-forwarding', params: { director: c.lab.director }, step: stepIf(c.lab, 'forward') };
};

const replyNotFromVip: Rule = (c) => {
  const o = c.outcomes.find((x) => x.foreignReplySources.length > 0);
  const src = o?.foreignReplySources[0];
  return src === undefined ? undefined : { code: 'reply-not-from-vip', params: { src, server: hostOfAddr(c, src), vip: c.lab.vip }, step: stepIf(c.lab, 'gateway', 'vip-on-lo', 'tunnel') };
};

const requestFailed: Rule = (c) => {
  const o = failed(c)[0];
  return o && { code: 'request-failed', params: { curl: o.output.trim(), failed: failed(c).length, total: c.outcomes.length }, step: undefined };
};

const serverUnused: Rule = (c) => {
  const served = new Set(c.outcomes.map((o) => o.servedBy));
  const unused = servers(c).find((s) => !served.has(s));
  return unused === undefined ? undefined : { code: 'server-unused', params: { server: unused, total: c.outcomes.length, vip: c.lab.vip }, step: stepIf(c.lab, 'ipvs') };
};

const RULES: readonly Rule[] = [
  clientSilent, vipUnanswered, arpAnsweredByRealServer, noVirtualService, directorCannotReach, wrongForwardingMethod,
  noTunnel, martianSource, rpFilter, vipNotOnRealServer, serverRefused, realServerNoRoute, gatewayUnreachable,
  directorNotForwarding, replyNotFromVip, requestFailed, serverUnused,
];

/** undefined = every request went through the director, was answered from the VIP, and every real server took part. */
export function diagnose(lab: BuildLab, outcomes: readonly RequestOutcome[], scenario: Scenario): Diagnosis | undefined {
  const c: Context = { lab, outcomes, scenario };
  for (const rule of RULES) {
    const d = rule(c);
    if (d) return d;
  }
  return undefined;
}
