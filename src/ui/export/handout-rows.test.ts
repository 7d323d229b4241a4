import { describe, expect, it } from 'vitest';
import { getPreset, simulate } from '../../engine';
import { translateNote } from '../i18n/i18n';
import { visibleSteps } from '../trace/depth';
import { buildHostIndex } from '../trace/host-index';
import { handoutRows } from './handout-rows';

function rowsOf(id: string, lang: 'en' | 'zh-CN', depth: 'course' | 'full' = 'course') {
  const scenario = getPreset(id)!;
  const { trace } = simulate(scenario);
  const steps = visibleSteps(trace, depth);
  return { trace, steps, rows: handoutRows(trace, steps, buildHostIndex(scenario, trace), lang) };
}

describe('handoutRows', () => {
  it('makes one row per step of the chosen depth, numbered from 1', () => {
    for (const depth of ['course', 'full'] as const) {
      const { steps, rows } = rowsOf('nat-course', 'en', depth);
      expect(rows.map((r) => r.index)).toEqual(steps);
      expect(rows.map((r) => r.n)).toEqual(steps.map((_, i) => i + 1));
    }
  });

  it('shows the NAT course\'s DNAT hop with its S and D, the rewrite and the destination it replaced', () => {
    const { rows } = rowsOf('nat-course', 'en');
    const dnat = rows.find((r) => r.changed.startsWith('DNAT'));
    expect(dnat).toMatchObject({ s: ['10.11.12.13'], d: ['192.168.1.13:80'] });
    expect(dnat?.changed).toContain('D was 11.12.13.14:80');
    expect(dnat?.narration.length).toBeGreaterThan(1);
  });

  it('says each line of a hop\'s narration once', () => {
    for (const r of rowsOf('nat-course', 'en').rows) expect(new Set(r.narration).size).toBe(r.narration.length);
  });

  it('gives IP-in-IP the outer header, then the inner one in brackets', () => {
    const { rows } = rowsOf('tun-course', 'en');
    const encap = rows.find((r) => r.changed.includes('IP-in-IP'));
    expect(encap?.s).toEqual(['11.22.33.44', '[44.55.66.77]']);
    expect(encap?.d).toEqual(['33.44.55.66', '[11.22.33.44:80]']);
  });

  it('names a drop and its reason', () => {
    const { rows } = rowsOf('nat-lab-bad-gateway', 'en');
    expect(rows.some((r) => r.drop && r.changed === 'dropped: no ARP answer')).toBe(true);
  });

  it('speaks Chinese in Chinese: the narration is the Chinese catalogue\'s', () => {
    const { trace, rows } = rowsOf('nat-course', 'zh-CN');
    const first = trace.events[rows[0]!.index]!;
    expect(rows[0]!.narration.at(-1)).toBe(translateNote('zh-CN', first.note));
    expect(rows.find((r) => r.changed.includes('DNAT'))?.changed).toContain('原为 11.12.13.14:80');
  });
});
