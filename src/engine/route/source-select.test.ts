/**
 * Source addresses for packets a host sends itself: the route's preferred source (fib_result_prefsrc),
 * else inet_select_addr(dev, gateway-or-destination, scope) from net/ipv4/devinet.c.
 */
import { describe, expect, it } from 'vitest';
import { formatIpv4 } from '../addr/ipv4';
import { SCOPE_GLOBAL, SCOPE_HOST, SCOPE_LINK, type Iface } from '../host/iface';
import { ip, routeTable, testIface } from '../../test/builders';
import { inetSelectAddr, selectSource } from './source-select';

const show = (a: ReturnType<typeof selectSource>) => (a === undefined ? 'none' : formatIpv4(a));
const pick = (dev: Iface, target: string, scope: number, all: readonly Iface[] = [dev]) => {
  return show(inetSelectAddr(dev, ip(target), scope, all));
};

describe('inetSelectAddr', () => {
  it('picks the device\'s primary address in the target\'s subnet', () => {
    const eth0 = testIface('eth0', ['10.0.0.1/24', '192.168.1.1/24']);
    expect(pick(eth0, '192.168.1.254', SCOPE_LINK)).toBe('192.168.1.1');
    expect(pick(eth0, '10.0.0.254', SCOPE_LINK)).toBe('10.0.0.1');
  });

  it('falls back to the device\'s first primary when no subnet holds the target', () => {
    expect(pick(testIface('eth0', ['10.0.0.1/24', '192.168.1.1/24']), '8.8.8.8', SCOPE_LINK)).toBe('10.0.0.1');
  });

  it('never chooses a secondary address, even for a target next to it', () => {
    const eth0 = testIface('eth0', ['10.0.0.1/24', '10.0.0.2/24']);
    expect(pick(eth0, '10.0.0.2', SCOPE_LINK)).toBe('10.0.0.1');
  });

  it('does not choose the /32 VIP on eth0:0 when eth0 has a primary in the target\'s subnet, whichever was added first', () => {
    expect(pick(testIface('eth0', ['10.10.10.11/24', ['10.10.10.100/32', 'eth0:0']]), '10.10.10.240', SCOPE_LINK)).toBe('10.10.10.11');
    expect(pick(testIface('eth0', [['10.10.10.100/32', 'eth0:0'], '10.10.10.11/24']), '10.10.10.240', SCOPE_LINK)).toBe('10.10.10.11');
  });

  it('borrows another device\'s primary when this one has none, lo first, skipping host-scope 127.0.0.1', () => {
    const lo = testIface('lo', [['10.10.10.100/32', 'lo:0']]);
    const tunl0 = testIface('tunl0');
    const all = [lo, testIface('eth0', ['10.10.10.12/24']), tunl0];
    expect(pick(tunl0, '44.55.66.77', SCOPE_LINK, all)).toBe('10.10.10.100');
    expect(pick(tunl0, '44.55.66.77', SCOPE_HOST, all)).toBe('127.0.0.1');
  });

  it('returns nothing when no device has a usable address', () => {
    const lo = testIface('lo');
    expect(pick(lo, '10.0.0.1', SCOPE_GLOBAL, [lo])).toBe('none');
  });
});

describe('selectSource', () => {
  it('uses a connected route\'s preferred source', () => {
    const { table } = routeTable([testIface('lo'), testIface('eth0', ['10.10.10.11/24', ['10.10.10.100/32', 'eth0:0']])]);
    const r = table.lookup(ip('10.10.10.240'))!;
    expect(show(selectSource(r, ip('10.10.10.240'), []))).toBe('10.10.10.11');
  });

  it('via a gateway, uses the device\'s primary address in the gateway\'s subnet', () => {
    const ifaces = [testIface('lo'), testIface('eth0', ['10.0.0.1/24', '192.168.1.1/24'])];
    const { table } = routeTable(ifaces, [{ dst: 'default', via: '192.168.1.254' }]);
    expect(show(selectSource(table.lookup(ip('8.8.8.8'))!, ip('8.8.8.8'), ifaces))).toBe('192.168.1.1');
  });

  it('gives a DR real server its RIP, not the VIP on lo:0, for traffic it starts itself', () => {
    const ifaces = [testIface('lo', [['10.10.10.100/32', 'lo:0']]), testIface('eth0', ['10.10.10.12/24'])];
    const { table } = routeTable(ifaces, [{ dst: 'default', via: '10.10.10.1' }]);
    expect(show(selectSource(table.lookup(ip('8.8.8.8'))!, ip('8.8.8.8'), ifaces))).toBe('10.10.10.12');
  });

  it('honours an explicit `src` on the route', () => {
    const ifaces = [testIface('lo'), testIface('eth0', ['10.0.0.1/24', '10.0.0.7/24'])];
    const { table } = routeTable(ifaces, [{ dst: 'default', via: '10.0.0.254', src: '10.0.0.7' }]);
    expect(show(selectSource(table.lookup(ip('8.8.8.8'))!, ip('8.8.8.8'), ifaces))).toBe('10.0.0.7');
  });
});
