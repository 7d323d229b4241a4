import { describe, expect, it } from 'vitest';
import { decodeCompareLink, encodeCompareLink, isCompareLink } from './compare-link';
import { decodeLink } from './link-codec';

describe('encodeCompareLink / decodeCompareLink', () => {
  it('round-trips two or three presets, the requests, the step and the language', () => {
    const link = { presets: ['nat-course', 'dr-course', 'tun-course'], requests: 2, step: 14, lang: 'zh' as const };
    const fragment = encodeCompareLink(link);
    expect(fragment).toBe('v1.cmp.nat-course~dr-course~tun-course.2.14.zh');
    expect(decodeCompareLink(`https://example.org/lvs/#${fragment}`)).toEqual({ ok: true, value: link });
  });

  it('opens a hand-typed link that stops after the presets at step 0, one request, in the reader\'s language', () => {
    expect(decodeCompareLink('#v1.cmp.l4-overview~l7-overview')).toEqual({ ok: true, value: { presets: ['l4-overview', 'l7-overview'], requests: 1, step: 0 } });
  });

  it('refuses one preset, four, an unknown one, and bad numbers or languages, saying what was wrong', () => {
    expect(decodeCompareLink('v1.cmp.nat-lab')).toMatchObject({ ok: false, message: expect.stringContaining('two or three presets') });
    expect(decodeCompareLink('v1.cmp.nat-lab~dr-lab~tun-course~l4-overview')).toMatchObject({ ok: false });
    expect(decodeCompareLink('v1.cmp.nat-lab~no-such')).toEqual({ ok: false, message: 'compare link names an unknown preset "no-such"' });
    expect(decodeCompareLink('v1.cmp.nat-lab~dr-lab.0')).toMatchObject({ ok: false, message: expect.stringContaining('requests "0"') });
    expect(decodeCompareLink('v1.cmp.nat-lab~dr-lab.1.x')).toMatchObject({ ok: false, message: expect.stringContaining('step "x"') });
    expect(decodeCompareLink('v1.cmp.nat-lab~dr-lab.1.0.fr')).toMatchObject({ ok: false, message: expect.stringContaining('language "fr"') });
  });

  it('is told apart from the other links, which keep opening as before', () => {
    expect(isCompareLink('#v1.cmp.nat-lab~dr-lab')).toBe(true);
    expect(isCompareLink('#v1.p.nat-lab.3.zh')).toBe(false);
    expect(decodeLink('v1.p.nat-lab.3.zh')).toMatchObject({ ok: true, value: { step: 3, lang: 'zh' } });
  });
});
