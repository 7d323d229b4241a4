/** How an answer is checked: each field against the trace's truth, a wrong one matched against the known mistakes. */
import type { TraceJson } from '../engine';
import { hopSetting, misconceptionOf, type Misconception } from './misconceptions';
import type { FieldId, Question, QuizContext } from './questions';

/** A learner's choice per field; a field left out counts as wrong. */
export type Answer = Partial<Record<FieldId, string>>;

export interface FieldResult {
  id: FieldId;
  answer: string | null;
  truth: string;
  right: boolean;
  misconception: Misconception | null;
}

export interface HopResult {
  n: number;
  right: boolean;
  fields: FieldResult[];
}

export function checkAnswer(trace: TraceJson, q: Question, answer: Answer, ctx: QuizContext): HopResult {
  const setting = hopSetting(trace, q.hop, ctx);
  const fields = q.fields.map((f): FieldResult => {
    const given = answer[f.id] ?? null;
    const right = given === f.truth;
    const misconception = given === null || right ? null : misconceptionOf(f.id, given, f.truth, q.hop, setting, ctx);
    return { id: f.id, answer: given, truth: f.truth, right, misconception };
  });
  return { n: q.hop.n, right: fields.every((f) => f.right), fields };
}

export interface Score {
  right: number;
  answered: number;
  asked: number;
}

export function scoreOf(results: readonly HopResult[], asked: number): Score {
  return { right: results.filter((r) => r.right).length, answered: results.length, asked };
}
