import { describe, expect, it } from 'vitest';
import { parseIpv4, type Ipv4, type Mac } from '../../../engine';
import { labConsole } from './test/session';

/** Puts an entry in A's neighbour cache as ARP would have left it (the engine's own resolver makes these in a run). */
function learn(lab: ReturnType<typeof labConsole>, ip: string, state: 'REACHABLE' | 'FAILED' | 'INCOMPLETE', dev = 'eth0'): void {
  const host = lab.console.live.host('A');
  const iface = host?.ifByName.get(dev);
  if (!host || !iface) throw new Error('no A');
  const addr = parseIpv4(ip);
  if (!addr.ok) throw new Error(`bad address ${ip}`);
  const n = host.neigh.create(iface.index, addr.value as Ipv4, lab.console.live.now, 30_000);
  n.state = state;
  if (state === 'REACHABLE') {
    n.mac = 0x020000000200 as Mac;
    n.confirmed = lab.console.live.now;
  }
}

describe('ip neigh', () => {
  it('shows entries as iproute2 does, with no lladdr for a failed one', () => {
    const lab = labConsole();
    learn(lab, '10.0.0.2', 'REACHABLE');
    learn(lab, '10.0.0.77', 'FAILED');
    expect(lab.type('ip neigh').out).toBe('10.0.0.2 dev eth0 lladdr 02:00:00:00:02:00 REACHABLE \n10.0.0.77 dev eth0 FAILED \n');
    expect(lab.type('ip neigh show dev eth0 nud failed').out).toBe('10.0.0.77 FAILED \n');
    expect(lab.type('ip n show 10.0.0.2').out).toBe('10.0.0.2 dev eth0 lladdr 02:00:00:00:02:00 REACHABLE \n');
  });

  it('shows a reachable entry as STALE once its reachable time has passed', () => {
    const lab = labConsole();
    learn(lab, '10.0.0.2', 'REACHABLE');
    lab.console.live.advance(31_000);
    expect(lab.type('ip neigh').out).toBe('10.0.0.2 dev eth0 lladdr 02:00:00:00:02:00 STALE \n');
  });

  it('flushes one device\'s entries, or all, and needs a selector', () => {
    const lab = labConsole();
    learn(lab, '10.0.0.2', 'REACHABLE');
    learn(lab, '172.16.0.2', 'INCOMPLETE', 'eth1');
    expect(lab.type('ip neigh flush')).toEqual({ out: 'Flush requires arguments.\n', status: 1 });
    expect(lab.type('ip neigh flush dev eth0')).toEqual({ out: '', status: 0 });
    expect(lab.type('ip neigh').out).toBe('172.16.0.2 dev eth1 INCOMPLETE \n');
    lab.type('ip neigh flush all');
    expect(lab.type('ip neigh').out).toBe('');
  });

  it('flushes only the entries in the states named', () => {
    const lab = labConsole();
    learn(lab, '10.0.0.2', 'REACHABLE');
    learn(lab, '10.0.0.77', 'FAILED');
    lab.type('ip neigh flush all nud failed');
    expect(lab.type('ip neigh').out).toBe('10.0.0.2 dev eth0 lladdr 02:00:00:00:02:00 REACHABLE \n');
  });

  it('names a missing device and exits 1', () => {
    const lab = labConsole();
    expect(lab.type('ip neigh show dev eth9')).toEqual({ out: 'Cannot find device "eth9"\n', status: 1 });
  });
});
