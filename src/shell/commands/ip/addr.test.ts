import { describe, expect, it } from 'vitest';
import { labConsole } from './test/session';

const specOf = (c: ReturnType<typeof labConsole>['console'], host = 'A') => c.live.scenario().hosts.find((h) => h.id === host);
const ifSpec = (c: ReturnType<typeof labConsole>['console'], name: string) => specOf(c)?.interfaces.find((i) => i.name === name);

describe('ip address add', () => {
  it('puts a labelled VIP on lo and the scenario follows', () => {
    const { console, type } = labConsole();
    expect(type('ip addr add 10.10.10.100/32 dev lo label lo:0')).toEqual({ out: '', status: 0 });
    expect(ifSpec(console, 'lo')?.addrs).toEqual([{ cidr: '10.10.10.100/32', label: 'lo:0' }]);
    expect(type('ip addr show dev lo').out).toContain('    inet 10.10.10.100/32 scope global lo:0\n');
  });

  it('computes brd + and brd - from the prefix and keeps them in the scenario', () => {
    const { console, type } = labConsole();
    type('ip addr add 10.0.0.1/24 brd + dev eth0');
    type('ip addr add 10.0.0.8/24 brd - dev eth0');
    expect(ifSpec(console, 'eth0')?.addrs).toEqual([{ cidr: '10.0.0.1/24', brd: '10.0.0.255' }, { cidr: '10.0.0.8/24', brd: '10.0.0.0' }]);
    expect(type('ip -4 addr show eth0').out).toContain('inet 10.0.0.8/24 brd 10.0.0.0 scope global secondary eth0\n');
  });

  it('refuses an address the device already has with RTNETLINK File exists and status 2', () => {
    const { type } = labConsole();
    type('ip addr add 10.0.0.1/24 dev eth0');
    expect(type('ip addr add 10.0.0.1/24 dev eth0 label eth0:9')).toEqual({ out: 'RTNETLINK answers: File exists\n', status: 2 });
  });

  it('names a missing device and exits 1', () => {
    const { type } = labConsole();
    expect(type('ip addr add 10.1.1.1/24 dev eth9')).toEqual({ out: 'Cannot find device "eth9"\n', status: 1 });
    expect(type('ip addr show dev eth9')).toEqual({ out: 'Device "eth9" does not exist.\n', status: 1 });
  });

  it('reports an unmodelled option after checking its words as iproute2 does', () => {
    const { console, type } = labConsole();
    expect(type('ip addr add 10.0.0.1/24 dev eth0 metric x').status).toBe(255);
    expect(type('ip addr add 10.0.0.1/24 dev eth0 metric 5')).toEqual({ out: 'lvs-flow: ip: an address metric is not simulated\n', status: 1 });
    expect(ifSpec(console, 'eth0')?.addrs).toEqual([]);
  });
});

describe('ip address del and flush', () => {
  it('takes the secondaries of a deleted primary with it', () => {
    const { console, type } = labConsole();
    type('ip addr add 10.0.0.1/24 dev eth0');
    type('ip addr add 10.0.0.100/24 dev eth0 label eth0:0');
    type('ip addr add 192.168.1.1/24 dev eth0');
    expect(type('ip addr del 10.0.0.1/24 dev eth0').status).toBe(0);
    expect(ifSpec(console, 'eth0')?.addrs).toEqual([{ cidr: '192.168.1.1/24' }]);
  });

  it('warns about a wildcard delete without a prefix length, and deletes', () => {
    const { console, type } = labConsole();
    type('ip addr add 10.0.0.7/24 dev eth0');
    const r = type('ip addr del 10.0.0.7 dev eth0');
    expect(r.out).toMatch(/^Warning: Executing wildcard deletion.*\n.*\(10\.0\.0\.7\/32\)/);
    expect(r.status).toBe(0);
    expect(ifSpec(console, 'eth0')?.addrs).toEqual([]);
  });

  it('matches the label when one is given', () => {
    const { type } = labConsole();
    type('ip addr add 10.0.0.7/24 dev eth0 label eth0:1');
    expect(type('ip addr del 10.0.0.7/24 dev eth0 label eth0:2')).toEqual({ out: 'RTNETLINK answers: Cannot assign requested address\n', status: 2 });
    expect(type('ip addr del 10.0.0.7/24 dev eth0 label eth0:1').status).toBe(0);
  });

  it('flushes a device, and the routes through it go with its last address', () => {
    const { console, type } = labConsole();
    type('ip addr add 10.0.0.1/24 dev eth0');
    type('ip route add 10.9.0.0/16 via 10.0.0.2');
    expect(type('ip addr flush dev eth0')).toEqual({ out: '', status: 0 });
    expect(ifSpec(console, 'eth0')?.addrs).toEqual([]);
    expect(specOf(console)?.routes).toBeUndefined();
    expect(type('ip route').out).toBe('');
  });

  it('flushes only what the selector names', () => {
    const { console, type } = labConsole();
    type('ip addr add 10.0.0.1/24 dev eth0');
    type('ip addr add 10.0.0.100/24 dev eth0 label eth0:0');
    type('ip addr flush dev eth0 label eth0:0');
    expect(ifSpec(console, 'eth0')?.addrs).toEqual([{ cidr: '10.0.0.1/24' }]);
    expect(type('ip addr flush')).toEqual({ out: 'Flush requires arguments.\n', status: 1 });
  });
});

describe('ip address show', () => {
  it('shows only the addresses a label pattern selects, without the device line', () => {
    const { type } = labConsole();
    type('ip addr add 10.0.0.1/24 dev eth0');
    type('ip addr add 10.0.0.100/24 dev eth0 label eth0:0');
    expect(type("ip addr show label 'eth0:*'").out).toBe('    inet 10.0.0.100/24 scope global secondary eth0:0\n       valid_lft forever preferred_lft forever\n');
  });

  it('lists one line per device with -br', () => {
    const { type } = labConsole();
    type('ip addr add 10.0.0.1/24 dev eth0');
    expect(type('ip -br addr').out).toBe(
      'lo               UNKNOWN        127.0.0.1/8 \neth0@if4         UP             10.0.0.1/24 \neth1@if5         UP             \n',
    );
  });

  it('leaves out devices without IPv4 under -4 and shows nothing under -6', () => {
    const { type } = labConsole();
    expect(type('ip -4 addr').out).not.toContain('eth0');
    expect(type('ip -6 addr')).toEqual({ out: '', status: 0 });
  });
});
