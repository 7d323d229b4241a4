import { describe, expect, it } from 'vitest';
import { ip } from '../../addr/ipv4';
import { dh } from './dh';
import { connect, cycle, makeLab, RS1_3, RS1_3_W321, run } from './sim-harness';

// hash_32(ntohl(daddr), 8), worked out apart from this code (hash.test.ts):
// 20.20.20.11 (the lab VIP) → 231 → 231 % 3 = 0 → RS3; 10.10.10.2 → 157 → RS2;
// 10.10.10.240 → 134 → RS1.

describe('dh', () => {
  it('sends every connection for one VIP to the same server, whatever the client', () => {
    const lab = makeLab(dh, RS1_3);
    expect(run(lab, 12, 'open', (i) => ({ caddr: ip(`10.0.0.${i + 1}`) }))).toEqual(cycle(['RS3'], 12));
  });

  it('hashes the destination address, so firewall-mark traffic to other addresses spreads', () => {
    const lab = makeLab(dh, RS1_3, { fwmark: 1 });
    expect([ip('20.20.20.11'), ip('10.10.10.2'), ip('10.10.10.240')].map((vaddr) => connect(lab, 'open', { vaddr }))).toEqual([
      'RS3', 'RS2', 'RS1',
    ]);
  });

  it('ignores weights when filling the buckets, one per server', () => {
    expect(run(makeLab(dh, RS1_3_W321), 2, 'open')).toEqual(['RS3', 'RS3']);
  });

  it('has no fallback: a quiesced, overloaded or unavailable server gives no destination', () => {
    const lab = makeLab(dh, RS1_3);
    lab.setWeight('RS3', 0);
    expect(connect(lab, 'open')).toBe(null);
    lab.setWeight('RS3', 1);
    const rs3 = lab.rs.RS3 ?? expect.unreachable();
    rs3.overloaded = true;
    expect(connect(lab, 'open')).toBe(null);
    rs3.overloaded = false;
    rs3.available = false;
    expect(connect(lab, 'open')).toBe(null);
  });

  it('rebuilds the buckets when a server is deleted', () => {
    const lab = makeLab(dh, RS1_3);
    lab.remove('RS3'); // list RS2, RS1: bucket 231 → 231 % 2 = 1 → RS1
    expect(connect(lab, 'open')).toBe('RS1');
  });
});
