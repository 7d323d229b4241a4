import { describe, expect, it } from 'vitest';
import { ip, ipv4FromU32 } from '../../addr/ipv4';
import { sh, shBuckets } from './sh';
import { connect, cycle, makeLab, RS1_3, RS1_3_W321, run } from './sim-harness';

// Buckets worked out apart from this code: hash_32(ntohl(addr), 8), see hash.test.ts.
// With 1/1/1 the list is RS3, RS2, RS1 and bucket b holds [RS3, RS2, RS1][b % 3].
const C_NAT = ip('20.20.20.22'); //   bucket 27  → 27 % 3 = 0 → RS3
const C_DR = ip('10.10.10.240'); //   bucket 134 → 134 % 3 = 2 → RS1
const C_10_2 = ip('10.10.10.2'); //   bucket 157 → 157 % 3 = 1 → RS2

/** An oracle apart from the implementation: exact big-integer hash_32(addr, 8). */
const bucketOf = (addr: number): number => Number(((BigInt(addr) * 0x61c88647n) & 0xffffffffn) >> 24n);

describe('sh', () => {
  it('sends the course NAT client 20.20.20.22 to RS3 every time', () => {
    expect(run(makeLab(sh, RS1_3), 12, 'open', (i) => ({ caddr: C_NAT, cport: 40000 + i }))).toEqual(cycle(['RS3'], 12));
  });

  it('sends the DR-lab client 10.10.10.240 to RS1 every time (bucket 134)', () => {
    expect(run(makeLab(sh, RS1_3), 3, 'open', () => ({ caddr: C_DR }))).toEqual(['RS1', 'RS1', 'RS1']);
  });

  it('gives each dest `weight` buckets in a row, in list order', () => {
    const lab = makeLab(sh, RS1_3_W321);
    expect(shBuckets(lab.svc.dests).slice(0, 7).map(lab.nameOf)).toEqual(['RS3', 'RS2', 'RS2', 'RS1', 'RS1', 'RS1', 'RS3']);
    // bucket 27 → 27 % 6 = 3 → RS1; bucket 134 → 134 % 6 = 2 → RS2
    expect([connect(lab, 'open', { caddr: C_NAT }), connect(lab, 'open', { caddr: C_DR })]).toEqual(['RS1', 'RS2']);
  });

  it('maps 1000 client addresses deterministically to the kernel bucket, ignoring the port', () => {
    const lab = makeLab(sh, RS1_3);
    const addrs = Array.from({ length: 1000 }, (_, i) => ipv4FromU32(0x0a000000 + i * 7919));
    const first = addrs.map((caddr, i) => connect(lab, 'close', { caddr, cport: 1024 + i }));
    const again = addrs.map((caddr) => connect(lab, 'open', { caddr, cport: 60000 }));
    expect(again).toEqual(first);
    expect(first).toEqual(addrs.map((a) => ['RS3', 'RS2', 'RS1'][bucketOf(a) % 3]));
  });

  it('splits the 256 buckets 86/85/85 for three equal servers', () => {
    const lab = makeLab(sh, RS1_3);
    const counts = new Map<string | null, number>();
    for (const d of shBuckets(lab.svc.dests)) counts.set(lab.nameOf(d), (counts.get(lab.nameOf(d)) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({ RS3: 86, RS2: 85, RS1: 85 });
  });

  it('with sh-port hashes port + address (20.20.20.22:40000 → bucket 191 → RS1)', () => {
    const lab = makeLab(sh, RS1_3, { schedFlags: ['sh-port'] });
    expect(connect(lab, 'open', { caddr: C_NAT, cport: 40000 })).toBe('RS1');
  });

  it('gives no destination when the bucket holds a quiesced or overloaded server', () => {
    const lab = makeLab(sh, RS1_3);
    lab.setWeight('RS2', 0); // still owns one bucket in three
    expect(connect(lab, 'open', { caddr: C_10_2 })).toBe(null);
    (lab.rs.RS3 ?? expect.unreachable()).overloaded = true;
    expect(connect(lab, 'open', { caddr: C_NAT })).toBe(null);
  });

  it('with sh-fallback probes (offset + 2 * ihash) & 255 for offset = 0, 1, …', () => {
    const lab = makeLab(sh, RS1_3, { schedFlags: ['sh-fallback'] });
    lab.setWeight('RS2', 0);
    // ihash 157: probe 58 (RS2 again), then 59 → RS1
    expect(connect(lab, 'open', { caddr: C_10_2 })).toBe('RS1');
    (lab.rs.RS3 ?? expect.unreachable()).overloaded = true;
    lab.setWeight('RS2', 1);
    // ihash 27 (RS3): probe 54 (RS3), then 55 → RS2
    expect(connect(lab, 'open', { caddr: C_NAT })).toBe('RS2');
  });

  it('rebuilds the table when a server is deleted, and gives null with none left', () => {
    const lab = makeLab(sh, RS1_3);
    lab.remove('RS2'); // list RS3, RS1: bucket 157 → 157 % 2 = 1 → RS1
    expect(connect(lab, 'open', { caddr: C_10_2 })).toBe('RS1');
    lab.remove('RS1');
    lab.remove('RS3');
    expect(connect(lab, 'open', { caddr: C_10_2 })).toBe(null);
  });
});
