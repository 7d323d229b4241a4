import { describe, expect, it } from 'vitest';
import { ovf } from './ovf';
import { cycle, makeLab, RS1_3, RS1_3_W321, run } from './sim-harness';

describe('ovf', () => {
  it('with weights 1/1/1 fills each server until activeconns exceeds its weight, then refuses', () => {
    expect(run(makeLab(ovf, RS1_3), 9, 'open')).toEqual([
      'RS3', 'RS3', 'RS2', 'RS2', 'RS1', 'RS1', null, null, null,
    ]);
  });

  it('with weights 3,2,1 overflows from the heaviest down', () => {
    expect(run(makeLab(ovf, RS1_3_W321), 12, 'open')).toEqual([
      'RS1', 'RS1', 'RS1', 'RS1', 'RS2', 'RS2', 'RS2', 'RS3', 'RS3', null, null, null,
    ]);
  });

  it('counts only active connections, so closed ones never fill a server', () => {
    expect(run(makeLab(ovf, RS1_3), 12, 'close')).toEqual(cycle(['RS3'], 12));
  });

  it('skips overloaded and quiesced servers', () => {
    const lab = makeLab(ovf, RS1_3_W321);
    (lab.rs.RS1 ?? expect.unreachable()).overloaded = true;
    lab.setWeight('RS2', 0);
    expect(run(lab, 3, 'open')).toEqual(['RS3', 'RS3', null]);
  });
});
