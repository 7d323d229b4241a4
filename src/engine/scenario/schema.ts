/**
 * The shape of a version-1 scenario as a valibot schema: types, ranges and address syntax.
 * Cross-references (host ids, segment ports, sysctl names, …) are checked afterwards in
 * validate.ts, which needs the whole typed scenario. Every problem is a code at its JSON path
 * (src/engine/problem), which reads in English as `hosts[2].interfaces[0].addrs[1].cidr: "10.10.10.300/24" is not …`.
 */
import * as v from 'valibot';
import { parseCidr } from '../addr/cidr';
import { parseIpv4 } from '../addr/ipv4';
import { parseMac } from '../addr/mac';
import { err, ok, type Result } from '../addr/result';
import { SCHEDULER_NAMES } from '../ipvs/types';
import { say } from '../problem/codes';
import { formatEnglish } from '../problem/format';
import { expectedPhrase, foundPhrase } from '../problem/issue-words';
import { phraseAsMessage, phraseOfMessage, problemAt, type Phrase, type Problem } from '../problem/phrase';
import type { Scenario } from './types';

type Issue = v.BaseIssue<unknown>;

/** Limits that keep an imported or linked scenario small enough to simulate and draw. */
export const SCENARIO_LIMITS = {
  hosts: 64,
  segments: 64,
  interfaces: 16,
  addrs: 32,
  routes: 64,
  services: 16,
  dests: 64,
  apps: 8,
  lessons: 16,
  requests: 1000,
  textChars: 4000,
} as const;

function defaultIssuePhrase(issue: Issue): Phrase {
  if (issue.received === 'undefined') return say('shape.missing', { expected: expectedPhrase(issue.expected) });
  return say('shape.expected-found', { expected: expectedPhrase(issue.expected), found: foundPhrase(issue.received) });
}

/** Used for every issue whose schema has no message of its own (see parseScenarioShape). */
export const defaultIssueMessage = (issue: Issue): string => phraseAsMessage(defaultIssuePhrase(issue));

const expectedFound = (expected: Phrase, found: string | number): string =>
  phraseAsMessage(say('shape.expected-found', { expected, found: typeof found === 'string' ? foundPhrase(found) : found }));

/** A strict object whose messages say which field is missing or unknown. */
function obj<const E extends v.ObjectEntries>(entries: E) {
  const message = (issue: Issue): string => {
    const last = issue.path?.[issue.path.length - 1];
    const key = last && typeof last.key === 'string' ? last.key : undefined;
    if (key !== undefined && issue.expected === 'never') {
      return phraseAsMessage(say('shape.unknown-field', { fields: Object.keys(entries).join(', ') }));
    }
    if (key !== undefined && issue.input === undefined) {
      const entry = entries[key];
      return phraseAsMessage(say('shape.missing', { expected: expectedPhrase(entry ? entry.expects : null) }));
    }
    return defaultIssueMessage(issue);
  };
  return v.strictObject(entries, message);
}

/** A string checked by one of the addr parsers, whose error already quotes the bad text. */
function parsed(parse: (text: string) => Result<unknown, Phrase>, description: Phrase) {
  return v.pipe(
    v.string(),
    v.description(formatEnglish(description)),
    v.rawCheck<string>(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      // The addr parsers forgive surrounding spaces; a scenario keeps its addresses canonical.
      if (/\s/.test(dataset.value)) {
        addIssue({ message: phraseAsMessage(say('shape.has-spaces', { text: dataset.value, expected: description })) });
        return;
      }
      const r = parse(dataset.value);
      if (!r.ok) addIssue({ message: phraseAsMessage(r.error) });
    }),
  );
}

function intIn(min: number, max: number) {
  const message = (issue: Issue): string => expectedFound(say('what.whole-number', { min, max }), issue.received);
  return v.pipe(v.number(message), v.integer(message), v.minValue(min, message), v.maxValue(max, message));
}

function list<const T extends v.GenericSchema>(item: T, max: number, min = 0) {
  const count = (issue: Issue): string => expectedFound(
    min > 0 ? say('what.items-between', { min, max }) : say('what.items-at-most', { max }),
    Array.isArray(issue.input) ? issue.input.length : issue.received,
  );
  return v.pipe(v.array(item), v.minLength(min, count), v.maxLength(max, count));
}

function text(maxChars: number = SCENARIO_LIMITS.textChars) {
  return v.pipe(
    v.string(),
    v.maxLength(maxChars, (i: Issue) => expectedFound(say('what.chars-at-most', { max: maxChars }), typeof i.input === 'string' ? i.input.length : i.received)),
  );
}

function nonEmpty(what: Phrase, pattern: RegExp, maxChars: number) {
  const message = (issue: Issue): string => expectedFound(what, issue.received);
  return v.pipe(v.string(message), v.regex(pattern, message), v.maxLength(maxChars, message));
}

export const Ipv4Text = parsed(parseIpv4, say('what.ipv4'));
/** parseCidr quotes only the address part when that is wrong; quote the whole text the user wrote. */
function parseCidrQuotingAll(textIn: string): Result<unknown, Phrase> {
  const r = parseCidr(textIn);
  if (r.ok) return r;
  const slash = textIn.indexOf('/');
  const quotesHead = slash >= 0 && r.error.code.startsWith('ipv4.') && r.error.params['text'] === textIn.slice(0, slash);
  return quotesHead ? err({ code: r.error.code, params: { ...r.error.params, text: textIn } }) : r;
}
export const CidrText = parsed(parseCidrQuotingAll, say('what.cidr'));
export const RouteDstText = parsed((textIn) => {
  if (textIn === 'default') return ok(textIn);
  const r = parseCidrQuotingAll(textIn);
  return r.ok ? r : err(say('route-dst.not-a-network', { reason: r.error }));
}, say('what.route-dst'));
export const MacText = parsed(parseMac, say('what.mac'));

/** "10.10.10.100:80", the form of an http-client target and an l7-proxy upstream. */
export function parseEndpoint(textIn: string): Result<{ ip: string; port: number }, Phrase> {
  const colon = textIn.lastIndexOf(':');
  if (colon < 0) return err(say('endpoint.no-port', { text: textIn }));
  const ipText = textIn.slice(0, colon);
  const portText = textIn.slice(colon + 1);
  const a = parseIpv4(ipText);
  if (!a.ok) return err(say('endpoint.bad-address', { text: textIn, reason: a.error }));
  if (!/^\d{1,5}$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) {
    return err(say('endpoint.bad-port', { text: textIn, port: portText }));
  }
  return ok({ ip: ipText, port: Number(portText) });
}
export const EndpointText = parsed(parseEndpoint, say('what.endpoint'));

const I18n = obj({ en: text(), zh: text() });
const Position = obj({ x: v.pipe(v.number(), v.finite()), y: v.pipe(v.number(), v.finite()) });
const Port = intIn(1, 65535);
const Ms = intIn(0, 3_600_000);

/** Linux interface names: up to 15 bytes (IFNAMSIZ - 1), no ':' (that marks an alias label), '/' or spaces. */
export const IFNAME_RE = /^[A-Za-z0-9_.-]{1,15}$/;
const IfName = nonEmpty(say('what.interface-name'), IFNAME_RE, 15);
export const HOST_ID_RE = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;
const HostId = nonEmpty(say('what.host-id'), HOST_ID_RE, 32);
const SegmentId = nonEmpty(say('what.segment-id'), HOST_ID_RE, 32);

const Addr = obj({ cidr: CidrText, label: v.exactOptional(nonEmpty(say('what.alias-label'), /^[^\s/]{1,15}$/, 15)), brd: v.exactOptional(Ipv4Text) });

const Iface = obj({
  name: IfName,
  mac: v.exactOptional(MacText),
  up: v.exactOptional(v.boolean()),
  addrs: list(Addr, SCENARIO_LIMITS.addrs),
});

const Route = obj({
  dst: RouteDstText,
  via: v.exactOptional(Ipv4Text),
  dev: v.exactOptional(IfName),
  src: v.exactOptional(Ipv4Text),
});

const Dest = obj({
  addr: Ipv4Text,
  port: Port,
  method: v.picklist(['masq', 'gate', 'ipip']),
  weight: v.exactOptional(intIn(0, 2147483647)),
  uThreshold: v.exactOptional(intIn(0, 2 ** 31 - 1)),
  lThreshold: v.exactOptional(intIn(0, 2 ** 31 - 1)),
});

const Service = obj({
  proto: v.picklist(['tcp', 'udp']),
  vip: Ipv4Text,
  /** 0 only for a firewall-mark service; validate.ts checks the pairing. */
  port: intIn(0, 65535),
  fwmark: v.exactOptional(intIn(1, 2 ** 32 - 1)),
  scheduler: v.pipe(v.string(), v.description(`an IPVS scheduler: ${SCHEDULER_NAMES.join(', ')}`)),
  schedFlags: v.exactOptional(list(v.string(), 8)),
  persistence: v.exactOptional(obj({ timeoutS: intIn(1, 31_536_000), netmask: v.exactOptional(Ipv4Text) })),
  dests: list(Dest, SCENARIO_LIMITS.dests),
});

const Mark = obj({
  dst: v.exactOptional(RouteDstText),
  proto: v.exactOptional(v.picklist(['tcp', 'udp'])),
  dport: v.exactOptional(Port),
  mark: intIn(1, 2 ** 32 - 1),
});

const App = v.variant('kind', [
  obj({
    kind: v.literal('http-server'), port: Port, page: v.exactOptional(v.pipe(v.string(), v.maxLength(65_536, 'expected a page of at most 65,536 characters'))),
    program: v.exactOptional(v.literal('python3')),
  }),
  obj({
    kind: v.literal('http-client'),
    target: EndpointText,
    requests: intIn(0, SCENARIO_LIMITS.requests),
    startMs: v.exactOptional(Ms),
    gapMs: v.exactOptional(Ms),
    holdMs: v.exactOptional(Ms),
  }),
  obj({ kind: v.literal('l7-proxy'), port: Port, upstreams: list(EndpointText, SCENARIO_LIMITS.dests, 1) }),
  obj({ kind: v.literal('udp-server'), port: Port }),
  obj({
    kind: v.literal('udp-client'),
    target: EndpointText,
    requests: intIn(0, SCENARIO_LIMITS.requests),
    startMs: v.exactOptional(Ms),
    gapMs: v.exactOptional(Ms),
    timeoutMs: v.exactOptional(intIn(1, 60_000)),
  }),
]);

const Host = obj({
  id: HostId,
  role: v.picklist(['client', 'router', 'director', 'real-server', 'proxy', 'server', 'switch']),
  name: v.exactOptional(I18n),
  position: v.exactOptional(Position),
  interfaces: list(Iface, SCENARIO_LIMITS.interfaces),
  routes: v.exactOptional(list(Route, SCENARIO_LIMITS.routes)),
  sysctl: v.exactOptional(v.record(
    v.pipe(v.string(), v.description('net.ipv4.ip_forward or net.ipv4.conf.{all,default,<interface>}.{arp_ignore,arp_announce,rp_filter,accept_local,arp_filter,forwarding}')),
    v.number(),
  )),
  ipvs: v.exactOptional(obj({ services: list(Service, SCENARIO_LIMITS.services) })),
  marks: v.exactOptional(list(Mark, 16)),
  apps: v.exactOptional(list(App, SCENARIO_LIMITS.apps)),
});

const Segment = obj({
  id: SegmentId,
  kind: v.picklist(['switch', 'link']),
  latencyMs: v.exactOptional(intIn(0, 60_000)),
  ports: list(obj({ host: HostId, if: IfName }), SCENARIO_LIMITS.hosts * SCENARIO_LIMITS.interfaces),
  name: v.exactOptional(I18n),
  position: v.exactOptional(Position),
});

/** The whole document, version 1. */
export const ScenarioSchema = obj({
  version: v.literal(1),
  id: nonEmpty(say('what.scenario-id'), /^\S{1,100}$/, 100),
  title: I18n,
  summary: I18n,
  group: v.exactOptional(v.picklist(['basics', 'overview', 'modes', 'labs', 'broken'])),
  lessons: v.exactOptional(list(I18n, SCENARIO_LIMITS.lessons)),
  seed: v.exactOptional(intIn(0, 2 ** 32 - 1)),
  hosts: list(Host, SCENARIO_LIMITS.hosts, 1),
  segments: list(Segment, SCENARIO_LIMITS.segments),
});

// If the schema and the hand-written types drift apart, this line stops compiling.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _schemaMatchesTypes: Same<v.InferOutput<typeof ScenarioSchema>, Scenario> = true;
void _schemaMatchesTypes;

/** "hosts[2].interfaces[0].name", `sysctl["net.ipv4.ip_forward"]`; "scenario" for the root. */
export function formatPath(keys: ReadonlyArray<string | number>): string {
  let out = '';
  for (const k of keys) {
    if (typeof k === 'number') out += `[${k}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k)) out += out ? `.${k}` : k;
    else out += `[${JSON.stringify(k)}]`;
  }
  return out || 'scenario';
}

/** Runs the shape check; every problem at its path. */
export function parseScenarioShape(json: unknown): Result<Scenario, Problem[]> {
  const r = v.safeParse(ScenarioSchema, json, { message: defaultIssueMessage });
  if (r.success) return { ok: true, value: r.output };
  return {
    ok: false,
    error: r.issues.map((issue) => {
      const keys = (issue.path ?? []).map((p) => (typeof p.key === 'number' || typeof p.key === 'string' ? p.key : String(p.key)));
      return problemAt(formatPath(keys), phraseOfMessage(issue.message));
    }),
  };
}
