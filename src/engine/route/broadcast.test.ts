import { describe, expect, it } from 'vitest';
import { ip } from '../addr/ipv4';
import { addIfAddr } from '../host/iface';
import { testIface } from '../../test/builders';
import { isBroadcastOn } from './broadcast';

describe('a broadcast address of an interface (the local table\'s broadcast routes)', () => {
  it('is the limited broadcast, a subnet\'s broadcast below /31, or an address\'s explicit brd', () => {
    const dev = testIface('eth0', ['10.0.0.10/24', '192.168.1.5/31', '172.16.0.1/32']);
    addIfAddr(dev, ip('11.0.0.1'), 32, 'eth0:0', ip('11.255.255.255'));
    const asked = ['255.255.255.255', '10.0.0.255', '10.0.0.254', '10.0.0.0', '192.168.1.5', '172.16.0.1', '11.255.255.255', '11.0.0.255'];
    expect(asked.filter((a) => isBroadcastOn(dev, ip(a)))).toEqual(['255.255.255.255', '10.0.0.255', '11.255.255.255']);
  });

  it('is only the limited broadcast on an interface without addresses', () => {
    const dev = testIface('eth1');
    expect([isBroadcastOn(dev, ip('255.255.255.255')), isBroadcastOn(dev, ip('10.0.0.255'))]).toEqual([true, false]);
  });
});
