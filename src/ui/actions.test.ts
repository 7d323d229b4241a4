import { describe, expect, it } from 'vitest';
import { ACTIONS, actionForKey } from './actions';

const key = (k: string, tagName = 'BODY', mods = {}) =>
  ({ key: k, ctrlKey: false, metaKey: false, altKey: false, target: { tagName } as unknown as EventTarget, ...mods });

describe('actionForKey', () => {
  it('maps the documented keys: Space, arrows, Home/End, R, +/-', () => {
    expect([' ', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'r', '+', '-'].map((k) => actionForKey(key(k))?.id))
      .toEqual(['playPause', 'stepBack', 'stepForward', 'first', 'last', 'restart', 'faster', 'slower']);
  });
  it('leaves keys typed into a field alone', () => {
    expect(actionForKey(key('ArrowLeft', 'INPUT'))).toBeUndefined();
  });
  it('leaves modified keys to the browser', () => {
    expect(actionForKey(key('r', 'BODY', { ctrlKey: true }))).toBeUndefined();
  });
  it('binds no key twice', () => {
    const keys = ACTIONS.flatMap((a) => a.kbd);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
