import { describe, expect, it } from 'vitest';
import { iproute2Lab, labConsole } from './test/session';

describe('ip link', () => {
  it('takes a device down: flags, state, the scenario, and the routes through it', () => {
    const { console, type } = labConsole();
    type('ip addr add 172.16.0.1/16 dev eth1');
    type('ip route add 10.7.0.0/16 via 172.16.0.9');
    expect(type('ip link set eth1 down')).toEqual({ out: '', status: 0 });
    expect(type('ip link show eth1').out).toBe(
      '3: eth1@if5: <BROADCAST,MULTICAST> mtu 1500 qdisc noqueue state DOWN mode DEFAULT group default qlen 1000\n    link/ether 02:00:00:00:01:01 brd ff:ff:ff:ff:ff:ff link-netnsid 0\n',
    );
    const a = console.live.scenario().hosts.find((h) => h.id === 'A');
    expect(a?.interfaces.find((i) => i.name === 'eth1')?.up).toBe(false);
    expect(a?.routes).toBeUndefined();
    type('ip link set dev eth1 up');
    expect(type('ip route').out).toBe('172.16.0.0/16 dev eth1 proto kernel scope link src 172.16.0.1 \n');
  });

  it('shows lo down as the kernel does', () => {
    const { type } = labConsole();
    type('ip link set lo down');
    expect(type('ip link show lo').out).toBe(
      '1: lo: <LOOPBACK> mtu 65536 qdisc noqueue state DOWN mode DEFAULT group default qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n',
    );
  });

  it('shows a device without a cable with NO-CARRIER and LOWERLAYERDOWN', () => {
    const scenario = iproute2Lab();
    scenario.segments = scenario.segments.filter((s) => s.id !== 'side');
    const { type } = labConsole(scenario);
    expect(type('ip -br link show eth1').out).toBe('eth1@if4         LOWERLAYERDOWN 02:00:00:00:01:01 <NO-CARRIER,BROADCAST,MULTICAST,UP> \n');
  });

  it('shows tunl0 as the ipip module makes it', () => {
    const scenario = iproute2Lab();
    scenario.hosts[0]?.interfaces.push({ name: 'tunl0', up: false, addrs: [] });
    const { type } = labConsole(scenario);
    expect(type('ip link show tunl0').out).toBe('4: tunl0@NONE: <NOARP> mtu 1480 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n    link/ipip 0.0.0.0 brd 0.0.0.0\n');
  });

  it('needs a device, and refuses a second one or a word it does not know', () => {
    const { type } = labConsole();
    expect(type('ip link set up')).toEqual({ out: 'Not enough information: "dev" argument is required.\n', status: 255 });
    expect(type('ip link set eth0 foo')).toEqual({ out: 'Error: either "dev" is duplicate, or "foo" is a garbage.\n', status: 255 });
    expect(type('ip link set eth9 up')).toEqual({ out: 'Cannot find device "eth9"\n', status: 1 });
    expect(type('ip link show eth9')).toEqual({ out: 'Device "eth9" does not exist.\n', status: 1 });
  });

  it('reports a link setting it does not model without changing the device', () => {
    const { console, type } = labConsole();
    expect(type('ip link set eth0 mtu 1400 down')).toEqual({ out: 'lvs-flow: ip: "ip link set … mtu" is not simulated\n', status: 1 });
    expect(console.live.host('A')?.ifByName.get('eth0')?.up).toBe(true);
  });
});
