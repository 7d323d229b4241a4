import { describe, expect, it } from 'vitest';
import { getPreset, simulate } from '../../engine';
import { visibleSteps } from './depth';

const courseEvents = (id: string) => {
  const { trace } = simulate(getPreset(id) as NonNullable<ReturnType<typeof getPreset>>, { requests: 1 });
  return visibleSteps(trace, 'course').map((i) => trace.events[i]);
};

describe('course view', () => {
  it('keeps the competing ARP answers and the client keeping the first when real servers answer for the VIP', () => {
    const events = courseEvents('dr-lab-no-arp-sysctl');
    const replies = events.flatMap((e) => (e?.kind === 'frame' && e.arp ? [e.from.host] : []));
    expect(replies).toEqual(['RS2', 'RS1', 'D']);
    expect(events.filter((e) => e?.kind === 'action' && e.action === 'arp-locktime-ignore')).toHaveLength(2);
  });

  it('leaves ARP out where it decides nothing (the working DR lab)', () => {
    expect(courseEvents('dr-lab').some((e) => e?.kind === 'frame' && e.arp)).toBe(false);
  });

  it("keeps ipvsadm's silent port replacement in the port-mapping lab", () => {
    expect(courseEvents('dr-lab-port-mapping').some((e) => e?.kind === 'action' && e.action === 'ipvsadm-port-replaced')).toBe(true);
  });
});
