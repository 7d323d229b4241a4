/**
 * What the learner is asked at a hop, with the choices and the truth, all from the trace:
 * S and D (with the port wherever a learner can know it: a server's port, not a client's
 * ephemeral one), the inner header of IP-in-IP, and the host that receives the frame (the
 * destination MAC's owner: DR's lesson, and at a director, which real server).
 */
import type { Scenario, TraceJson } from '../engine';
import { addressBook, type AddressBook } from './addresses';
import { endpointText, hostRoles, type Endpoint, type QuizHop } from './hops';

export type FieldId = 's' | 'd' | 'innerS' | 'innerD' | 'to';
export const FIELD_ORDER: readonly FieldId[] = ['s', 'd', 'innerS', 'innerD', 'to'];

export interface QuizField {
  id: FieldId;
  /** Address choices ("ip" or "ip:port"), or host ids for `to`. */
  options: string[];
  truth: string;
}

export interface Question {
  hop: QuizHop;
  fields: QuizField[];
}

/** Linux hands clients ports from ip_local_port_range (32768-60999): below it, a port is a service's. */
export const EPHEMERAL_PORT_MIN = 32768;
const knowable = (port: number | undefined): port is number => port !== undefined && port < EPHEMERAL_PORT_MIN;

/** What the quiz needs once per trace: the hops' choices come from the whole run. */
export interface QuizContext {
  roles: Record<string, string>;
  book: AddressBook;
  /** Addresses offered for S and D: every address of a host that is not a router, in host order. */
  addresses: string[];
  /** Server ports the run uses, offered with each address where the truth has one. */
  ports: number[];
  /** Hosts offered for `to`: every host but routers and switches. */
  hosts: string[];
  /** The forwarding method every real server of the scenario uses, if they share one. */
  method: ForwardMethod | null;
}

/** ipvsadm's words: -m masquerading (NAT), -g gatewaying (DR), -i ipip (TUN). */
export type ForwardMethod = 'masq' | 'gate' | 'ipip';

export function quizContext(trace: TraceJson, scenario: Pick<Scenario, 'hosts'>, hops: readonly QuizHop[]): QuizContext {
  const roles = hostRoles(scenario);
  const book = addressBook(trace, scenario);
  const endHost = (r: string | undefined) => r === 'router' || r === 'switch';
  const addresses = [...book.values()].filter((a) => a.holders.some((h) => !endHost(roles[h]))).map((a) => a.ip);
  const ports = new Set<number>();
  for (const h of hops) for (const e of [h.s, h.d, h.inner?.s, h.inner?.d]) if (knowable(e?.port)) ports.add(e.port);
  const hosts = scenario.hosts.filter((h) => !endHost(h.role)).map((h) => h.id);
  const methods = new Set(scenario.hosts.flatMap((h) => h.ipvs?.services.flatMap((svc) => svc.dests.map((d) => d.method)) ?? []));
  const method = methods.size === 1 ? [...methods][0] ?? null : null;
  return { roles, book, addresses, ports: [...ports].sort((a, b) => a - b), hosts, method };
}

function endpointField(id: FieldId, e: Endpoint, ctx: QuizContext): QuizField {
  const truth = knowable(e.port) ? endpointText(e) : e.ip;
  const addrs = ctx.addresses.includes(e.ip) ? ctx.addresses : [...ctx.addresses, e.ip];
  const options = knowable(e.port) ? addrs.flatMap((a) => ctx.ports.map((p) => `${a}:${p}`)) : addrs;
  return { id, options, truth };
}

export function questionFor(hop: QuizHop, ctx: QuizContext): Question {
  const fields = [endpointField('s', hop.s, ctx), endpointField('d', hop.d, ctx)];
  if (hop.inner) fields.push(endpointField('innerS', hop.inner.s, ctx), endpointField('innerD', hop.inner.d, ctx));
  fields.push({ id: 'to', options: ctx.hosts.includes(hop.to) ? ctx.hosts : [...ctx.hosts, hop.to], truth: hop.to });
  return { hop, fields };
}

/** The IP part of a choice: "10.0.0.1:80" → "10.0.0.1". */
export const ipOf = (choice: string): string => choice.split(':')[0] ?? choice;
