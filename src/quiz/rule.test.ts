import { describe, expect, it } from 'vitest';
import { ruleNotes } from './rule';
import { presetQuiz } from './test-fixtures';

const keys = (id: string, from: string, to: string): string[] => {
  const p = presetQuiz(id);
  return ruleNotes(p.trace, p.at(from, to).hop).map((n) => n.key);
};

describe('ruleNotes', () => {
  it('shows the scheduler\'s pick and the rewrite the director made before the hop', () => {
    expect(keys('nat-course', 'D', 'RS3')).toEqual(['action.ipvs-schedule', 'action.ipvs-dnat']);
    expect(keys('dr-course', 'D', 'RS3')).toEqual(['action.ipvs-schedule', 'action.ipvs-dr-xmit']);
    expect(keys('tun-course', 'D', 'RS2')).toEqual(['action.ipvs-schedule', 'action.ipip-encap']);
    expect(keys('nat-course', 'D', 'C')).toEqual(['action.ipvs-snat']);
  });

  it('shows who stayed silent and who answered ARP for DR\'s VIP before the client\'s first packet', () => {
    const k = keys('dr-course', 'C', 'D');
    expect(k).toContain('action.arp-ignore.not-on-arrival-if');
    expect(k).toContain('action.arp-reply');
  });

  it('shows the socket a real server accepted on, which is the reply\'s source', () => {
    expect(keys('dr-course', 'RS3', 'C')).toContain('action.tcp-accept');
  });
});
