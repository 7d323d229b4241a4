import { describe, expect, it } from 'vitest';
import { courseHops } from '../engine';
import { defaultAsked, hostRoles, quizHops } from './hops';
import { presetQuiz } from './test-fixtures';

describe('quizHops', () => {
  it('numbers every distinct hop once, in the order its path first appears', () => {
    const { trace, scenario } = presetQuiz('nat-course');
    const hops = quizHops(trace, scenario);
    expect(hops.map((h) => h.n)).toEqual(hops.map((_, i) => i));
    expect(hops.map((h) => h.first)).toEqual([...hops.map((h) => h.first)].sort((a, b) => a - b));
  });

  it('follows a packet through routers to the host its destination MAC names', () => {
    const { quiz } = presetQuiz('nat-course');
    const first = quiz.hops[0];
    expect(first).toMatchObject({ from: 'C', to: 'D', via: ['R'], s: { ip: '10.11.12.13' }, d: { ip: '11.12.13.14', port: 80 } });
  });
});

describe('defaultAsked', () => {
  it('asks each of the slide\'s rows at the handshake packet that first takes that path, not at the data', () => {
    const { trace, scenario, quiz } = presetQuiz('nat-course');
    expect(quiz.asked).toHaveLength(courseHops(trace, hostRoles(scenario)).length);
    for (const n of quiz.asked) {
      const frame = trace.events[quiz.hops[n]?.first ?? -1];
      expect(frame?.kind === 'frame' && frame.ip?.tcp?.flags).toContain('SYN');
    }
  });

  it('asks every hop of a broken lab whose requests never get through', () => {
    const { trace, scenario } = presetQuiz('dr-lab-no-vip-on-lo');
    const hops = quizHops(trace, scenario);
    expect(hops.length).toBeGreaterThan(0);
    expect(defaultAsked(trace, scenario, hops)).toEqual(hops.map((h) => h.n));
  });
});
