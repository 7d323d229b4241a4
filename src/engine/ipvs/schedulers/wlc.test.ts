import { describe, expect, it } from 'vitest';
import { wlc } from './wlc';
import { cycle, makeLab, RS1_3, RS1_3_W321, run } from './sim-harness';

const ROUND = ['RS3', 'RS2', 'RS1'];

describe('wlc', () => {
  it('with weights 1/1/1 behaves like rr whether connections stay open or close at once', () => {
    expect(run(makeLab(wlc, RS1_3), 12, 'open')).toEqual(cycle(ROUND, 12));
    expect(run(makeLab(wlc, RS1_3), 12, 'close')).toEqual(cycle(ROUND, 12));
  });

  it('with weights 3,2,1 and open connections keeps active/weight level, ties to the earlier server', () => {
    // list RS3(1) RS2(2) RS1(3); worked from loh*dw > doh*lw, strict.
    expect(run(makeLab(wlc, RS1_3_W321), 12, 'open')).toEqual([
      'RS3', 'RS2', 'RS1', 'RS1', 'RS2', 'RS1', 'RS3', 'RS2', 'RS1', 'RS1', 'RS2', 'RS1',
    ]);
  });

  it('counts half-open (SYN_RECV) connections as active (Linux >= 4.7: tcp_state_active)', () => {
    const lab = makeLab(wlc, RS1_3);
    expect(run(lab, 1, 'syn')).toEqual(['RS3']); // RS3: (1 << 8) + 0 = 256
    const { RS1, RS2 } = lab.rs;
    if (!RS1 || !RS2) throw new Error('lab');
    RS2.inactConns = 255;
    RS1.inactConns = 255;
    // 256 * 1 > 255 * 1: RS2 is lighter (were SYN_RECV inactive, RS3 at 1 would win).
    expect(run(lab, 1, 'syn')).toEqual(['RS2']);
  });

  it('weighs an active connection as 256 inactive ones', () => {
    const lab = makeLab(wlc, RS1_3);
    const { RS2, RS3 } = lab.rs;
    if (!RS2 || !RS3) throw new Error('lab');
    lab.setWeight('RS1', 0);
    RS3.activeConns = 1;
    RS2.inactConns = 255;
    // closed at once (TIME_WAIT, inactive): RS2 reaches 256 too, and the tie goes to RS3.
    expect(run(lab, 2, 'close')).toEqual(['RS2', 'RS3']);
  });

  it('never picks a quiesced server, even an idle one', () => {
    const lab = makeLab(wlc, RS1_3);
    lab.setWeight('RS2', 0);
    expect(run(lab, 4, 'open')).toEqual(['RS3', 'RS1', 'RS3', 'RS1']);
  });

  it('skips overloaded servers and gives null when all are', () => {
    const lab = makeLab(wlc, RS1_3);
    (lab.rs.RS3 ?? expect.unreachable()).overloaded = true;
    expect(run(lab, 2, 'open')).toEqual(['RS2', 'RS1']);
    for (const d of lab.svc.dests) d.overloaded = true;
    expect(run(lab, 1, 'open')).toEqual([null]);
  });
});
