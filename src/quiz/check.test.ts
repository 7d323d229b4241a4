import { describe, expect, it } from 'vitest';
import { checkAnswer, scoreOf } from './check';
import { presetQuiz } from './test-fixtures';

describe('checkAnswer', () => {
  const p = presetQuiz('nat-course');
  const q = p.at('D', 'RS3');

  it('counts a hop right only when every field is', () => {
    expect(p.answer(q, {}).right).toBe(true);
    const r = p.answer(q, { to: 'RS1' });
    expect(r.right).toBe(false);
    expect(r.fields.filter((f) => !f.right).map((f) => [f.id, f.answer, f.truth])).toEqual([['to', 'RS1', 'RS3']]);
  });

  it('counts a field left unanswered as wrong, with no explanation', () => {
    const r = checkAnswer(p.trace, q, { s: '10.11.12.13' }, p.quiz.ctx);
    expect(r.fields.map((f) => f.right)).toEqual([true, false, false]);
    expect(r.fields.every((f) => f.misconception === null)).toBe(true);
  });

  it('wants the port where the truth has a server\'s port', () => {
    expect(p.answer(q, { d: '192.168.1.13' }).right).toBe(false);
  });
});

describe('scoreOf', () => {
  it('counts right hops out of those answered and asked', () => {
    const p = presetQuiz('dr-course');
    const [a, b] = p.quiz.questions;
    const results = [p.answer(a!, {}), p.answer(b!, { to: 'RS1' })];
    expect(scoreOf(results, p.quiz.asked.length)).toEqual({ right: 1, answered: 2, asked: 6 });
  });
});
