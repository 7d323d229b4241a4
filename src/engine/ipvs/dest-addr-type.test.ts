import { describe, expect, it } from 'vitest';
import { parseIpv4, type Ipv4 } from '../addr/ipv4';
import { addIfAddr } from '../host/iface';
import { makeIface } from '../scenario/build';
import type { Host } from '../sim/world';
import type { Mac } from '../addr/mac';
import { isUnicastOn } from './dest-addr-type';

const ip = (s: string): Ipv4 => { const r = parseIpv4(s); if (!r.ok) throw new Error(s); return r.value; };

/** A host with eth0 holding the given addresses (address, prefix, brd). */
function hostWith(addrs: Array<[string, number, string?]>): Host {
  const eth0 = makeIface('D', 0, 1, 'eth0', 0x020000000201 as Mac, true);
  for (const [a, len, brd] of addrs) addIfAddr(eth0, ip(a), len, 'eth0', brd === undefined ? undefined : ip(brd));
  return { id: 'D', ifaces: [eth0] } as unknown as Host;
}

describe('isUnicastOn (inet_addr_type as ip_vs_new_dest reads it)', () => {
  it('refuses the subnet broadcast of a primary and an explicit brd of another address', () => {
    const h = hostWith([['10.0.0.1', 24], ['10.0.0.100', 32, '10.0.0.7']]);
    expect(isUnicastOn(h, ip('10.0.0.255'))).toBe(false);
    expect(isUnicastOn(h, ip('10.0.0.7'))).toBe(false);
    expect(isUnicastOn(h, ip('10.0.0.2'))).toBe(true);
  });

  it('takes an address whose brd is itself as local (fib_add_ifaddr adds its local route first)', () => {
    const h = hostWith([['10.0.0.1', 24], ['10.0.0.2', 32, '10.0.0.2']]);
    expect(isUnicastOn(h, ip('10.0.0.2'))).toBe(true);
  });
});
