import { describe, expect, it } from 'vitest';
import { isPresent, isPresentKey, presentAddress } from './present-flag';

const key = (k: string, extra: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; target: EventTarget | null }> = {}) =>
  ({ key: k, ctrlKey: false, metaKey: false, altKey: false, target: null, ...extra });

describe('the presenter flag in the address', () => {
  it('is on only for present=1', () => {
    expect(isPresent('?present=1')).toBe(true);
    expect(isPresent('?lang=en&present=1')).toBe(true);
    expect(isPresent('')).toBe(false);
    expect(isPresent('?present=0')).toBe(false);
    expect(isPresent('?embed=1')).toBe(false);
  });

  it('is added and removed without touching the other parameters or the link', () => {
    const on = presentAddress('http://h/app/?lang=zh-CN#v1.abc', true);
    expect(on).toBe('http://h/app/?lang=zh-CN&present=1#v1.abc');
    expect(presentAddress(on, false)).toBe('http://h/app/?lang=zh-CN#v1.abc');
  });

  it('puts the link of the step on screen in the fragment when given one', () => {
    expect(presentAddress('http://h/', true, 'v1.xyz')).toBe('http://h/?present=1#v1.xyz');
  });
});

describe('the P key', () => {
  it('enters presenter mode from the page, not from a field or with a modifier', () => {
    expect(isPresentKey(key('p'))).toBe(true);
    expect(isPresentKey(key('P'))).toBe(true);
    expect(isPresentKey(key('o'))).toBe(false);
    expect(isPresentKey(key('p', { ctrlKey: true }))).toBe(false);
    expect(isPresentKey(key('p', { target: { tagName: 'INPUT' } as unknown as EventTarget }))).toBe(false);
    expect(isPresentKey(key('p', { target: { tagName: 'TEXTAREA' } as unknown as EventTarget }))).toBe(false);
  });
});
