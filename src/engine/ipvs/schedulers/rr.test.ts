import { describe, expect, it } from 'vitest';
import { rr } from './rr';
import { cycle, makeLab, RS1_3, RS1_3_W321, run } from './sim-harness';

const ROUND = ['RS3', 'RS2', 'RS1'];

describe('rr', () => {
  it('starts with the last real server added and goes round in list order', () => {
    expect(run(makeLab(rr, RS1_3), 12, 'open')).toEqual(cycle(ROUND, 12));
  });

  it('ignores weights 3,2,1 and connection counts', () => {
    expect(run(makeLab(rr, RS1_3_W321), 12, 'open')).toEqual(cycle(ROUND, 12));
    expect(run(makeLab(rr, RS1_3), 12, 'close')).toEqual(cycle(ROUND, 12));
  });

  it('skips a quiesced (weight 0) server and an overloaded one', () => {
    const lab = makeLab(rr, RS1_3);
    lab.setWeight('RS2', 0);
    expect(run(lab, 4, 'open')).toEqual(['RS3', 'RS1', 'RS3', 'RS1']);
    lab.setWeight('RS2', 1);
    (lab.rs.RS1 ?? expect.unreachable()).overloaded = true;
    // The cursor is on RS1, the tail: wrap to RS3, then RS2, skip RS1, wrap to RS3.
    expect(run(lab, 3, 'open')).toEqual(['RS3', 'RS2', 'RS3']);
  });

  it('returns null when every server is quiesced or overloaded, then carries on from where it was', () => {
    const lab = makeLab(rr, RS1_3);
    expect(run(lab, 1, 'open')).toEqual(['RS3']);
    for (const d of lab.svc.dests) d.overloaded = true;
    expect(run(lab, 2, 'open')).toEqual([null, null]);
    for (const d of lab.svc.dests) d.overloaded = false;
    expect(run(lab, 2, 'open')).toEqual(['RS2', 'RS1']);
  });

  it('keeps its place when a server is added: the newcomer at the head waits for the wrap', () => {
    const lab = makeLab(rr, RS1_3);
    expect(run(lab, 2, 'open')).toEqual(['RS3', 'RS2']);
    lab.add({ name: 'RS4', addr: '10.10.10.15', weight: 1 });
    expect(run(lab, 4, 'open')).toEqual(['RS1', 'RS4', 'RS3', 'RS2']);
  });

  it('moves its place to the previous server when the current one is deleted', () => {
    const lab = makeLab(rr, RS1_3);
    expect(run(lab, 2, 'open')).toEqual(['RS3', 'RS2']);
    lab.remove('RS2'); // cursor → RS3, so RS1 is next
    expect(run(lab, 3, 'open')).toEqual(['RS1', 'RS3', 'RS1']);
  });

  it('goes back to the head when the deleted current server was first in the list', () => {
    const lab = makeLab(rr, RS1_3);
    expect(run(lab, 1, 'open')).toEqual(['RS3']);
    lab.remove('RS3');
    expect(run(lab, 3, 'open')).toEqual(['RS2', 'RS1', 'RS2']);
  });
});
