import { describe, expect, it } from 'vitest';
import { getPreset, type Scenario } from '../engine';
import { decodeLink, encodeLink } from './link-codec';
import { linkStateFor } from './link-for';
import { packText } from './test-fixtures';

const refusal = (fragment: string): string => {
  const r = decodeLink(fragment);
  return r.ok ? 'opened' : r.message;
};

describe('quiz links', () => {
  const dr = getPreset('dr-lab') as Scenario;

  it('packs the scenario with the asked hops, and opens them as they were chosen', () => {
    const f = encodeLink(linkStateFor(dr, { lang: 'zh', quiz: [0, 2, 5] }));
    expect(f.startsWith('v1.p.')).toBe(false);
    const r = decodeLink(f);
    expect(r.ok && r.value).toMatchObject({ preset: 'dr-lab', lang: 'zh', quiz: [0, 2, 5] });
  });

  it('leaves the quiz out of a link that is none, so links made before quizzes are unchanged', () => {
    expect(encodeLink(linkStateFor(dr, { quiz: [] }))).toBe('v1.p.dr-lab.0.en');
    const r = decodeLink('v1.p.dr-lab.0.en');
    expect(r.ok && r.value).not.toHaveProperty('quiz');
  });

  it('carries hop numbers only: nothing of the answers', () => {
    const f = encodeLink(linkStateFor(dr, { quiz: [1] }));
    const plain = encodeLink(linkStateFor(dr, { depth: 'full' }));
    // The quiz adds its one entry to what the scenario already needs, no more.
    expect(f.length - plain.length).toBeLessThan(20);
  });

  it.each([
    ['an empty quiz', '[]', 'link.quiz: expected 1 to 200 hop numbers 0-9999'],
    ['a hop that is not a number', '["D"]', 'link.quiz[0]: expected a whole number 0-9999'],
    ['a hop past the limit', '[10000]', 'link.quiz[0]: expected a whole number 0-9999'],
    ['a hop asked twice', '[1,1]', 'link.quiz: a quiz asks each hop once'],
    ['a quiz that is an object', '{"0":1}', 'link.quiz: expected 1 to 200 hop numbers 0-9999'],
  ])('refuses %s with the link banner\'s message', (_what, quiz, message) => {
    expect(refusal(packText(`{"v":1,"scenario":{"preset":"dr-lab"},"quiz":${quiz}}`))).toContain(message);
  });
});
