import { describe, expect, it } from 'vitest';
import { getPreset, ipvsadmAtEnd, simulate, validateScenario } from '../index';
import type { Scenario } from '../scenario/types';

/** dr-lab with its service made a firewall-mark service: -A -f 1 -s rr; -a -f 1 -r RIP -g. */
function drLabFwmark(marks: Scenario['hosts'][number]['marks']): Scenario {
  const s = getPreset('dr-lab') as Scenario;
  const d = s.hosts.find((h) => h.id === 'D');
  if (!d?.ipvs) throw new Error('dr-lab has no director');
  d.ipvs = { services: d.ipvs.services.map((svc) => ({ ...svc, fwmark: 1, vip: '0.0.0.0', port: 0, dests: svc.dests })) };
  if (marks) d.marks = marks;
  return s;
}

describe('firewall-mark services (ipvsadm -f)', () => {
  it('schedule what the mangle MARK rule marked, and list as FWM', () => {
    const s = drLabFwmark([{ dst: '10.10.10.100/32', proto: 'tcp', dport: 80, mark: 1 }]);
    expect(validateScenario(s).ok).toBe(true);
    const r = simulate(s, { requests: 2 });
    expect(r.stats.requestsOk).toBe(2);
    const picks = r.trace.events.flatMap((e) => (e.kind === 'action' && e.action === 'ipvs-schedule' ? [e.detail['dest'], e.detail['service']] : []));
    expect(picks).toEqual(['10.10.10.13:80', 'fwmark 1', '10.10.10.12:80', 'fwmark 1']);
    const list = ipvsadmAtEnd(s, { requests: 2 }, ['-L', '-n']);
    expect(list.ok && list.stdout).toContain('FWM  1 rr');
  });

  it('leave unmarked packets alone: with no MARK rule the director has no service for them', () => {
    const r = simulate(drLabFwmark([]), { requests: 1 });
    expect(r.trace.events.some((e) => e.kind === 'action' && e.action === 'ipvs-schedule')).toBe(false);
    expect(r.stats.requestsFailed).toBe(1);
  });

  it('keep the last matching rule’s mark, as iptables MARK does not stop the chain', () => {
    const s = drLabFwmark([{ dst: '10.10.10.100/32', mark: 7 }, { dst: '10.10.10.100/32', proto: 'tcp', mark: 1 }]);
    expect(simulate(s, { requests: 1 }).stats.requestsOk).toBe(1);
    const wrong = drLabFwmark([{ dst: '10.10.10.100/32', proto: 'tcp', mark: 1 }, { dst: '10.10.10.100/32', mark: 7 }]);
    expect(simulate(wrong, { requests: 1 }).stats.requestsOk).toBe(0);
  });
});
