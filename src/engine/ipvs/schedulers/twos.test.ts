import { describe, expect, it } from 'vitest';
import { randomBelow, twos } from './twos';
import { makeLab, RS1_3, RS1_3_W321, connect } from './sim-harness';

/** A scripted u32 source that fails the test if drawn from too often. */
function script(values: number[]): () => number {
  let i = 0;
  return () => {
    const v = values[i++];
    if (v === undefined) throw new Error('random drawn too often');
    return v;
  };
}

/** k * ceil(2^32 / 7) + 1000: multiply-shift by 7 gives k, low word 3k + 7000 (no rejection). */
const of7 = (k: number): number => k * 613566757 + 1000;

describe('twos', () => {
  it('draws below a bound by multiply-shift: (ceil * r) >> 32', () => {
    expect([0, 0x40000000, 0x80000000, 0xffffffff].map((r) => randomBelow(4, script([r])))).toEqual([0, 1, 2, 3]);
  });

  it('rejects a draw whose low word falls under (2^32 - ceil) % ceil, as get_random_u32_below does', () => {
    // ceil 3: bound = (2^32 - 3) % 3 = 1; r = 0 gives low word 0 < 1, so it draws again.
    expect(randomBelow(3, script([0, 0x80000000]))).toBe(1);
  });

  it('picks the first choice when both are equally loaded', () => {
    // W = 3, draws 0 and 3: choice1 = RS3 (0 - 1 <= 0), choice2 = RS1.
    const lab = makeLab(twos, RS1_3);
    expect(connect(lab, 'open', { random: script([0, 0xc0000000]) })).toBe('RS3');
  });

  it('picks the second choice only when it is strictly less loaded per weight', () => {
    const lab = makeLab(twos, RS1_3);
    (lab.rs.RS3 ?? expect.unreachable()).activeConns = 1;
    expect(connect(lab, 'open', { random: script([0, 0xc0000000]) })).toBe('RS1');
  });

  it('walks cumulative weights in list order (3,2,1: list RS3 w1, RS2 w2, RS1 w3)', () => {
    const lab = makeLab(twos, RS1_3_W321);
    // r1 = 3: RS3 → 2, RS2 → 0: choice1 RS2. r2 = 6: … RS1 → 0: choice2 RS1.
    expect(connect(lab, 'syn', { random: script([of7(3), of7(6)]) })).toBe('RS2');
    // that half-open connection is active (SYN_RECV): RS2 at 1/2 is now busier than RS1 at 0/3.
    expect(lab.rs.RS2?.activeConns).toBe(1);
    expect(connect(lab, 'syn', { random: script([of7(3), of7(6)]) })).toBe('RS1');
  });

  it('leaves out overloaded and quiesced servers, and gives null without drawing when none is left', () => {
    const lab = makeLab(twos, RS1_3);
    (lab.rs.RS3 ?? expect.unreachable()).overloaded = true;
    lab.setWeight('RS2', 0);
    expect(connect(lab, 'open', { random: script([0x12345678, 0x9abcdef0]) })).toBe('RS1');
    (lab.rs.RS1 ?? expect.unreachable()).overloaded = true;
    expect(connect(lab, 'open', { random: script([]) })).toBe(null);
  });
});
