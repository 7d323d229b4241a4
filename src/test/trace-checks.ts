/**
 * What every run must satisfy, read from its JSON trace, as a list of problems (empty = fine).
 * "Every packet sent ends delivered or dropped with a reason" in terms the trace can check:
 *   - every client request ends: each client connection has exactly one request-done or
 *     request-failed, and a run with clients stops 'done' with every request accounted for
 *     (a packet lost without a drop would leave its connection hanging, and the run 'idle');
 *   - every drop names a reason from DROP_REASONS and the packet (IPv4 or ARP) it dropped;
 *   - every frame goes somewhere: its `to` lists receivers on its own segment (not the sender),
 *     is empty only when the segment has nobody else, and a unicast frame reaches the
 *     interface that owns its destination MAC when that interface is on the segment.
 */
import { DROP_REASONS, type Scenario, type SimulateResult, type TraceEventJson, type TraceJson } from '../engine';

const STOP_REASONS = new Set(['done', 'idle', 'event-limit', 'time-limit', 'step']);
const REASONS: ReadonlySet<string> = new Set(DROP_REASONS);
/** Drops that discard no packet: a connect with no route (no SYN is built) and a connection given up. */
const PACKETLESS: ReadonlySet<string> = new Set(['no-route', 'tcp-retries-exceeded']);

function checkFrames(s: Scenario, trace: TraceJson, problems: string[]): void {
  const segs = new Map(s.segments.map((seg) => [seg.id, seg.ports.map((p) => `${p.host}/${p.if}`)] as const));
  const macOwner = new Map<string, string>();
  for (const [host, h] of Object.entries(trace.hosts)) for (const f of h.interfaces) if (f.name !== 'lo') macOwner.set(f.mac, `${host}/${f.name}`);
  for (const e of trace.events) {
    if (e.kind !== 'frame') continue;
    const at = `event ${e.seq} (frame on ${e.segment})`;
    const ports = segs.get(e.segment);
    if (!ports) {
      problems.push(`${at}: no such segment`);
      continue;
    }
    const from = `${e.from.host}/${e.from.if}`;
    const to = e.to.map((r) => `${r.host}/${r.if}`);
    if (!ports.includes(from)) problems.push(`${at}: sender ${from} is not on the segment`);
    for (const r of to) if (!ports.includes(r) || r === from) problems.push(`${at}: receiver ${r} is not another port of the segment`);
    if (new Set(to).size !== to.length) problems.push(`${at}: a receiver is listed twice`);
    if (to.length === 0 && ports.some((p) => p !== from)) problems.push(`${at}: reaches nobody although ${ports.filter((p) => p !== from).join(', ')} share the segment`);
    const owner = macOwner.get(e.eth.dst);
    if (owner !== undefined && owner !== from && ports.includes(owner) && !to.includes(owner)) problems.push(`${at}: misses ${owner}, the owner of its destination MAC ${e.eth.dst}`);
    if ((e.eth.type === 'arp') !== (e.arp !== undefined) || (e.eth.type === 'ipv4') !== (e.ip !== undefined)) problems.push(`${at}: eth.type ${e.eth.type} does not match its payload`);
    if (e.arp && e.arp.senderMac !== e.eth.src) problems.push(`${at}: ARP sender MAC ${e.arp.senderMac} is not the frame's source ${e.eth.src}`);
    if (e.arp?.op === 'reply' && e.arp.targetMac !== e.eth.dst) problems.push(`${at}: ARP reply to ${e.arp.targetMac} sent to ${e.eth.dst}`);
    if (e.ip) {
      const { ttl, proto } = e.ip;
      if (!(ttl >= 1 && ttl <= 255)) problems.push(`${at}: IPv4 TTL ${ttl} on the wire`);
      if ((proto === 'ipip') !== (e.ip.inner !== undefined) || (proto === 'tcp') !== (e.ip.tcp !== undefined)) problems.push(`${at}: proto ${proto} does not match its payload`);
    }
  }
}

/** Requests each client host was asked to make. */
function requestsByHost(s: Scenario): Map<string, number> {
  const out = new Map<string, number>();
  for (const h of s.hosts) for (const a of h.apps ?? []) if (a.kind === 'http-client') out.set(h.id, (out.get(h.id) ?? 0) + a.requests);
  return out;
}

function checkRequests(s: Scenario, r: SimulateResult, problems: string[]): void {
  const events = r.trace.events;
  const proxyConns = new Set<number>();
  for (const e of events) if (e.kind === 'action' && e.action === 'proxy-connect' && typeof e.detail.upstreamConn === 'number') proxyConns.add(e.detail.upstreamConn);
  const asked = requestsByHost(s);
  const ended = new Map<number, number>();
  const endedByHost = new Map<string, number>();
  for (const e of events) {
    if (e.kind !== 'action' || (e.action !== 'request-done' && e.action !== 'request-failed') || e.conn === undefined) continue;
    ended.set(e.conn, (ended.get(e.conn) ?? 0) + 1);
    endedByHost.set(e.host, (endedByHost.get(e.host) ?? 0) + 1);
  }
  for (const [conn, n] of ended) if (n > 1) problems.push(`conn ${conn}: ends ${n} times`);
  const total = [...asked.values()].reduce((a, b) => a + b, 0);
  if (total > 0 && r.stopReason !== 'done') problems.push(`clients asked for ${total} requests but the run stopped '${r.stopReason}'`);
  if (total === 0 && r.stopReason !== 'idle' && r.stopReason !== 'done') problems.push(`no requests, yet the run stopped '${r.stopReason}'`);
  if (r.stopReason !== 'done') return;
  for (const e of events) {
    const clientConn = e.kind === 'action' && e.action === 'tcp-connect' && e.conn !== undefined && !proxyConns.has(e.conn) && asked.has(e.host);
    if (clientConn && e.conn !== undefined && !ended.has(e.conn)) problems.push(`conn ${e.conn} (${e.host}): connected at event ${e.seq} but never ended with request-done or request-failed`);
  }
  for (const [host, n] of asked) {
    const got = endedByHost.get(host) ?? 0;
    if (got !== n) problems.push(`${host}: asked for ${n} requests, ${got} ended`);
  }
  const { requestsOk, requestsFailed } = r.stats;
  if (requestsOk + requestsFailed !== total) problems.push(`stats: ${requestsOk} ok + ${requestsFailed} failed, expected ${total} requests`);
}

function checkEvents(events: readonly TraceEventJson[], problems: string[]): void {
  let lastT = -Infinity;
  events.forEach((e, i) => {
    if (e.seq !== i) problems.push(`event ${i}: seq is ${e.seq}`);
    if (!(e.t >= lastT) || !Number.isFinite(e.t)) problems.push(`event ${e.seq}: time ${e.t} after ${lastT}`);
    lastT = e.t;
    if (e.kind === 'drop') {
      if (!REASONS.has(e.reason)) problems.push(`event ${e.seq}: drop reason "${e.reason}" is not in DROP_REASONS`);
      if (e.ip === undefined && e.arp === undefined && !PACKETLESS.has(e.reason)) problems.push(`event ${e.seq}: drop (${e.reason}) names no packet`);
    }
  });
}

/** Every problem with one retained run of `s`; [] when it is consistent. */
export function runProblems(s: Scenario, r: SimulateResult): string[] {
  const problems: string[] = [];
  if (!STOP_REASONS.has(r.stopReason)) problems.push(`unknown stopReason ${String(r.stopReason)}`);
  checkEvents(r.trace.events, problems);
  checkFrames(s, r.trace, problems);
  checkRequests(s, r, problems);
  const count = (k: TraceEventJson['kind']): number => r.trace.events.filter((e) => e.kind === k).length;
  if (r.stats.frames !== count('frame')) problems.push(`stats.frames ${r.stats.frames} but ${count('frame')} frame events`);
  if (r.stats.drops !== count('drop')) problems.push(`stats.drops ${r.stats.drops} but ${count('drop')} drop events`);
  return problems;
}
