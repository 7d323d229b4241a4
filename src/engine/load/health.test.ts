import { describe, expect, it } from 'vitest';
import { HEALTHY, healthStep, type HealthAction, type HealthState } from './health';

/** The actions a run of check results (1 = ok, 0 = failed) makes, from a healthy server. */
function actions(results: string, limits = { fails: 3, rises: 2 }): HealthAction[] {
  let s: HealthState = HEALTHY;
  return [...results].map((r) => {
    const step = healthStep(s, r === '1', limits);
    s = step.state;
    return step.action;
  });
}

describe('healthStep', () => {
  it('takes a server out on the Mth failure in a row, not before', () => {
    expect(actions('000')).toEqual(['none', 'none', 'take-out']);
  });

  it('starts counting failures again after a success', () => {
    expect(actions('0010000')).toEqual(['none', 'none', 'none', 'none', 'none', 'take-out', 'none']);
  });

  it('puts a server back on the Kth success in a row after it was taken out', () => {
    expect(actions('00011', { fails: 3, rises: 2 })).toEqual(['none', 'none', 'take-out', 'none', 'put-back']);
  });

  it('starts counting successes again after a failure while out', () => {
    expect(actions('000101011', { fails: 3, rises: 2 })).toEqual(['none', 'none', 'take-out', 'none', 'none', 'none', 'none', 'none', 'put-back']);
  });

  it('acts at once with limits of one', () => {
    expect(actions('0101', { fails: 1, rises: 1 })).toEqual(['take-out', 'put-back', 'take-out', 'put-back']);
  });

  it('keeps the same state record while nothing changes', () => {
    expect(healthStep(HEALTHY, true, { fails: 3, rises: 2 }).state).toBe(HEALTHY);
  });
});
