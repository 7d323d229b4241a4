import { describe, expect, it } from 'vitest';
import { ip } from '../addr/ipv4';
import { hostSpec, lanSpec, scenarioOf } from '../../test/builders';
import { addAddress, addRoute, deleteAddress, flushAddresses } from './host-config';
import { LiveWorld } from './live-world';

function world(): { live: LiveWorld; routes: () => unknown } {
  const live = new LiveWorld(scenarioOf('t', [
    hostSpec('A', 'client', { eth0: ['10.0.0.1/24', '10.0.0.5/32'] }),
    hostSpec('B', 'server', { eth0: ['10.0.0.2/24'] }),
  ], [lanSpec('lan', 'A', 'B')]));
  return { live, routes: () => live.scenario().hosts[0]?.routes };
}

function hostA(live: LiveWorld) {
  const host = live.host('A');
  const eth0 = host?.ifByName.get('eth0');
  if (!host || !eth0) throw new Error('no A');
  return { host, eth0 };
}

describe('live address removal, as the kernel\'s address event', () => {
  it('keeps a route through its device when its gateway\'s subnet goes (the device was fixed when it was made)', () => {
    const { live, routes } = world();
    const { host, eth0 } = hostA(live);
    expect(addRoute(live, host, { dst: ip('192.168.7.7'), len: 32, via: ip('10.0.0.2') }).ok).toBe(true);
    expect(routes()).toEqual([{ dst: '192.168.7.7/32', via: '10.0.0.2', dev: 'eth0' }]);
    deleteAddress(live, host, eth0, ip('10.0.0.1'), 24);
    expect(routes()).toEqual([{ dst: '192.168.7.7/32', via: '10.0.0.2', dev: 'eth0' }]);
    expect(host.routes.lookup(ip('192.168.7.7'))?.dev).toBe(eth0);
  });

  it('drops the routes preferring the source address that went (fib_sync_down_addr)', () => {
    const { live, routes } = world();
    const { host, eth0 } = hostA(live);
    addRoute(live, host, { dst: ip('192.168.6.0'), len: 24, devName: 'eth0', src: ip('10.0.0.1') });
    addRoute(live, host, { dst: ip('192.168.8.0'), len: 24, devName: 'eth0', src: ip('10.0.0.5') });
    deleteAddress(live, host, eth0, ip('10.0.0.1'), 24);
    expect(routes()).toEqual([{ dst: '192.168.8.0/24', dev: 'eth0', src: '10.0.0.5' }]);
  });

  it('drops every route through a device when its last address goes (fib_disable_ip)', () => {
    const { live, routes } = world();
    const { host, eth0 } = hostA(live);
    addRoute(live, host, { dst: ip('192.168.7.0'), len: 24, via: ip('10.0.0.2') });
    addRoute(live, host, { dst: ip('192.168.9.0'), len: 24, devName: 'eth0' });
    flushAddresses(live, host, eth0);
    expect(routes()).toBeUndefined();
    addAddress(live, host, eth0, { addr: ip('10.0.0.1'), len: 24 });
    expect(host.routes.main.map((r) => r.proto)).toEqual(['kernel']);
  });
});
