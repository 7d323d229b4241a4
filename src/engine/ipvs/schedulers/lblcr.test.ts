import { describe, expect, it } from 'vitest';
import { ip } from '../../addr/ipv4';
import { createLblcr, lblcr } from './lblcr';
import { connect, makeLab, RS1_3, run } from './sim-harness';

describe('lblcr', () => {
  it('grows a server set per destination address and picks its least loaded, newest first on ties', () => {
    // set {RS3}; RS3 overloaded (2 > 1, RS2 idle) → add RS2; RS2 likewise → add RS1;
    // then least of the set {RS1, RS2, RS3}, ties to the newest member.
    expect(run(makeLab(lblcr, RS1_3), 12, 'open')).toEqual([
      'RS3', 'RS3', 'RS2', 'RS2', 'RS1', 'RS1', 'RS1', 'RS2', 'RS3', 'RS1', 'RS2', 'RS3',
    ]);
  });

  it('is keyed by destination address: any client reaching the same VIP shares the set', () => {
    const lab = makeLab(lblcr, RS1_3);
    expect(run(lab, 2, 'open', (i) => ({ caddr: ip(`10.0.0.${i + 1}`) }))).toEqual(['RS3', 'RS3']);
  });

  it('drops the most loaded member once the set is unchanged for longer than the expiration, still using the pick made before', () => {
    const lab = makeLab(createLblcr({ expirationMs: 60_000 }), RS1_3);
    run(lab, 12, 'open'); // set {RS1, RS2, RS3}, 4 active each, lastmod 0
    // 61 s: least = RS1 (tie, newest); 61 > 0 + 60 → erase the most loaded = RS1 (first of
    // equals); RS1 is still returned.
    expect(connect(lab, 'open', { now: 61_000 })).toBe('RS1');
    // The set is {RS2, RS3} now, changed at 61 s.
    expect(connect(lab, 'open', { now: 62_000 })).toBe('RS2');
    expect(connect(lab, 'open', { now: 63_000 })).toBe('RS3');
  });

  it('skips members that are quiesced, overloaded or removed, and falls back to wlc', () => {
    const lab = makeLab(lblcr, RS1_3);
    expect(connect(lab, 'close')).toBe('RS3');
    (lab.rs.RS3 ?? expect.unreachable()).overloaded = true;
    expect(connect(lab, 'close')).toBe('RS2');
    (lab.rs.RS3 ?? expect.unreachable()).overloaded = false;
    lab.remove('RS2');
    expect(connect(lab, 'close')).toBe('RS3');
  });

  it('gives no destination when wlc has none', () => {
    const lab = makeLab(lblcr, RS1_3);
    for (const d of lab.svc.dests) d.overloaded = true;
    expect(connect(lab, 'open')).toBe(null);
  });
});
