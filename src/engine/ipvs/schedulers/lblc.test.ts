import { describe, expect, it } from 'vitest';
import { ip } from '../../addr/ipv4';
import { createLblc, lblc } from './lblc';
import { connect, cycle, makeLab, RS1_3, run } from './sim-harness';

const MIN = 60_000;

describe('lblc', () => {
  it('keeps a destination address on its server until that server has more active connections than weight while another is under half', () => {
    // RS3 (first pick); RS3 at 2 > 1 with RS2 at 0 < 1/2 → wlc → RS2; then RS1;
    // RS1 at 2 > 1 but nobody has 2 * active < 1 → RS1 keeps it.
    expect(run(makeLab(lblc, RS1_3), 12, 'open')).toEqual([
      'RS3', 'RS3', 'RS2', 'RS2', 'RS1', 'RS1', 'RS1', 'RS1', 'RS1', 'RS1', 'RS1', 'RS1',
    ]);
  });

  it('is keyed by destination address: any client reaching the same VIP shares the entry', () => {
    const lab = makeLab(lblc, RS1_3);
    expect(run(lab, 2, 'open', (i) => ({ caddr: ip(`10.0.0.${i + 1}`) }))).toEqual(['RS3', 'RS3']);
  });

  it('gives each destination address (firewall-mark service) its own entry', () => {
    const lab = makeLab(lblc, RS1_3, { fwmark: 1 });
    const a = ip('192.168.1.1');
    const b = ip('192.168.1.2');
    expect([a, b, a, b].map((vaddr) => connect(lab, 'open', { vaddr }))).toEqual(['RS3', 'RS2', 'RS3', 'RS2']);
  });

  it('leaves a cached server that is quiesced, removed or lblc-overloaded for wlc\'s pick', () => {
    const lab = makeLab(lblc, RS1_3);
    expect(connect(lab, 'open')).toBe('RS3');
    lab.setWeight('RS3', 0);
    expect(connect(lab, 'open')).toBe('RS2');
    lab.remove('RS2');
    expect(connect(lab, 'open')).toBe('RS1');
  });

  it('does not consult the overload flag for the cached server, only lblc\'s own test', () => {
    const lab = makeLab(lblc, RS1_3);
    expect(connect(lab, 'close')).toBe('RS3');
    (lab.rs.RS3 ?? expect.unreachable()).overloaded = true;
    expect(connect(lab, 'close')).toBe('RS3');
  });

  it('counts half-open (SYN_RECV) connections as active (Linux >= 4.7), so they move the entry on too', () => {
    // Same walk as the first test: a SYN_RECV entry is active (tcp_state_active_table).
    expect(run(makeLab(lblc, RS1_3), 7, 'syn')).toEqual(['RS3', 'RS3', 'RS2', 'RS2', 'RS1', 'RS1', 'RS1']);
  });

  // The cache tests use connections that close at once (TIME_WAIT, inactive), so that only
  // the entry's age decides: an active count above the weight would move the entry on anyway.
  it('only forgets an entry at a full check (every 30 minutes), once unused for the expiration', () => {
    const lab = makeLab(createLblc({ expirationMs: MIN }), RS1_3);
    expect(connect(lab, 'close', { now: 0 })).toBe('RS3');
    (lab.rs.RS3 ?? expect.unreachable()).activeConns = 1; // RS2 and RS1 are now lighter
    expect(connect(lab, 'close', { now: 29 * MIN })).toBe('RS3'); // stale, but not yet collected
    expect(connect(lab, 'close', { now: 30 * MIN })).toBe('RS2'); // full check at 30:00 dropped it
  });

  it('keeps entries for 24 hours by default', () => {
    const lab = makeLab(lblc, RS1_3);
    expect(connect(lab, 'close', { now: 0 })).toBe('RS3');
    (lab.rs.RS3 ?? expect.unreachable()).activeConns = 1;
    expect(run(lab, 3, 'close', (i) => ({ now: (i + 1) * 59 * MIN }))).toEqual(cycle(['RS3'], 3));
  });
});
