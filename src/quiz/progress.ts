/**
 * What a learner answered in one quiz, as it is kept on their machine (the UI stores it in
 * localStorage under the quiz link's key): the answer per asked hop. Scores and truths are
 * recomputed from the trace, so a stored record can never claim a score the answers do not earn.
 */
import type { Answer } from './check';
import { FIELD_ORDER, type FieldId } from './questions';

export interface Progress {
  answers: Record<number, Answer>;
}

const FIELDS: ReadonlySet<string> = new Set(FIELD_ORDER);

/** Untrusted stored JSON → progress; anything unreadable is a fresh start. */
export function parseProgress(json: unknown): Progress {
  const out: Progress = { answers: {} };
  const answers = typeof json === 'object' && json !== null ? (json as { answers?: unknown }).answers : undefined;
  if (typeof answers !== 'object' || answers === null) return out;
  for (const [k, v] of Object.entries(answers)) {
    if (!/^(0|[1-9][0-9]{0,5})$/.test(k) || typeof v !== 'object' || v === null) continue;
    const a: Answer = {};
    for (const [f, x] of Object.entries(v)) if (FIELDS.has(f) && typeof x === 'string' && x.length <= 64) a[f as FieldId] = x;
    out.answers[Number(k)] = a;
  }
  return out;
}

/** A short, stable storage key for a quiz (its link fragment can be long): FNV-1a of the fragment. */
export function progressKey(fragment: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < fragment.length; i++) {
    h ^= fragment.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `lvs-flow.quiz.${h.toString(16).padStart(8, '0')}`;
}
