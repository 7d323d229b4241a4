import { describe, expect, it } from 'vitest';
import { parseProgress, progressKey } from './progress';

describe('parseProgress', () => {
  it('keeps the answers per hop and drops whatever is not one', () => {
    expect(parseProgress({ answers: { 0: { s: '10.0.0.1', to: 'D', bogus: 'x' }, x: { s: 'y' }, 2: { d: 5 } } })).toEqual({
      answers: { 0: { s: '10.0.0.1', to: 'D' }, 2: {} },
    });
  });
  it('starts afresh from anything unreadable', () => {
    for (const junk of [null, 3, 'x', [], { answers: 'no' }]) expect(parseProgress(junk)).toEqual({ answers: {} });
  });
});

describe('progressKey', () => {
  it('gives each quiz link its own short key, the same every time', () => {
    expect(progressKey('v1.abc')).toBe(progressKey('v1.abc'));
    expect(progressKey('v1.abc')).not.toBe(progressKey('v1.abd'));
    expect(progressKey('v1.' + 'x'.repeat(5000))).toMatch(/^lvs-flow\.quiz\.[0-9a-f]{8}$/);
  });
});
