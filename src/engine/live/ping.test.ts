/**
 * runPing: iputils' ping on a live world — identifiers from the kernel's shared counter, 56
 * bytes of data, one request per interval, replies timed in simulated µs, and the exit rules
 * of ping's main loop (all answered, the exit timer after the last request, no route at all).
 */
import { describe, expect, it } from 'vitest';
import { ip } from '../addr/ipv4';
import { hostSpec, lanSpec, scenarioOf } from '../../test/builders';
import { LiveWorld } from './live-world';
import { echoData, runPing, startPing, type PingOptions } from './ping';
import type { Ipv4Repr } from '../wire/repr';

const lab = () => new LiveWorld(scenarioOf('ping-lab', [
  hostSpec('C', 'client', { eth0: ['10.0.0.10/24'] }),
  hostSpec('S', 'server', { eth0: ['10.0.0.1/24'] }),
], [lanSpec('lan', 'C', 'S')]));

const opts = (dst: string, more: Partial<PingOptions> = {}): PingOptions =>
  ({ dst: ip(dst), count: 3, intervalMs: 1000, lingerMs: 10_000, dataLen: 56, ...more });

function echoRequests(live: LiveWorld): Ipv4Repr[] {
  return live.trace.events.flatMap((e) => (e.kind === 'frame' && e.frame.type === 'ipv4' && e.frame.ip.payload.proto === 'icmp' && e.frame.ip.payload.type === 8 ? [e.frame.ip] : []));
}

describe('runPing', () => {
  it('sends one request a second and times each reply by the simulated round trip', () => {
    const live = lab();
    const run = runPing(live, live.host('C')!, opts('10.0.0.1'));
    if (!run.ok) throw new Error('no route');
    expect(run.events.map((e) => e.kind === 'reply' && [e.seq, e.ttl, e.bytes])).toEqual([[1, 64, 64], [2, 64, 64], [3, 64, 64]]);
    // 1 ms each way on the switch; the first also waits for ARP (a request and its answer).
    expect(run.events.map((e) => (e.kind === 'reply' ? e.rttUs : 0))).toEqual([4000, 2000, 2000]);
    expect([run.transmitted, run.received, run.errors, run.spanMs]).toEqual([3, 3, 0, 2000]);
    // It ends with the third reply, not at a timer.
    expect(live.now).toBe(2002);
  });

  it('gives each run the next identifier of one counter shared by all hosts, starting at 1', () => {
    const live = lab();
    runPing(live, live.host('C')!, opts('10.0.0.1', { count: 1 }));
    runPing(live, live.host('S')!, opts('10.0.0.10', { count: 1 }));
    expect(echoRequests(live).map((p) => (p.payload.proto === 'icmp' ? p.payload.ident : -1))).toEqual([1, 2]);
  });

  it('carries 56 bytes: the send time as a timeval, then the bytes 0x10 to 0x37, with DF set', () => {
    const live = lab();
    live.advance(1234.5); // 1 s and 234500 µs = 0x039404
    runPing(live, live.host('C')!, opts('10.0.0.1', { count: 1 }));
    const req = echoRequests(live)[0]!;
    const data = req.payload.proto === 'icmp' ? req.payload.data ?? '' : '';
    expect(data).toBe(echoData(1234.5, 56));
    expect([...data].map((c) => c.charCodeAt(0))).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0x04, 0x94, 0x03, 0, 0, 0, 0, 0, ...Array.from({ length: 40 }, (_, i) => 16 + i)]);
    expect(req.df).toBe(true);
  });

  it('waits the linger time (-W) after the last request when nothing comes back', () => {
    const live = lab();
    const run = runPing(live, live.host('C')!, opts('10.0.0.99', { count: 2, lingerMs: 1000 }));
    expect(run.ok && [run.transmitted, run.received, run.spanMs]).toEqual([2, 0, 1000]);
    expect(live.now).toBe(2000);
  });

  it('fails before sending anything when there is no route (the connect probe: ENETUNREACH)', () => {
    const live = lab();
    expect(runPing(live, live.host('C')!, opts('192.0.2.1'))).toEqual({ ok: false, error: 'net-unreachable' });
    expect(echoRequests(live)).toEqual([]);
  });

  it('pings its own address over loopback', () => {
    const live = lab();
    const run = runPing(live, live.host('C')!, opts('10.0.0.10', { count: 1 }));
    expect(run.ok && run.events.map((e) => e.kind === 'reply' && [e.from, e.rttUs])).toEqual([[ip('10.0.0.10'), 0]]);
  });

  it('closes its socket at the end, so a late reply reaches nobody', () => {
    const live = lab();
    runPing(live, live.host('C')!, opts('10.0.0.1', { count: 1 }));
    expect(live.host('C')!.pings.size).toBe(0);
  });

  it('runs on its own timers when only started (a ping with &): nothing happens until time passes', () => {
    const live = lab();
    const pending = startPing(live, live.host('C')!, opts('10.0.0.1', { count: 2 }));
    if ('error' in pending) throw new Error(pending.error);
    expect([live.now, pending.result()]).toEqual([0, undefined]);
    live.advance(5000);
    expect(pending.result()?.ok && pending.result()).toMatchObject({ transmitted: 2, received: 2 });
  });
});
