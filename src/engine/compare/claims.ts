/**
 * The course's summary slides (LVS NAT / DR / TUN 模式 – 总结) held against what a run
 * measured. Only the claims a run can show are here (not "the director must run Linux"). Each
 * is confirmed by a run of its mode, contradicted by it, or not shown (nothing in the run
 * tests it: a NAT service whose ports all match shows no port mapping). The UI words them in
 * both languages, keyed by `claim`.
 */
import type { CompareMode, CompareRow } from './measure';

export type SlideMode = Extract<CompareMode, 'nat' | 'dr' | 'tun'>;
export type Verdict = 'confirmed' | 'contradicted' | 'not-shown';

/** Keys of the slides' claims, slide by slide, in the slides' order. */
export const SLIDE_CLAIMS = {
  nat: ['nat.gateway', 'nat.port-mapping', 'nat.both-ways'],
  dr: ['dr.one-broadcast-domain', 'dr.inbound-only', 'dr.no-port-mapping'],
  tun: ['tun.no-port-mapping', 'tun.in-ds-out-rs', 'tun.heavy-load'],
} as const satisfies Record<SlideMode, readonly string[]>;

export type ClaimKey = (typeof SLIDE_CLAIMS)[SlideMode][number];

export interface ClaimCheck {
  slide: SlideMode;
  claim: ClaimKey;
  /** The run it was held against. */
  id: string;
  verdict: Verdict;
  /** The figures the verdict rests on, for the sentence that explains it. */
  params: { in: number; out: number };
}

const yes = (b: boolean): Verdict => (b ? 'confirmed' : 'contradicted');

/** What one claim says of one run. */
function judge(claim: ClaimKey, r: CompareRow): Verdict {
  const { in_packets: inP, out_packets: outP } = r.director;
  const inboundOnly = inP > 0 && outP === 0 && !r.reply_via_director;
  switch (claim) {
    case 'nat.gateway':
      // The director sits between client and real servers: both ways go through it.
      return yes(r.paths.request.includes(r.director_host ?? '') && r.paths.reply.includes(r.director_host ?? ''));
    case 'nat.port-mapping':
      return r.ports_rewritten ? 'confirmed' : 'not-shown';
    case 'nat.both-ways':
      return yes(inP > 0 && outP > 0 && r.reply_via_director);
    case 'dr.one-broadcast-domain':
      return yes(r.one_broadcast_domain);
    case 'dr.inbound-only':
    case 'tun.in-ds-out-rs':
      return yes(inboundOnly);
    case 'dr.no-port-mapping':
    case 'tun.no-port-mapping':
      return inP > 0 ? yes(!r.ports_rewritten) : 'not-shown';
    case 'tun.heavy-load':
      // 压力较大 was copied from the NAT slide: a TUN director carries only the inbound side.
      return yes(outP > 0 && r.reply_via_director);
    default: {
      const never: never = claim;
      return never;
    }
  }
}

/** Every slide claim for every run whose mode has a slide, in the runs' order. */
export function checkSlideClaims(rows: readonly CompareRow[]): ClaimCheck[] {
  const out: ClaimCheck[] = [];
  for (const r of rows) {
    if (r.mode !== 'nat' && r.mode !== 'dr' && r.mode !== 'tun') continue;
    for (const claim of SLIDE_CLAIMS[r.mode]) {
      out.push({ slide: r.mode, claim, id: r.id, verdict: judge(claim, r), params: { in: r.director.in_packets, out: r.director.out_packets } });
    }
  }
  return out;
}
