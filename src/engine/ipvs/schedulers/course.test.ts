/**
 * The scheduler facts the course measured on a Debian 12 (6.1) kernel with real ipvsadm:
 * three real servers added RS1, RS2, RS3, weights 1/1/1, twelve connections.
 */
import { describe, expect, it } from 'vitest';
import { getScheduler } from './index';
import { cycle, makeLab, RS1_3, run } from './sim-harness';
import { SCHEDULER_NAMES } from '../types';

describe('the course lab, as measured', () => {
  it.each(['rr', 'wrr', 'wlc', 'sed', 'nq'] as const)('%s behaves like rr, starting at RS3 (the last added)', (name) => {
    expect(run(makeLab(getScheduler(name), RS1_3), 12, 'open')).toEqual(cycle(['RS3', 'RS2', 'RS1'], 12));
  });

  it.each(['fo', 'sh'] as const)('%s picks RS3 every time (sh: client 20.20.20.22)', (name) => {
    expect(run(makeLab(getScheduler(name), RS1_3), 12, 'open')).toEqual(cycle(['RS3'], 12));
  });

  it('ovf schedules nothing once every server is past its limit', () => {
    expect(run(makeLab(getScheduler('ovf'), RS1_3), 12, 'open').slice(6)).toEqual(cycle([null], 6));
  });

  it('has a scheduler for every name ipvsadm accepts', () => {
    expect(SCHEDULER_NAMES.map((n) => getScheduler(n).name)).toEqual([...SCHEDULER_NAMES]);
  });
});
