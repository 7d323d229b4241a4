/** LiveWorld's views for readers outside the engine: the session's whole trace and every host's state. */
import { describe, expect, it } from 'vitest';
import { ip } from '../addr/ipv4';
import { hostSpec, lanSpec, scenarioOf, server } from '../../test/builders';
import { curlRequest } from '../host/apps/http-client';
import { httpGet } from './http-get';
import { LiveWorld } from './live-world';

const lab = () => new LiveWorld(scenarioOf('live-lab', [
  hostSpec('C', 'client', { eth0: ['10.0.0.10/24'] }),
  hostSpec('S', 'server', { eth0: ['10.0.0.1/24'] }, { apps: [server(80)] }),
], [lanSpec('lan', 'C', 'S')]));

describe('LiveWorld.traceJson', () => {
  it('holds every event recorded so far, the same as eventsJsonSince(0), under the scenario id', () => {
    const live = lab();
    httpGet(live, live.host('C')!, { dst: ip('10.0.0.1'), port: 80, request: curlRequest('10.0.0.1') });
    const t = live.traceJson();
    expect(t.scenario).toBe('live-lab');
    expect(t.events.length).toBe(live.eventCount);
    expect(t.events).toEqual(live.eventsJsonSince(0));
    expect(Object.keys(t.hosts)).toEqual(['C', 'S']);
  });
});

describe('LiveWorld.view', () => {
  it("shows the ARP entry a request left in the client's cache", () => {
    const live = lab();
    httpGet(live, live.host('C')!, { dst: ip('10.0.0.1'), port: 80, request: curlRequest('10.0.0.1') });
    const view = live.view();
    expect(view.t).toBe(live.now);
    expect(view.hosts['C']?.arp.map((e) => e.ip)).toContain('10.0.0.1');
  });
});
