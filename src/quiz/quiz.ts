/**
 * A quiz over one run: its hops, the ones asked (a teacher's choice, or the course hops), a
 * question per asked hop, and where the learner must stop before each is revealed.
 */
import type { Scenario, TraceJson } from '../engine';
import { defaultAsked, quizHops, type QuizHop } from './hops';
import { questionFor, quizContext, type Question, type QuizContext } from './questions';

export interface Quiz {
  hops: QuizHop[];
  ctx: QuizContext;
  /** Hop numbers asked, ascending. */
  asked: number[];
  questions: Question[];
}

/** Why a quiz link's hops do not fit its scenario: the first one this run does not have. */
export interface UnknownHop {
  index: number;
  hop: number;
  count: number;
}

export type QuizResult = { ok: true; quiz: Quiz } | { ok: false; unknown: UnknownHop };

export function makeQuiz(trace: TraceJson, scenario: Pick<Scenario, 'hosts'>, asked?: readonly number[]): QuizResult {
  const hops = quizHops(trace, scenario);
  const bad = asked?.findIndex((n) => n >= hops.length) ?? -1;
  if (asked && bad >= 0) return { ok: false, unknown: { index: bad, hop: asked[bad] ?? 0, count: hops.length } };
  const chosen = asked ? [...new Set(asked)].sort((a, b) => a - b) : defaultAsked(trace, scenario, hops);
  const ctx = quizContext(trace, scenario, hops);
  return { ok: true, quiz: { hops, ctx, asked: chosen, questions: chosen.map((n) => questionFor(hops[n] as QuizHop, ctx)) } };
}

/**
 * The furthest step a learner may see while a hop is unanswered: the last step (position in
 * `steps`, the depth's event indices) before the hop's first frame, or -1 if every step is past it.
 */
export function lastStepBefore(steps: readonly number[], first: number): number {
  let lo = 0, hi = steps.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((steps[mid] ?? Infinity) < first) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

/** The step that reveals a hop: its first frame's, at this depth. */
export function stepOf(steps: readonly number[], eventIndex: number): number {
  const i = steps.indexOf(eventIndex);
  return i >= 0 ? i : Math.max(0, lastStepBefore(steps, eventIndex + 1));
}
