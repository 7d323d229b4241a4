import { describe, expect, it } from 'vitest';
import { wrr } from './wrr';
import { cycle, makeLab, RS1_3, RS1_3_W321, run } from './sim-harness';

describe('wrr', () => {
  it('with weights 1/1/1 behaves like rr, starting at the last server added', () => {
    expect(run(makeLab(wrr, RS1_3), 12, 'open')).toEqual(cycle(['RS3', 'RS2', 'RS1'], 12));
  });

  it('with 3,2,1 added one at a time starts at cw = 1, left over from the first add', () => {
    // add RS1(3): di=3 mw=1 cw=0→1; add RS2(2): di=1 mw=3, cw=1 kept; add RS3(1): same.
    // cw=1: RS3 RS2 RS1; wrap, cw→0→mw=3: RS1; cw=2: RS2 RS1; cw=1: RS3 RS2 RS1; …
    expect(run(makeLab(wrr, RS1_3_W321), 12, 'open')).toEqual([
      'RS3', 'RS2', 'RS1', 'RS1', 'RS2', 'RS1', 'RS3', 'RS2', 'RS1', 'RS1', 'RS2', 'RS1',
    ]);
  });

  it('with 3,2,1 already present at init_service (ipvsadm -E -s wrr) starts at cw = mw = 3', () => {
    const lab = makeLab(wrr, RS1_3_W321);
    lab.svc.schedData = wrr.initService(lab.svc);
    expect(run(lab, 12, 'open')).toEqual(cycle(['RS1', 'RS2', 'RS1', 'RS3', 'RS2', 'RS1'], 12));
  });

  it('steps cw by the gcd of the weights (4 and 2: di = 2)', () => {
    const lab = makeLab(wrr, [
      { name: 'RS1', addr: '10.10.10.12', weight: 4 },
      { name: 'RS2', addr: '10.10.10.13', weight: 2 },
    ]);
    expect(run(lab, 9, 'open')).toEqual(cycle(['RS2', 'RS1', 'RS1'], 9));
  });

  it('goes back to the head of the list after any dest change', () => {
    const lab = makeLab(wrr, RS1_3);
    expect(run(lab, 2, 'open')).toEqual(['RS3', 'RS2']);
    lab.setWeight('RS1', 1); // an edit, even to the same weight, calls upd_dest
    expect(run(lab, 2, 'open')).toEqual(['RS3', 'RS2']);
  });

  it('skips quiesced and overloaded servers and gives null when none is left', () => {
    const lab = makeLab(wrr, RS1_3);
    lab.setWeight('RS3', 0);
    expect(run(lab, 4, 'open')).toEqual(['RS2', 'RS1', 'RS2', 'RS1']);
    for (const d of lab.svc.dests) d.overloaded = true;
    expect(run(lab, 2, 'open')).toEqual([null, null]);
    (lab.rs.RS1 ?? expect.unreachable()).overloaded = false;
    expect(run(lab, 2, 'open')).toEqual(['RS1', 'RS1']);
  });

  it('gives null with every weight 0 (mw = 0)', () => {
    const lab = makeLab(wrr, RS1_3.map((s) => ({ ...s, weight: 0 })));
    expect(run(lab, 2, 'open')).toEqual([null, null]);
  });
});
