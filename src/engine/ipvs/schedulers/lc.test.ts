import { describe, expect, it } from 'vitest';
import { lc } from './lc';
import { cycle, makeLab, RS1_3, RS1_3_W321, run } from './sim-harness';

const ROUND = ['RS3', 'RS2', 'RS1'];

describe('lc', () => {
  it('with connections that stay open goes round from the last server added', () => {
    expect(run(makeLab(lc, RS1_3), 12, 'open')).toEqual(cycle(ROUND, 12));
  });

  it('counts closed connections lingering in TIME_WAIT (inactive), so closing at once also goes round', () => {
    expect(run(makeLab(lc, RS1_3), 12, 'close')).toEqual(cycle(ROUND, 12));
  });

  it('ignores weights other than 0', () => {
    expect(run(makeLab(lc, RS1_3_W321), 12, 'open')).toEqual(cycle(ROUND, 12));
  });

  it('weighs an active connection as 256 inactive ones, ties going to the earlier server', () => {
    const lab = makeLab(lc, RS1_3);
    const { RS1, RS2, RS3 } = lab.rs;
    if (!RS1 || !RS2 || !RS3) throw new Error('lab');
    RS3.activeConns = 1; // 256
    RS2.inactConns = 255;
    RS1.inactConns = 256;
    expect(run(lab, 1, 'close')).toEqual(['RS2']); // closed at once (TIME_WAIT): RS2 now 256 too
    expect(run(lab, 1, 'close')).toEqual(['RS3']);
  });

  it('skips quiesced and overloaded servers; null when none is left', () => {
    const lab = makeLab(lc, RS1_3);
    lab.setWeight('RS3', 0);
    (lab.rs.RS2 ?? expect.unreachable()).overloaded = true;
    expect(run(lab, 3, 'open')).toEqual(['RS1', 'RS1', 'RS1']);
    (lab.rs.RS1 ?? expect.unreachable()).overloaded = true;
    expect(run(lab, 1, 'open')).toEqual([null]);
  });
});
