/**
 * Golden traces, one per preset: the preset's two requests, hop by hop as the slides draw them
 * (S and D with ports, the destination MAC's owner, outer and inner headers for IP-in-IP), then
 * every drop and the first of each decision per connection that explains what happened (why a
 * broken variant fails), as text snapshots under __snapshots__/.
 * A change in any hop, reason or address shows up as a diff of these files.
 */
import { describe, expect, it } from 'vitest';
import { formatCourseTable, getPreset, listPresets, simulate, type Scenario } from '../index';
import { hopColumns, macOwners } from '../sim/hop-line';

const EXPLAINS = new Set(['ipvs-schedule', 'ipvs-dnat', 'ipvs-snat', 'ipvs-dr-xmit', 'ipip-encap', 'ipip-decap', 'ipvs-icmp-relay',
  'arp-locktime-ignore', 'arp-ignore', 'ipvsadm-port-replaced', 'request-done', 'request-failed', 'proxy-connect']);

function golden(id: string): string {
  const s = getPreset(id) as Scenario;
  const { trace, stopReason } = simulate(s);
  const seen = new Set<string>();
  const roles = Object.fromEntries(s.hosts.map((h) => [h.id, h.role]));
  const owners = macOwners(trace);
  const explained = trace.events
    .filter((e) => {
      if (e.kind === 'drop') return true;
      if (e.kind !== 'action' || !EXPLAINS.has(e.action)) return false;
      const key = `${e.host} ${e.action} ${e.conn ?? 0}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((e) => {
      const c = hopColumns(e, owners);
      return `${c.t.padStart(10)}  ${c.where.padEnd(4)} ${[c.s, c.d].filter(Boolean).join(' → ')} ${c.what}`.replace(/\s+$/, '');
    });
  return [`# ${id}: the preset's requests, ended ${stopReason}`, '', formatCourseTable(trace, roles), ...explained, ''].join('\n');
}

describe('golden traces', () => {
  for (const p of listPresets()) {
    it(`${p.id}: its requests' hops, drops and decisions`, async () => {
      await expect(golden(p.id)).toMatchFileSnapshot(`__snapshots__/${p.id}.txt`);
    });
  }
});
