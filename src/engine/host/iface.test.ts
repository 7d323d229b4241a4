/**
 * Interface addresses as `ip addr add` leaves them (net/ipv4/devinet.c __inet_insert_ifa): an
 * address whose prefix and subnet match an existing primary becomes SECONDARY and goes last;
 * alias labels (eth0:0, lo:0) are only names; iproute2 gives 127.0.0.0/8 host scope.
 */
import { describe, expect, it } from 'vitest';
import { formatIpv4 } from '../addr/ipv4';
import { ip, testIface } from '../../test/builders';
import { SCOPE_GLOBAL, SCOPE_HOST, addIfAddr, ifaMatch } from './iface';

const show = (addrs: ReturnType<typeof testIface>['addrs']) =>
  addrs.map((a) => `${formatIpv4(a.addr)}/${a.len} ${a.label}${a.secondary ? ' secondary' : ''}`);

describe('addIfAddr', () => {
  it('makes the first address of a subnet primary and a second one of the same prefix secondary', () => {
    expect(show(testIface('eth0', ['10.0.0.1/24', '10.0.0.2/24']).addrs)).toEqual(['10.0.0.1/24 eth0', '10.0.0.2/24 eth0 secondary']);
  });

  it('keeps a /32 alias inside the subnet primary, with its label (the director\'s VIP on eth0:0)', () => {
    expect(show(testIface('eth0', ['10.10.10.11/24', ['10.10.10.100/32', 'eth0:0']]).addrs))
      .toEqual(['10.10.10.11/24 eth0', '10.10.10.100/32 eth0:0']);
  });

  it('keeps a same-subnet address with another prefix length primary (the masks must match)', () => {
    expect(testIface('eth0', ['10.0.0.1/24', '10.0.0.2/16']).addrs.map((a) => a.secondary)).toEqual([false, false]);
  });

  it('keeps primaries ahead of secondaries, in the order they were added', () => {
    expect(show(testIface('eth0', ['10.0.0.1/24', '10.0.0.2/24', '192.168.1.1/24']).addrs))
      .toEqual(['10.0.0.1/24 eth0', '192.168.1.1/24 eth0', '10.0.0.2/24 eth0 secondary']);
  });

  it('gives 127.0.0.1 on lo host scope and the VIP on lo:0 global scope', () => {
    const lo = testIface('lo', [['10.10.10.100/32', 'lo:0']]);
    expect(lo.addrs.map((a) => [formatIpv4(a.addr), a.label, a.scope])).toEqual([['127.0.0.1', 'lo', SCOPE_HOST], ['10.10.10.100', 'lo:0', SCOPE_GLOBAL]]);
  });

  it('returns the record it added', () => {
    const dev = testIface('eth1');
    const a = addIfAddr(dev, ip('192.168.1.1'), 24, 'eth1');
    expect(dev.addrs).toEqual([a]);
  });
});

describe('ifaMatch (inet_ifa_match)', () => {
  const [primary, vip] = testIface('eth0', ['10.10.10.11/24', ['10.10.10.100/32', 'eth0:0']]).addrs;

  it('matches addresses inside the address\'s subnet', () => {
    expect(ifaMatch(ip('10.10.10.240'), primary!)).toBe(true);
    expect(ifaMatch(ip('10.10.11.1'), primary!)).toBe(false);
  });

  it('matches only itself for a /32', () => {
    expect(ifaMatch(ip('10.10.10.100'), vip!)).toBe(true);
    expect(ifaMatch(ip('10.10.10.101'), vip!)).toBe(false);
  });
});
