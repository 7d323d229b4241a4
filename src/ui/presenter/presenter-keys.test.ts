import { describe, expect, it } from 'vitest';
import { presenterCommand } from './presenter-keys';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
  presenterCommand({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('presenter keys', () => {
  it('steps with what clickers send: PageDown/PageUp, the arrows, Space', () => {
    expect(['PageDown', 'ArrowRight', ' '].map((k) => key(k))).toEqual(['next', 'next', 'next']);
    expect(['PageUp', 'ArrowLeft'].map((k) => key(k))).toEqual(['back', 'back']);
  });

  it('blanks with B or "." and shows both captions with L, in either case', () => {
    expect([key('b'), key('B'), key('.')]).toEqual(['blank', 'blank', 'blank']);
    expect([key('l'), key('L')]).toEqual(['bilingual', 'bilingual']);
  });

  it('leaves with Esc, asks for full screen with F', () => {
    expect(key('Escape')).toBe('leave');
    expect(key('f')).toBe('fullscreen');
  });

  it('leaves other keys and modified keys to the page and the browser', () => {
    expect(key('Home')).toBeNull();
    expect(key('x')).toBeNull();
    expect(key('PageDown', { ctrlKey: true })).toBeNull();
    expect(key('l', { metaKey: true })).toBeNull();
    expect(key('b', { altKey: true })).toBeNull();
  });
});
