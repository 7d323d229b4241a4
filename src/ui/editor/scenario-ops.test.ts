import { describe, expect, it } from 'vitest';
import { formatProblem, getPreset, pcapOf, simulate, checkScenario } from '../../engine';
import { addSegment, attachments, freeIface, removeHost, removeIface, renameIface, renameSegment } from './scenario-ops';

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

  it('a renamed segment keeps its ports, kind, latency and place, and the trace names it', () => {
    const s = nat();
    const before = s.segments[1];
    if (!before) throw new Error('a second segment');
    const r = renameSegment(s, 1, 'wan');
    expect(r.segments[1]).toEqual({ ...before, id: 'wan' });
    expect(r.segments[0]).toBe(s.segments[0]);
    expect(s.segments[1]?.id).toBe(before.id);
    expect(checkScenario(r).ok).toBe(true);
    const on = attachments(r);
    for (const p of before.ports) expect(on.get(`${p.host} ${p.if}`)).toBe('wan');
    // What the trace and the pcap interfaces are called comes from the scenario again.
    const segs = (x: typeof s) => new Set(simulate(x).trace.events.flatMap((e) => (e.kind === 'frame' ? [e.segment] : [])));
    expect(segs(r)).toEqual(new Set([...segs(s)].map((g) => (g === before.id ? 'wan' : g))));
    const pcapText = new TextDecoder('latin1').decode(pcapOf(r));
    expect(pcapText).toContain('wan');
    expect(pcapText).not.toContain(before.id);
  });

  it('a name that still reads as the old id follows it; a name of its own stays', () => {
    const s = addSegment(nat(), 'switch');
    const i = s.segments.length - 1;
    expect(renameSegment(s, i, 'lan1').segments[i]?.name).toEqual({ en: 'lan1', zh: 'lan1' });
    const named = renameSegment(s, 0, 'front');
    expect(named.segments[0]?.name).toEqual(s.segments[0]?.name);
    const half = { ...s, segments: s.segments.map((g, k) => (k === i ? { ...g, name: { en: 'Front', zh: g.id } } : g)) };
    expect(renameSegment(half, i, 'lan1').segments[i]?.name).toEqual({ en: 'Front', zh: 'lan1' });
  });

  it('an id already in use is applied, and the validator names the duplicate at the field', () => {
    const s = nat();
    const taken = s.segments[0]?.id ?? '';
    const r = renameSegment(s, 1, taken);
    expect(r.segments[1]?.id).toBe(taken);
    const check = checkScenario(r);
    expect(check.ok ? [] : check.error.map((p) => formatProblem(p))).toContain(`segments[1].id: "${taken}" is already the id of another segment`);
  });

  it('the same id or a missing segment changes nothing', () => {
    const s = nat();
    expect(renameSegment(s, 0, s.segments[0]?.id ?? '')).toBe(s);
    expect(renameSegment(s, 9, 'x')).toBe(s);
  });
});
