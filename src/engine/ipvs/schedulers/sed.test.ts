import { describe, expect, it } from 'vitest';
import { sed } from './sed';
import { cycle, makeLab, RS1_3, RS1_3_W321, run } from './sim-harness';

describe('sed', () => {
  it('with weights 1/1/1 and connections that stay open behaves like rr from the last server added', () => {
    expect(run(makeLab(sed, RS1_3), 12, 'open')).toEqual(cycle(['RS3', 'RS2', 'RS1'], 12));
  });

  it('ignores TIME_WAIT: connections that close at once all go to the first server in the list', () => {
    expect(run(makeLab(sed, RS1_3), 12, 'close')).toEqual(cycle(['RS3'], 12));
  });

  it('with weights 3,2,1 minimises (active + 1) / weight, ties to the earlier server', () => {
    // list RS3(1) RS2(2) RS1(3); the +1 sends the very first connection to the heaviest.
    expect(run(makeLab(sed, RS1_3_W321), 12, 'open')).toEqual([
      'RS1', 'RS2', 'RS1', 'RS3', 'RS2', 'RS1', 'RS1', 'RS2', 'RS1', 'RS3', 'RS2', 'RS1',
    ]);
  });

  it('skips quiesced and overloaded servers; null when none is left', () => {
    const lab = makeLab(sed, RS1_3);
    lab.setWeight('RS3', 0);
    (lab.rs.RS2 ?? expect.unreachable()).overloaded = true;
    expect(run(lab, 2, 'open')).toEqual(['RS1', 'RS1']);
    (lab.rs.RS1 ?? expect.unreachable()).overloaded = true;
    expect(run(lab, 1, 'open')).toEqual([null]);
  });
});
