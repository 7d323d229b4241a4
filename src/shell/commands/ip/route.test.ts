import { describe, expect, it } from 'vitest';
import { iproute2Lab, labConsole } from './test/session';

const routesOf = (c: ReturnType<typeof labConsole>['console']) => c.live.scenario().hosts.find((h) => h.id === 'A')?.routes;

function withEth0(): ReturnType<typeof labConsole> {
  const lab = labConsole();
  lab.type('ip addr add 10.0.0.1/24 dev eth0');
  return lab;
}

describe('ip route add, replace, del', () => {
  it('adds a default route; the scenario keeps it with the device its gateway resolved to', () => {
    const { console, type } = withEth0();
    expect(type('ip route add default via 10.0.0.2')).toEqual({ out: '', status: 0 });
    expect(routesOf(console)).toEqual([{ dst: 'default', via: '10.0.0.2', dev: 'eth0' }]);
    expect(type('ip r').out).toBe('default via 10.0.0.2 dev eth0 \n10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.1 \n');
  });

  it('lists routes in the FIB trie order: by destination, longer prefix first', () => {
    const { type } = withEth0();
    type('ip route add 10.0.0.0/8 via 10.0.0.2');
    type('ip route add 9.0.0.0/8 dev eth0');
    expect(type('ip route').out.split('\n').map((l) => l.split(' ')[0])).toEqual(['9.0.0.0/8', '10.0.0.0/24', '10.0.0.0/8', '']);
  });

  it('gives the kernel messages for an off-link gateway, a foreign src, host bits and a route that exists', () => {
    const { type } = withEth0();
    expect(type('ip route add 10.9.0.0/16 via 172.16.9.9')).toEqual({ out: 'Error: Nexthop has invalid gateway.\n', status: 2 });
    expect(type('ip route add 10.9.0.0/16 via 10.0.0.2 src 10.0.0.99')).toEqual({ out: 'Error: Invalid prefsrc address.\n', status: 2 });
    expect(type('ip route add 10.9.2.5/24 via 10.0.0.2')).toEqual({ out: 'Error: Invalid prefix for given prefix length.\n', status: 2 });
    expect(type('ip route add 10.0.0.0/24 dev eth0')).toEqual({ out: 'RTNETLINK answers: File exists\n', status: 2 });
    expect(type('ip route add 10.9.0.0/16')).toEqual({ out: 'RTNETLINK answers: No such device\n', status: 2 });
  });

  it('refuses a device route through a device that is down', () => {
    const { console, type } = withEth0();
    type('ip link set eth1 down');
    expect(type('ip route add 10.8.0.0/16 dev eth1')).toEqual({ out: 'Error: Device for nexthop is not up.\n', status: 2 });
    expect(routesOf(console)).toBeUndefined();
  });

  it('replaces a route in place and changes only one that exists', () => {
    const { console, type } = withEth0();
    type('ip route add 192.168.5.0/24 via 10.0.0.2');
    expect(type('ip route replace 192.168.5.0/24 via 10.0.0.3').status).toBe(0);
    expect(routesOf(console)).toEqual([{ dst: '192.168.5.0/24', via: '10.0.0.3', dev: 'eth0' }]);
    expect(type('ip route change 192.168.7.0/24 via 10.0.0.2')).toEqual({ out: 'RTNETLINK answers: No such file or directory\n', status: 2 });
  });

  it('deletes a static route, matching the gateway when one is given', () => {
    const { console, type } = withEth0();
    type('ip route add 10.0.0.0/8 via 10.0.0.2');
    expect(type('ip route del 10.0.0.0/8 via 10.0.0.3')).toEqual({ out: 'RTNETLINK answers: No such process\n', status: 2 });
    expect(type('ip route del 10.0.0.0/8').status).toBe(0);
    expect(routesOf(console)).toBeUndefined();
  });

  it('keeps a route through its device when the gateway\'s subnet goes, but drops one preferring the deleted source', () => {
    const { console, type } = withEth0();
    type('ip addr add 10.0.0.5/32 dev eth0');
    type('ip route add 192.168.7.7 via 10.0.0.2');
    type('ip route add 192.168.6.0/24 dev eth0 src 10.0.0.1');
    type('ip addr del 10.0.0.1/24 dev eth0');
    expect(type('ip route').out).toBe('192.168.7.7 via 10.0.0.2 dev eth0 \n');
    expect(routesOf(console)).toEqual([{ dst: '192.168.7.7/32', via: '10.0.0.2', dev: 'eth0' }]);
  });

  it('shows a usage error for a route with no destination and exits 255', () => {
    const { type } = withEth0();
    const r = type('ip route add via 10.0.0.2');
    expect(r.status).toBe(255);
    expect(r.out).toMatch(/^Usage: ip route \{ list \| flush \} SELECTOR\n/);
  });
});

describe('ip route show', () => {
  it('leaves out the fields a selector pins', () => {
    const { type } = withEth0();
    type('ip route add default via 10.0.0.2');
    expect(type('ip route show dev eth0').out).toBe('default via 10.0.0.2 \n10.0.0.0/24 proto kernel scope link src 10.0.0.1 \n');
    expect(type('ip route show proto kernel').out).toBe('10.0.0.0/24 dev eth0 scope link src 10.0.0.1 \n');
    expect(type('ip route show 10.0.0.0/24').out).toBe('10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.1 \n');
  });

  it('shows the local table as the kernel fills it, sources from the subnet\'s primary', () => {
    const { type } = withEth0();
    type('ip addr add 10.0.0.100/24 dev eth0 label eth0:0');
    expect(type('ip route show table local').out).toBe([
      'local 10.0.0.1 dev eth0 proto kernel scope host src 10.0.0.1 ',
      'local 10.0.0.100 dev eth0 proto kernel scope host src 10.0.0.1 ',
      'broadcast 10.0.0.255 dev eth0 proto kernel scope link src 10.0.0.1 ',
      'local 127.0.0.0/8 dev lo proto kernel scope host src 127.0.0.1 ',
      'local 127.0.0.1 dev lo proto kernel scope host src 127.0.0.1 ',
      'broadcast 127.255.255.255 dev lo proto kernel scope link src 127.0.0.1 ',
      '',
    ].join('\n'));
  });

  it('marks a connected route through a device without a cable linkdown', () => {
    const scenario = iproute2Lab();
    scenario.segments = scenario.segments.filter((s) => s.id !== 'side');
    const { type } = labConsole(scenario);
    type('ip addr add 10.5.5.1/24 dev eth1');
    expect(type('ip route').out).toBe('10.5.5.0/24 dev eth1 proto kernel scope link src 10.5.5.1 linkdown \n');
  });
});
