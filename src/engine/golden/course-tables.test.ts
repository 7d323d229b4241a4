/**
 * Golden tests: each course preset's first request, hop by hop, against the slide's own table
 * (the course tables in docs/decisions.md and the presets' lessons). Where the slide's real server is only an example, the expected row names
 * the one Linux's rr really picks first: the last real server added.
 */
import { describe, expect, it } from 'vitest';
import { getPreset, simulate } from '../index';
import { courseHops, sameEndpoint, type CourseHop } from '../sim/course-hops';

interface Row {
  from: string;
  to: string;
  s: string;
  d: string;
  dmac?: string;
  inner?: { s: string; d: string };
}

const TABLES: Record<string, Row[]> = {
  // 四层工作逻辑: one connection, the director rewrites the addresses (RS4 = the last added).
  'l4-overview': [
    { from: 'C', to: 'D', s: '10.10.10.2', d: '10.10.10.100:80' },
    { from: 'D', to: 'RS4', s: '10.10.10.2', d: '192.168.1.14:80' },
    { from: 'RS4', to: 'D', s: '192.168.1.14', d: '10.10.10.2' },
    { from: 'D', to: 'C', s: '10.10.10.100', d: '10.10.10.2' },
  ],
  // 七层工作逻辑: two connections; the proxy's own address towards RS1 (its upstream starts at the first).
  'l7-overview': [
    { from: 'C', to: 'D', s: '192.168.1.2', d: '192.168.1.100:80' },
    { from: 'D', to: 'RS1', s: '192.168.1.100', d: '192.168.1.11:80' },
    { from: 'RS1', to: 'D', s: '192.168.1.11:80', d: '192.168.1.100' },
    { from: 'D', to: 'C', s: '192.168.1.100:80', d: '192.168.1.2' },
  ],
  // NAT 模式: DNAT on the way in, SNAT back to the VIP on the way out.
  'nat-course': [
    { from: 'C', to: 'D', s: '10.11.12.13', d: '11.12.13.14:80' },
    { from: 'D', to: 'RS3', s: '10.11.12.13', d: '192.168.1.13:80' },
    { from: 'RS3', to: 'D', s: '192.168.1.13', d: '10.11.12.13' },
    { from: 'D', to: 'C', s: '11.12.13.14', d: '10.11.12.13' },
  ],
  // DR 模式: only the destination MAC changes; the real server answers the client itself.
  'dr-course': [
    { from: 'C', to: 'D', s: '192.168.1.200', d: '192.168.1.100:80', dmac: 'D' },
    { from: 'D', to: 'RS3', s: '192.168.1.200', d: '192.168.1.100:80', dmac: 'RS3' },
    { from: 'RS3', to: 'C', s: '192.168.1.100', d: '192.168.1.200', dmac: 'C' },
  ],
  // TUN 模式: IP-in-IP from Beijing to Guangzhou (RS2), the reply straight back to the client.
  'tun-course': [
    { from: 'C', to: 'D', s: '44.55.66.77', d: '11.22.33.44' },
    { from: 'D', to: 'RS2', s: '11.22.33.44', d: '33.44.55.66', inner: { s: '44.55.66.77', d: '11.22.33.44:80' } },
    { from: 'RS2', to: 'C', s: '11.22.33.44', d: '44.55.66.77' },
  ],
  'tun-separate-vip': [
    { from: 'C', to: 'D', s: '44.55.66.77', d: '11.22.33.100' },
    { from: 'D', to: 'RS2', s: '11.22.33.44', d: '33.44.55.66', inner: { s: '44.55.66.77', d: '11.22.33.100:80' } },
    { from: 'RS2', to: 'C', s: '11.22.33.100', d: '44.55.66.77' },
  ],
  // The labs: rr's first pick is RS2, the last added (measured on a real kernel).
  'dr-lab': [
    { from: 'C', to: 'D', s: '10.10.10.240', d: '10.10.10.100:80', dmac: 'D' },
    { from: 'D', to: 'RS2', s: '10.10.10.240', d: '10.10.10.100:80', dmac: 'RS2' },
    { from: 'RS2', to: 'C', s: '10.10.10.100', d: '10.10.10.240', dmac: 'C' },
  ],
  'nat-lab': [
    { from: 'C', to: 'D', s: '20.20.20.22', d: '20.20.20.11:80' },
    { from: 'D', to: 'RS2', s: '20.20.20.22', d: '10.10.10.13:80' },
    { from: 'RS2', to: 'D', s: '10.10.10.13:80', d: '20.20.20.22' },
    { from: 'D', to: 'C', s: '20.20.20.11:80', d: '20.20.20.22' },
  ],
};

function firstRequestHops(id: string): CourseHop[] {
  const s = getPreset(id);
  if (!s) throw new Error(`no preset ${id}`);
  const { trace } = simulate(s, { requests: 1 });
  const roles = Object.fromEntries(s.hosts.map((h) => [h.id, h.role]));
  return courseHops(trace, roles);
}

describe('the course presets replay their slide tables', () => {
  for (const [id, rows] of Object.entries(TABLES)) {
    it(`${id}: the first request's hops are the slide's rows, in order`, () => {
      const hops = firstRequestHops(id);
      expect(hops.length).toBe(rows.length);
      rows.forEach((row, i) => {
        const hop = hops[i] as CourseHop;
        const where = `${id} row ${i + 1}: ${JSON.stringify(hop)}`;
        expect(hop.from, where).toBe(row.from);
        expect(hop.to, where).toBe(row.to);
        expect(sameEndpoint(hop.s, row.s), where).toBe(true);
        expect(sameEndpoint(hop.d, row.d), where).toBe(true);
        if (row.dmac) expect(hop.dmacOwner, where).toBe(row.dmac);
        if (row.inner) {
          expect(hop.inner, where).toBeDefined();
          expect(sameEndpoint(hop.inner?.s ?? '', row.inner.s), where).toBe(true);
          expect(sameEndpoint(hop.inner?.d ?? '', row.inner.d), where).toBe(true);
        } else {
          expect(hop.inner, where).toBeUndefined();
        }
      });
    });
  }
});
