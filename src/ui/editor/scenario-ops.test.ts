import { describe, expect, it } from 'vitest';
import { getPreset } from '../../engine';
import { checkScenario } from '../../engine/scenario/validate';
import { addSegment, attachments, freeIface, removeHost, removeIface, renameIface } from './scenario-ops';

const nat = () => {
  const s = getPreset('nat-lab');
  if (!s) throw new Error('nat-lab');
  return structuredClone(s);
};

describe('segment edits', () => {
  it('adds a switch or a link with a fresh id and no ports', () => {
    const s = addSegment(addSegment(nat(), 'switch'), 'switch');
    expect(s.segments.slice(-2).map((g) => [g.id, g.kind, g.ports.length])).toEqual([['sw1', 'switch', 0], ['sw2', 'switch', 0]]);
    expect(addSegment(s, 'link').segments.at(-1)?.id).toBe('link1');
    expect(checkScenario(s).ok).toBe(true);
  });

  it('knows where each interface is and which are free', () => {
    const s = nat();
    const [first] = s.segments[0]?.ports ?? [];
    if (!first) throw new Error('a port');
    expect(attachments(s).get(`${first.host} ${first.if}`)).toBe(s.segments[0]?.id);
    expect(freeIface(s, first.host)).toBeUndefined();
    const moved = { ...s, segments: s.segments.map((g, i) => (i === 0 ? { ...g, ports: g.ports.slice(1) } : g)) };
    expect(freeIface(moved, first.host)).toBe(first.if);
  });

  it('a removed host or interface leaves no port behind; a renamed interface keeps its port', () => {
    const s = nat();
    const port = s.segments[0]?.ports[0];
    if (!port) throw new Error('a port');
    const hi = s.hosts.findIndex((h) => h.id === port.host);
    const j = s.hosts[hi]?.interfaces.findIndex((f) => f.name === port.if) ?? -1;
    const has = (x: typeof s, p: { host: string; if: string }) => x.segments.some((g) => g.ports.some((q) => q.host === p.host && q.if === p.if));
    expect(has(removeHost(s, port.host), port)).toBe(false);
    expect(has(removeIface(s, hi, j), port)).toBe(false);
    const renamed = renameIface(s, hi, j, 'ens3');
    expect(has(renamed, { host: port.host, if: 'ens3' })).toBe(true);
    expect(has(renamed, port)).toBe(false);
  });
});
