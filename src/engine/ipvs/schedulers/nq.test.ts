import { describe, expect, it } from 'vitest';
import { nq } from './nq';
import { cycle, makeLab, RS1_3, RS1_3_W321, run } from './sim-harness';

describe('nq', () => {
  it('with weights 1/1/1 and connections that stay open behaves like rr from the last server added', () => {
    expect(run(makeLab(nq, RS1_3), 12, 'open')).toEqual(cycle(['RS3', 'RS2', 'RS1'], 12));
  });

  it('ignores TIME_WAIT: connections that close at once all go to the first idle server', () => {
    expect(run(makeLab(nq, RS1_3), 12, 'close')).toEqual(cycle(['RS3'], 12));
  });

  it('with weights 3,2,1 fills idle servers first, then minimises (active + 1) / weight', () => {
    expect(run(makeLab(nq, RS1_3_W321), 12, 'open')).toEqual([
      'RS3', 'RS2', 'RS1', 'RS1', 'RS2', 'RS1', 'RS1', 'RS2', 'RS1', 'RS3', 'RS2', 'RS1',
    ]);
  });

  it('takes an idle server even where sed would pick a heavier, busier one', () => {
    const lab = makeLab(nq, [
      { name: 'RS1', addr: '10.10.10.12', weight: 10 },
      { name: 'RS2', addr: '10.10.10.13', weight: 1 },
      { name: 'RS3', addr: '10.10.10.14', weight: 1 },
    ]);
    const { RS1, RS3 } = lab.rs;
    if (!RS1 || !RS3) throw new Error('lab');
    RS3.activeConns = 5;
    RS1.activeConns = 1;
    expect(run(lab, 1, 'open')).toEqual(['RS2']);
  });

  it('skips quiesced and overloaded servers; null when none is left', () => {
    const lab = makeLab(nq, RS1_3);
    lab.setWeight('RS3', 0);
    (lab.rs.RS2 ?? expect.unreachable()).overloaded = true;
    expect(run(lab, 2, 'open')).toEqual(['RS1', 'RS1']);
    (lab.rs.RS1 ?? expect.unreachable()).overloaded = true;
    expect(run(lab, 1, 'open')).toEqual([null]);
  });
});
