import { describe, expect, it } from 'vitest';
import { PRESET_IDS, getPreset } from '../scenarios';
import type { Scenario } from '../scenario/types';
import { compareScenarios, measureScenario } from './compare';
import { hopCounts } from './measure';

const preset = (id: string): Scenario => {
  const s = getPreset(id);
  if (!s) throw new Error(`no preset ${id}`);
  return s;
};
const measure = (id: string, requests = 2) => measureScenario(id, preset(id), { requests });

describe('measureScenario', () => {
  it('counts every packet through the director as IPVS does: the frames it receives each way add up to its --stats counters, in every preset', () => {
    for (const id of PRESET_IDS) {
      if (id === 'dr-course-no-dip') continue;
      const m = measure(id);
      expect(hopCounts(m.hops), id).toEqual(m.row.director);
    }
  });

  it('counts the director\'s own host unreachables for a dead real server as its OutPkts, as the kernel did (oracle lab dr-dead-rs)', () => {
    const m = measure('dr-course-no-dip');
    expect(hopCounts(m.hops)).toMatchObject({ out_packets: 0, out_bytes: 0 });
    expect(m.row.director).toMatchObject({ in_packets: 6, in_bytes: 360, out_packets: 6, out_bytes: 6 * 88 });
  });

  it('shows NAT carrying both directions and DR and TUN only the inbound one, with the same inbound packets', () => {
    const [nat, dr, tun] = compareScenarios(['nat-lab', 'dr-lab', 'tun-course'].map((id) => ({ id, scenario: preset(id) })), { requests: 3 }).map((m) => m.row);
    expect(nat?.director).toMatchObject({ in_packets: 18, out_packets: 12 });
    expect(dr?.director).toMatchObject({ in_packets: 18, out_packets: 0, out_bytes: 0 });
    expect(tun?.director).toMatchObject({ in_packets: 18, out_packets: 0, out_bytes: 0 });
    expect([nat?.reply_via_director, dr?.reply_via_director, tun?.reply_via_director]).toEqual([true, false, false]);
  });

  it('follows the first request and its reply host by host, through routers and tunnels', () => {
    expect(measure('nat-course').row.paths).toEqual({ request: ['C', 'R', 'D', 'RS3'], reply: ['RS3', 'D', 'R', 'C'] });
    expect(measure('dr-course').row.paths).toEqual({ request: ['C', 'D', 'RS3'], reply: ['RS3', 'C'] });
    expect(measure('tun-course').row.paths).toEqual({ request: ['C', 'R', 'D', 'R', 'RS2'], reply: ['RS2', 'R', 'C'] });
  });

  it('follows an L7 proxy onto the connection it opens, and sees the ports change there', () => {
    const { row } = measure('l7-overview');
    expect(row.paths).toEqual({ request: ['C', 'D', 'RS1'], reply: ['RS1', 'D', 'C'] });
    expect(row.ports_rewritten).toBe(true);
    expect(row.mode).toBe('l7');
  });

  it('says whether client, director and real servers share one switch', () => {
    expect(measure('dr-lab').row.one_broadcast_domain).toBe(true);
    expect(measure('nat-lab').row.one_broadcast_domain).toBe(false);
    expect(measure('tun-course').row.one_broadcast_domain).toBe(false);
  });

  it('keeps the ports a DR rule asked to map: the director cannot change them', () => {
    expect(measure('dr-lab-port-mapping').row.ports_rewritten).toBe(false);
  });

  it('counts hops per request over the requests made, and the hosts in the order the packets reach them', () => {
    const { row } = measure('dr-lab', 4);
    expect(row.requests).toBe(4);
    // Per request: six packets to the director and on to a real server, four straight back.
    expect(row.hops_per_request).toBe(16);
    expect(row.hosts_touched).toEqual(['C', 'D', 'RS2', 'RS1']);
  });

  it('sees that a broken lab\'s requests never reach the director', () => {
    const { row } = measure('dr-lab-no-arp-sysctl');
    expect(row.director.in_packets).toBe(0);
    expect(row.hosts_touched).toEqual(['C', 'RS2']);
  });
});
