import { describe, expect, it } from 'vitest';
import { fullAppAddress, isEmbed } from './embed';

describe('isEmbed', () => {
  it('is on only for embed=1 in the query', () => {
    expect(isEmbed('?embed=1')).toBe(true);
    expect(isEmbed('?lang=en&embed=1')).toBe(true);
    expect(isEmbed('?embed=0')).toBe(false);
    expect(isEmbed('')).toBe(false);
  });
});

describe('fullAppAddress', () => {
  it('drops the embed flag and keeps the rest of the query and the link fragment', () => {
    expect(fullAppAddress('https://x.org/lvs/?embed=1&lang=zh-CN#v1.p.nat-lab.5')).toBe('https://x.org/lvs/?lang=zh-CN#v1.p.nat-lab.5');
    expect(fullAppAddress('https://x.org/?embed=1#v1.p.dr-lab.2')).toBe('https://x.org/#v1.p.dr-lab.2');
  });
});
