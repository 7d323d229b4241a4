/**
 * What one request's trace shows, in the terms a diagnosis needs: where the client's SYN went,
 * what the director decided, who answered, what was dropped where and who refused.
 */
import type { TraceEventJson } from '../engine';
import type { BuildLab } from './types';

export interface Drop {
  readonly host: string;
  readonly reason: string;
  /** The drop's own details (nexthop, dst, dev …), as the trace notes them. */
  readonly params: Readonly<Record<string, string | number>>;
}

export interface RequestOutcome {
  /** curl's exit status and what it printed (its error message when it failed). */
  readonly exitCode: number;
  readonly output: string;
  /** Did the client put anything on the wire at all? */
  readonly clientSent: boolean;
  /** Hosts that received the client's own SYN straight from the client. */
  readonly synReceivers: readonly string[];
  /** The real server the director scheduled (its address:port) and how it forwards; undefined = the director scheduled nothing. */
  readonly scheduled: { dest: string; forward: string } | undefined;
  /** Did the director receive anything for the VIP? */
  readonly directorSaw: boolean;
  /** Host whose web server answered. */
  readonly servedBy: string | undefined;
  readonly drops: readonly Drop[];
  /** Hosts that answered with a TCP reset, and the port they reset. */
  readonly resets: ReadonlyArray<{ host: string; port: number }>;
  /** ICMP destination-unreachable codes sent towards the client, with the host that first sent each. */
  readonly unreachables: ReadonlyArray<{ host: string; code: number }>;
  /** Source addresses of TCP segments that reached the client, other than the VIP. */
  readonly foreignReplySources: readonly string[];
  /** ARP requests the client sent that nobody answered (their target address). */
  readonly unansweredArp: readonly string[];
}

const has = (flags: readonly string[] | undefined, f: string): boolean => flags?.includes(f) ?? false;

export function observeRequest(lab: BuildLab, events: readonly TraceEventJson[], exitCode: number, output: string): RequestOutcome {
  const synReceivers = new Set<string>();
  const drops: Drop[] = [];
  const resets: Array<{ host: string; port: number }> = [];
  const unreachables: Array<{ host: string; code: number }> = [];
  const foreign = new Set<string>();
  const asked = new Set<string>();
  const answered = new Set<string>();
  let scheduled: RequestOutcome['scheduled'];
  let directorSaw = false;
  let servedBy: string | undefined;
  let clientSent = false;
  for (const e of events) {
    if (e.kind === 'drop') {
      drops.push({ host: e.host, reason: e.reason, params: e.note.params });
      continue;
    }
    if (e.kind === 'action') {
      if (e.host === lab.director && e.action === 'ipvs-schedule' && scheduled === undefined) {
        scheduled = { dest: String(e.detail['dest']), forward: String(e.detail['forward']) };
      }
      if (e.action === 'http-response' && servedBy === undefined) servedBy = e.host;
      continue;
    }
    const toHosts = e.to.map((x) => x.host);
    if (e.from.host === lab.client) clientSent = true;
    if (e.arp) {
      if (e.arp.op === 'request' && e.from.host === lab.client) asked.add(e.arp.targetIp);
      if (e.arp.op === 'reply' && toHosts.includes(lab.client)) answered.add(e.arp.senderIp);
      continue;
    }
    const ip = e.ip;
    if (!ip) continue;
    if (toHosts.includes(lab.director) && (ip.dst === lab.vip || ip.inner?.ip.dst === lab.vip)) directorSaw = true;
    const tcp = ip.tcp;
    if (tcp && e.from.host === lab.client && has(tcp.flags, 'SYN') && !has(tcp.flags, 'ACK')) for (const h of toHosts) synReceivers.add(h);
    if (tcp && has(tcp.flags, 'RST') && e.from.host !== lab.client && !resets.some((r) => r.host === e.from.host)) resets.push({ host: e.from.host, port: tcp.sport });
    if (ip.icmp?.type === 3 && !unreachables.some((u) => u.code === ip.icmp?.code)) unreachables.push({ host: e.from.host, code: ip.icmp.code });
    if (tcp && toHosts.includes(lab.client) && ip.src !== lab.vip) foreign.add(ip.src);
  }
  return {
    exitCode,
    output,
    clientSent,
    synReceivers: [...synReceivers],
    scheduled,
    directorSaw,
    servedBy,
    drops,
    resets,
    unreachables,
    foreignReplySources: [...foreign],
    unansweredArp: [...asked].filter((a) => !answered.has(a)),
  };
}
