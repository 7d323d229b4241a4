import { describe, expect, it } from 'vitest';
import type { FrameEventJson, TraceJson, Scenario } from '../../engine';
import { natScenario, natTrace } from '../test/fixtures/nat-course';
import { drScenario, drTrace, tunTrace } from '../test/fixtures/dr-tun';
import { buildHostIndex } from './host-index';
import { diffFrames, previousHop } from './packet-diff';
import { labelFor } from './packet-label';
import { visibleSteps } from './depth';

function labels(scenario: Scenario, trace: TraceJson) {
  const index = buildHostIndex(scenario, trace);
  return trace.events.map((e, i) => {
    if (e.kind !== 'frame') return null;
    const p = previousHop(trace.events, i);
    const prev = p >= 0 ? (trace.events[p] as FrameEventJson) : null;
    return labelFor(e, prev, prev ? diffFrames(prev, e) : [], index, 'en');
  });
}

describe('labelFor', () => {
  it('gives the NAT slide its four S/D labels, with ports only where they matter', () => {
    const all = labels(natScenario, natTrace);
    const course = visibleSteps(natTrace, 'course').map((i) => all[i]?.text).filter(Boolean);
    expect(course.slice(0, 6)).toEqual([
      'S: 10.11.12.13  D: 11.12.13.14:80',
      'S: 10.11.12.13  D: 11.12.13.14:80',
      'S: 10.11.12.13  D: 192.168.1.13:80',
      'S: 192.168.1.13  D: 10.11.12.13',
      'S: 11.12.13.14  D: 10.11.12.13',
      'S: 11.12.13.14  D: 10.11.12.13',
    ]);
  });

  it('flags DNAT on the destination and SNAT on the source at the director', () => {
    const all = labels(natScenario, natTrace);
    const dnat = all[6], snat = all[9];
    expect(dnat?.kind === 'ip' && dnat.rewrites).toEqual(['dnat']);
    expect(dnat?.kind === 'ip' && dnat.outer.map((f) => f.changed)).toEqual([false, true]);
    expect(snat?.kind === 'ip' && snat.rewrites).toEqual(['snat']);
  });

  it('names the destination MAC for a VIP held by several hosts, and flags the MAC-only rewrite', () => {
    const all = labels(drScenario, drTrace);
    expect(all[0]?.text).toBe('S: 10.10.10.240  D: 10.10.10.100:80  DMAC: director');
    expect(all[1]?.text).toBe('S: 10.10.10.240  D: 10.10.10.100:80  DMAC: RS2');
    expect(all[1]?.kind === 'ip' && all[1].rewrites).toEqual(['mac']);
    expect(all[2]?.text).toBe('S: 10.10.10.100  D: 10.10.10.240');
  });

  it('shows a packet inside a packet for IP-in-IP', () => {
    const index = buildHostIndex(drScenario, tunTrace);
    const [first, second] = tunTrace.events as FrameEventJson[];
    const l = labelFor(second!, first!, diffFrames(first!, second!), index, 'en');
    expect(l?.text).toBe('S: 11.22.33.44  D: 33.44.55.66 [ S: 44.55.66.77  D: 11.22.33.44:80 ]');
    expect(l?.kind === 'ip' && l.rewrites).toEqual(['encap']);
  });

  it('describes ARP by who asks and who answers', () => {
    const all = labels(natScenario, natTrace);
    expect(all[4]?.text).toBe('ARP 192.168.1.13? (192.168.1.10)');
    expect(all[5]?.text).toBe('ARP 192.168.1.13 = RS3');
  });
});

describe('previousHop', () => {
  it('finds the frame that brought the same segment to the sender', () => {
    expect(previousHop(natTrace.events, 6)).toBe(1);
    expect(previousHop(natTrace.events, 9)).toBe(7);
  });
  it('has none for a first hop or ARP', () => {
    expect(previousHop(natTrace.events, 0)).toBe(-1);
    expect(previousHop(natTrace.events, 4)).toBe(-1);
  });
});

describe('visibleSteps', () => {
  it('keeps IPv4 frames and drops in course view, skipping ARP, actions and pure ACKs', () => {
    expect(visibleSteps(natTrace, 'course')).toEqual([0, 1, 6, 7, 9, 10, 12, 13]);
  });
  it('keeps everything in full view', () => {
    expect(visibleSteps(natTrace, 'full')).toHaveLength(natTrace.events.length);
  });
});
