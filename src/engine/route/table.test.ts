/**
 * The routing tables (net/ipv4/fib_frontend.c fib_add_ifaddr, fib_lookup with the default rules:
 * table local first, then main). Routes are shown as `ip route show table all` would print them.
 */
import { describe, expect, it } from 'vitest';
import { formatIpv4 } from '../addr/ipv4';
import { ip, routeTable, testIface } from '../../test/builders';
import type { Route } from './table';

const show = (r: Route | undefined): string => {
  if (!r) return 'none';
  const dst = r.len === 0 ? 'default' : `${formatIpv4(r.dst)}/${r.len}`;
  return [r.table, r.type, dst, r.via !== undefined ? `via ${formatIpv4(r.via)}` : '', `dev ${r.dev.name}`, r.src !== undefined ? `src ${formatIpv4(r.src)}` : '']
    .filter(Boolean).join(' ');
};
const lookup = (t: ReturnType<typeof routeTable>['table'], dst: string) => show(t.lookup(ip(dst)));

describe('RouteTable.rebuild', () => {
  it('adds a connected route for each primary address, with that address as preferred source', () => {
    const { table } = routeTable([testIface('lo'), testIface('eth0', ['10.0.0.1/24']), testIface('eth1', ['192.168.1.1/24'])]);
    expect(table.main.map(show)).toEqual([
      'main unicast 10.0.0.0/24 dev eth0 src 10.0.0.1',
      'main unicast 192.168.1.0/24 dev eth1 src 192.168.1.1',
    ]);
  });

  it('puts every local address in table local: lo\'s 127.0.0.0/8 and a /32 per address', () => {
    const { table } = routeTable([testIface('lo', [['10.10.10.100/32', 'lo:0']]), testIface('eth0', ['10.10.10.12/24'])]);
    expect(table.local.map(show).sort()).toEqual([
      'local local 10.10.10.100/32 dev lo src 10.10.10.100',
      'local local 10.10.10.12/32 dev eth0 src 10.10.10.12',
      'local local 127.0.0.0/8 dev lo src 127.0.0.1',
    ]);
  });

  it('adds no connected route for a /32 alias (the VIP on eth0:0) nor for the VIP on lo:0', () => {
    const { table } = routeTable([testIface('lo', [['10.10.10.100/32', 'lo:0']]), testIface('eth0', ['10.10.10.11/24', ['10.10.10.101/32', 'eth0:0']])]);
    expect(table.main.map(show)).toEqual(['main unicast 10.10.10.0/24 dev eth0 src 10.10.10.11']);
  });

  it('adds no connected route for a secondary address: the primary\'s route covers its subnet', () => {
    const { table } = routeTable([testIface('eth0', ['10.0.0.1/24', '10.0.0.2/24'])]);
    expect(table.main.map(show)).toEqual(['main unicast 10.0.0.0/24 dev eth0 src 10.0.0.1']);
  });

  it('adds no connected route for an interface that is down, and no static route through it', () => {
    const { table } = routeTable([testIface('eth0', ['10.0.0.1/24'], { up: false })], [{ dst: '172.16.0.0/12', dev: 'eth0' }]);
    expect(table.main).toEqual([]);
  });

  it('installs a static route on the interface whose subnet holds the gateway', () => {
    const { table, problems } = routeTable([testIface('eth0', ['10.0.0.1/24']), testIface('eth1', ['192.168.1.1/24'])], [{ dst: '172.16.0.0/12', via: '192.168.1.254' }]);
    expect(problems).toEqual([]);
    expect(lookup(table, '172.16.5.5')).toBe('main unicast 172.16.0.0/12 via 192.168.1.254 dev eth1');
  });

  it('does not install a static route via a gateway no connected subnet reaches (ip route: "Nexthop has invalid gateway")', () => {
    const { table, problems } = routeTable([testIface('eth0', ['10.0.0.1/24'])], [{ dst: 'default', via: '10.9.9.1' }]);
    expect(problems).toEqual(['gateway-unreachable']);
    expect(table.lookup(ip('8.8.8.8'))).toBeUndefined();
  });

  // fib_add_ifaddr adds the prefix of an address on a loopback device as RTN_LOCAL in table local:
  // `ip addr add 10.10.10.100/24 dev lo` makes all of 10.10.10.0/24 local, the classic LVS-DR
  // mistake (the real server then cannot reach its own subnet).
  it('makes the whole prefix local when an address with a mask goes on lo (a VIP on lo:0 as /24)', () => {
    const { table } = routeTable([testIface('lo', [['10.10.10.100/24', 'lo:0']]), testIface('eth0', ['10.10.10.12/24'])]);
    expect(table.lookup(ip('10.10.10.240'))?.type).toBe('local');
  });
});

describe('RouteTable.lookup', () => {
  const { table } = routeTable(
    [testIface('lo'), testIface('eth0', ['10.1.2.1/24']), testIface('eth1', ['192.168.1.1/24'])],
    [
      { dst: '10.0.0.0/8', via: '192.168.1.8' },
      { dst: '10.1.0.0/16', via: '192.168.1.16' },
      { dst: 'default', via: '192.168.1.254' },
      { dst: '127.0.0.5/32', via: '192.168.1.5' },
      { dst: '10.1.2.0/24', via: '192.168.1.24' },
    ],
  );

  it('picks the longest matching prefix', () => {
    expect(lookup(table, '10.9.9.9')).toBe('main unicast 10.0.0.0/8 via 192.168.1.8 dev eth1');
    expect(lookup(table, '10.1.9.9')).toBe('main unicast 10.1.0.0/16 via 192.168.1.16 dev eth1');
    expect(lookup(table, '10.1.2.9')).toMatch(/^main unicast 10\.1\.2\.0\/24 /);
  });

  it('prefers the connected route to a static one for the same prefix (kernel routes come first)', () => {
    expect(lookup(table, '10.1.2.9')).toBe('main unicast 10.1.2.0/24 dev eth0 src 10.1.2.1');
  });

  it('sends everything else to the default route', () => {
    expect(lookup(table, '8.8.8.8')).toBe('main unicast default via 192.168.1.254 dev eth1');
  });

  it('answers from table local before main, whatever main\'s prefix length', () => {
    expect(lookup(table, '127.0.0.5')).toBe('local local 127.0.0.0/8 dev lo src 127.0.0.1');
    expect(lookup(table, '10.1.2.1')).toBe('local local 10.1.2.1/32 dev eth0 src 10.1.2.1');
    expect(table.isLocal(ip('10.1.2.1'))).toBe(true);
    expect(table.isLocal(ip('10.1.2.2'))).toBe(false);
  });

  it('finds nothing without a matching route or default', () => {
    const bare = routeTable([testIface('eth0', ['10.0.0.1/24'])]).table;
    expect(bare.lookup(ip('8.8.8.8'))).toBeUndefined();
  });

  it('gives the same answer again after a rebuild, from fresh tables', () => {
    const eth0 = testIface('eth0', ['10.0.0.1/24']);
    const { table: t } = routeTable([eth0]);
    expect(lookup(t, '10.0.0.9')).toMatch(/dev eth0/);
    eth0.up = false;
    t.rebuild([eth0], []);
    expect(t.lookup(ip('10.0.0.9'))).toBeUndefined();
  });
});
