/**
 * The bounded, deterministic run: every preset ends with its clients done; a bound (events,
 * simulated time) stops a run and says which; the same seed gives the same bytes.
 */
import { describe, expect, it } from 'vitest';
import { PRESETS, getPreset, simulate, simulateStreaming } from '../index';
import { client, framesOf, hostSpec, lanSpec, scenarioOf, server } from '../../test/builders';

describe('simulate', () => {
  it.each(PRESETS.map((p) => p.id))('ends %s with stopReason done', (id) => {
    expect(simulate(getPreset(id)!).stopReason).toBe('done');
  });

  it('stops with event-limit when maxEvents is reached', () => {
    const r = simulate(getPreset('nat-lab')!, { maxEvents: 25 });
    expect(r.stopReason).toBe('event-limit');
    expect(r.trace.events.length).toBeGreaterThanOrEqual(25);
    expect(r.trace.events.length).toBeLessThan(40);
  });

  it('stops with time-limit when simulated time would pass maxTimeMs, and never runs past it', () => {
    const r = simulate(getPreset('dr-lab-no-vip-on-lo')!, { maxTimeMs: 10_000 });
    expect(r.stopReason).toBe('time-limit');
    expect(r.final.t).toBeLessThanOrEqual(10_000);
    expect(Math.max(...r.trace.events.map((e) => e.t))).toBeLessThanOrEqual(10_000);
  });

  it('stops idle when there is no client and nothing left to do', () => {
    const quiet = scenarioOf('quiet', [hostSpec('S', 'server', { eth0: ['10.0.0.1/24'] }, { apps: [server()] })], []);
    expect(simulate(quiet).stopReason).toBe('idle');
  });

  it.each(['nat-lab', 'dr-lab-no-arp-sysctl', 'tun-course', 'nat-lab-bad-gateway'])('gives byte-identical JSON for the same seed (%s)', (id) => {
    const once = JSON.stringify(simulate(getPreset(id)!, { seed: 7 }));
    const again = JSON.stringify(simulate(getPreset(id)!, { seed: 7 }));
    expect(again).toBe(once);
  });

  it('draws other ephemeral ports and ISNs from another seed', () => {
    const firstSyn = (seed: number) => framesOf(simulate(getPreset('routed-basic')!, { seed, requests: 1 }).trace).find((f) => f.ip?.tcp)?.ip?.tcp;
    const [a, b] = [firstSyn(1), firstSyn(2)];
    expect(a?.sport).not.toBe(b?.sport);
    expect(a?.seq).not.toBe(b?.seq);
  });

  it('counts the same frames, drops and requests in streaming mode as with the full trace', () => {
    const s = scenarioOf('pair', [
      hostSpec('C', 'client', { eth0: ['10.0.0.2/24'] }, { apps: [client('10.0.0.3:80', 5)] }),
      hostSpec('S', 'server', { eth0: ['10.0.0.3/24'] }, { apps: [server()] }),
    ], [lanSpec('lan', 'C:eth0', 'S:eth0')]);
    for (const x of [s, getPreset('nat-lab-bad-gateway')!]) {
      const full = simulate(x).stats;
      const streamed = simulateStreaming(x);
      expect(streamed.stopReason).toBe('done');
      expect(streamed.stats).toMatchObject({ frames: full.frames, drops: full.drops, dropsByReason: full.dropsByReason, requestsOk: full.requestsOk, requestsFailed: full.requestsFailed });
    }
  });
});
