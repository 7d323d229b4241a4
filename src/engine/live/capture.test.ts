/**
 * attachCapture: what a packet socket on one interface sees — both directions, in time order,
 * as bytes of the frame's real length — and nothing once detached.
 */
import { describe, expect, it } from 'vitest';
import { ip } from '../addr/ipv4';
import { hostSpec, lanSpec, scenarioOf, server } from '../../test/builders';
import { curlRequest } from '../host/apps/http-client';
import { attachCapture, type CapturedFrame } from './capture';
import { httpGet } from './http-get';
import { LiveWorld } from './live-world';

const lab = () => new LiveWorld(scenarioOf('cap-lab', [
  hostSpec('C', 'client', { eth0: ['10.0.0.10/24'] }),
  hostSpec('S', 'server', { eth0: ['10.0.0.1/24'] }, { apps: [server(80)] }),
  hostSpec('X', 'client', { eth0: ['10.0.0.20/24'] }),
], [lanSpec('lan', 'C', 'S', 'X')]));

const get = (live: LiveWorld) => httpGet(live, live.host('C')!, { dst: ip('10.0.0.1'), port: 80, request: curlRequest('10.0.0.1') });

describe('attachCapture', () => {
  it('sees what the host sends (out) and what arrives (in), ARP at 42 bytes, in time order', () => {
    const live = lab();
    const seen: CapturedFrame[] = [];
    attachCapture(live, 'S', 'eth0', (f) => seen.push(f));
    get(live);
    live.advance(100);
    expect(seen[0]).toMatchObject({ dir: 'in', ifname: 'eth0' });
    expect(seen[0]!.bytes.length).toBe(42);
    expect(seen[1]).toMatchObject({ dir: 'out' });
    expect(seen.map((f) => f.t)).toEqual([...seen.map((f) => f.t)].sort((a, b) => a - b));
    expect(new Set(seen.map((f) => f.dir))).toEqual(new Set(['in', 'out']));
  });

  it('sees a flooded ARP request on a third host, which the exchange after it never reaches', () => {
    const live = lab();
    const seen: CapturedFrame[] = [];
    attachCapture(live, 'X', 'any', (f) => seen.push(f));
    get(live);
    expect(seen.map((f) => [f.dir, f.bytes[12], f.bytes[13]])).toEqual([['in', 0x08, 0x06]]);
  });

  it('stops when detached, and the world keeps no tap once no capture is left', () => {
    const live = lab();
    const seen: CapturedFrame[] = [];
    const cap = attachCapture(live, 'S', 'eth0', (f) => seen.push(f));
    cap.detach();
    get(live);
    expect(seen).toEqual([]);
    expect(live.world.taps).toBeUndefined();
  });
});
