/**
 * Wrong answers that are the course's well-known mistakes, recognised by what the answer is
 * (a RIP where the truth is the VIP, the client where the truth is the director) on which kind
 * of hop of which forwarding method, never by preset. Each code has its explanation in both
 * languages in the quiz view's catalogue (src/ui/quiz/quiz.*.json, `misconceptions.<code>`).
 */
import type { TraceJson } from '../engine';
import type { QuizHop } from './hops';
import { ipOf, type FieldId, type ForwardMethod, type QuizContext } from './questions';
export type HopKind = 'to-director' | 'to-real-server' | 'from-real-server' | 'from-director' | 'other';

export const MISCONCEPTIONS = [
  'reply-from-rip', 'nat-reply-straight-to-client', 'nat-reply-from-vip', 'dr-rewrites-ip', 'tun-outer-source-client',
  'tun-outer-to-vip', 'tun-inner-rewritten', 'nat-no-dnat', 'nat-no-snat', 'lvs-keeps-client-source',
  'reply-skips-director', 'dr-vip-arp', 'dr-vip-arp-race',
] as const;
export type MisconceptionCode = (typeof MISCONCEPTIONS)[number];

export interface Misconception {
  code: MisconceptionCode;
  params: Record<string, string>;
}

export interface HopSetting {
  kind: HopKind;
  method: ForwardMethod | null;
}

/** Which side of the director a hop is on, and the forwarding method its connection was scheduled with. */
export function hopSetting(trace: TraceJson, hop: QuizHop, ctx: QuizContext): HopSetting {
  const from = ctx.roles[hop.from];
  const to = ctx.roles[hop.to];
  const kind: HopKind = from === 'real-server' ? 'from-real-server'
    : from === 'director' && to === 'real-server' ? 'to-real-server'
      : from === 'director' ? 'from-director'
        : to === 'director' ? 'to-director' : 'other';
  const conn = trace.events[hop.first]?.conn;
  const sched = trace.events.find((e) => e.kind === 'action' && e.action === 'ipvs-schedule' && (conn === undefined || e.conn === conn));
  const forward = sched?.kind === 'action' ? sched.detail.forward : undefined;
  // A connection the director never saw (DR's ARP race) still belongs to the scenario's method.
  const method = forward === 'masq' || forward === 'gate' || forward === 'ipip' ? forward : ctx.method;
  return { kind, method };
}

/** The known mistake a wrong answer to one field makes, if it is one. */
export function misconceptionOf(field: FieldId, answer: string, truth: string, hop: QuizHop, setting: HopSetting, ctx: QuizContext): Misconception | null {
  if (answer === truth) return null;
  const { kind, method } = setting;
  const term = field === 'to' ? null : ctx.book.get(ipOf(answer))?.term ?? null;
  const truthTerm = field === 'to' ? null : ctx.book.get(ipOf(truth))?.term ?? null;
  const role = field === 'to' ? ctx.roles[answer] : undefined;
  const say = (code: MisconceptionCode, params: Record<string, string> = {}): Misconception => ({ code, params });
  const vip = ipOf(truth);

  if (kind === 'from-real-server') {
    if ((method === 'gate' || method === 'ipip') && field === 's' && term === 'rip' && truthTerm === 'vip') {
      return say('reply-from-rip', { server: hop.from, vip, iface: ctx.book.get(vip)?.labels[hop.from] ?? 'lo:0' });
    }
    if ((method === 'gate' || method === 'ipip') && field === 'to' && role === 'director') return say('reply-skips-director', { director: answer });
    if (method === 'masq' && field === 'to' && role === 'client') return say('nat-reply-straight-to-client', { server: hop.from, director: truth });
    if (method === 'masq' && field === 's' && term === 'vip') return say('nat-reply-from-vip', { server: hop.from, rip: ipOf(truth) });
  }
  if (kind === 'to-real-server') {
    if (method === 'gate' && field === 'd' && term === 'rip') return say('dr-rewrites-ip', { vip, server: hop.to });
    if (method === 'masq' && field === 'd' && term === 'vip') return say('nat-no-dnat', { rip: ipOf(truth), server: hop.to });
    if (method === 'ipip' && field === 's' && ipOf(answer) === hop.inner?.s.ip) return say('tun-outer-source-client', { outer: vip, client: ipOf(answer) });
    if (method === 'ipip' && field === 'd' && term === 'vip') return say('tun-outer-to-vip', { rip: ipOf(truth), server: hop.to });
    if (method === 'ipip' && field === 'innerD' && term === 'rip') return say('tun-inner-rewritten', { vip });
    const clientSide = method === 'ipip' ? 'innerS' : 's';
    if (field === clientSide && (term === 'vip' || term === 'dip') && truthTerm === 'cip') return say('lvs-keeps-client-source', { client: ipOf(truth) });
  }
  if (kind === 'from-director' && method === 'masq' && field === 's' && term === 'rip') return say('nat-no-snat', { vip });
  if (method === 'gate' && field === 'to' && ctx.roles[hop.from] === 'client' && ctx.book.get(hop.d.ip)?.term === 'vip') {
    // The VIP's ARP: who answered decided where the client's frame went.
    if (ctx.roles[hop.to] === 'director' && role === 'real-server') return say('dr-vip-arp', { server: answer, vip: hop.d.ip });
    if (ctx.roles[hop.to] === 'real-server' && role === 'director') return say('dr-vip-arp-race', { server: hop.to, vip: hop.d.ip });
  }
  return null;
}
