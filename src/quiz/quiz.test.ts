import { describe, expect, it } from 'vitest';
import { getPreset, simulate } from '../engine';
import { lastStepBefore, makeQuiz, stepOf } from './quiz';

describe('makeQuiz', () => {
  const scenario = getPreset('dr-course')!;
  const { trace } = simulate(scenario);

  it('asks a teacher\'s hops in the order they happen, once each', () => {
    const r = makeQuiz(trace, scenario, [5, 2, 2]);
    expect(r.ok && r.quiz.asked).toEqual([2, 5]);
    expect(r.ok && r.quiz.questions.map((q) => q.hop.n)).toEqual([2, 5]);
  });

  it('names the first hop the run does not have', () => {
    expect(makeQuiz(trace, scenario, [1, 40, 99])).toEqual({ ok: false, unknown: { index: 1, hop: 40, count: 6 } });
  });
});

describe('lastStepBefore and stepOf', () => {
  const steps = [3, 9, 18, 25];
  it('stops at the last step before the hop\'s first frame, or -1 when the first step is already past it', () => {
    expect(lastStepBefore(steps, 18)).toBe(1);
    expect(lastStepBefore(steps, 19)).toBe(2);
    expect(lastStepBefore(steps, 3)).toBe(-1);
  });
  it('reveals a hop at its own step, or the last one before it when the depth hides it', () => {
    expect(stepOf(steps, 18)).toBe(2);
    expect(stepOf(steps, 20)).toBe(2);
  });
});
