/** Quizzes over the presets as the app runs them, for the tests (never imported by the app). */
import { getPreset, simulate, type Scenario, type TraceJson } from '../engine';
import { checkAnswer, type Answer, type HopResult } from './check';
import { makeQuiz, type Quiz } from './quiz';
import type { Question } from './questions';

export interface PresetQuiz {
  scenario: Scenario;
  trace: TraceJson;
  quiz: Quiz;
  /** The asked question whose hop goes from → to (the first such). */
  at(from: string, to: string): Question;
  /** The truth everywhere but the fields given. */
  answer(q: Question, changes: Answer): HopResult;
}

export function presetQuiz(id: string, asked?: number[]): PresetQuiz {
  const scenario = getPreset(id);
  if (!scenario) throw new Error(`no preset ${id}`);
  const { trace } = simulate(scenario);
  const r = makeQuiz(trace, scenario, asked);
  if (!r.ok) throw new Error(`hop ${r.unknown.hop} is not in ${id}`);
  const quiz = r.quiz;
  return {
    scenario, trace, quiz,
    at(from, to) {
      const q = quiz.questions.find((x) => x.hop.from === from && x.hop.to === to);
      if (!q) throw new Error(`${id} asks no hop ${from} → ${to}`);
      return q;
    },
    answer(q, changes) {
      const truth: Answer = Object.fromEntries(q.fields.map((f) => [f.id, f.truth]));
      return checkAnswer(trace, q, { ...truth, ...changes }, quiz.ctx);
    },
  };
}
