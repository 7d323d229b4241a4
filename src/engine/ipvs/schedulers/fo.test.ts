import { describe, expect, it } from 'vitest';
import { fo } from './fo';
import { cycle, makeLab, RS1_3, RS1_3_W321, run } from './sim-harness';

describe('fo', () => {
  it('with equal weights sends everything to the first in the list, the last server added', () => {
    expect(run(makeLab(fo, RS1_3), 12, 'open')).toEqual(cycle(['RS3'], 12));
  });

  it('sends everything to the highest weight, whatever its load', () => {
    expect(run(makeLab(fo, RS1_3_W321), 12, 'open')).toEqual(cycle(['RS1'], 12));
  });

  it('fails over to the next highest weight when the highest is overloaded or quiesced', () => {
    const lab = makeLab(fo, RS1_3_W321);
    (lab.rs.RS1 ?? expect.unreachable()).overloaded = true;
    expect(run(lab, 1, 'open')).toEqual(['RS2']);
    lab.setWeight('RS2', 0);
    expect(run(lab, 1, 'open')).toEqual(['RS3']);
    lab.setWeight('RS3', 0);
    expect(run(lab, 1, 'open')).toEqual([null]);
  });

  it('breaks a tie at the highest weight by list order', () => {
    const lab = makeLab(fo, [
      { name: 'RS1', addr: '10.10.10.12', weight: 2 },
      { name: 'RS2', addr: '10.10.10.13', weight: 2 },
      { name: 'RS3', addr: '10.10.10.14', weight: 1 },
    ]);
    expect(run(lab, 2, 'open')).toEqual(['RS2', 'RS2']);
  });
});
