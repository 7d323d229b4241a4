import { describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_KEY } from '../editor/autosave';
import { afterNextPaint, drawBeforeRun } from './draw-first';

const empty = () => ({ getItem: () => null });
const saved = () => ({ getItem: (k: string) => (k === AUTOSAVE_KEY ? '{"valid":{}}' : null) });

describe('drawBeforeRun', () => {
  it('draws first on a plain visit', () => {
    expect(drawBeforeRun({ hash: '', search: '' }, false, empty)).toBe(true);
    expect(drawBeforeRun({ hash: '#', search: '?scenario=dr-lab' }, false, empty)).toBe(true);
    expect(drawBeforeRun({ hash: '', search: '' }, false, () => undefined)).toBe(true);
  });

  it('keeps the old order when something else replaces the preset or the view', () => {
    expect(drawBeforeRun({ hash: '#v1.p.dr-lab', search: '' }, false, empty)).toBe(false);
    expect(drawBeforeRun({ hash: '', search: '' }, false, saved)).toBe(false);
    expect(drawBeforeRun({ hash: '', search: '?embed=1' }, true, empty)).toBe(false);
    expect(drawBeforeRun({ hash: '', search: '?present=1' }, false, empty)).toBe(false);
  });

  it('never reaches for the storage in an embed (a read-only view on another site)', () => {
    const storage = vi.fn(empty);
    expect(drawBeforeRun({ hash: '', search: '?embed=1' }, true, storage)).toBe(false);
    expect(storage).not.toHaveBeenCalled();
  });

  it('draws first when the storage refuses to be read', () => {
    expect(drawBeforeRun({ hash: '', search: '' }, false, () => ({ getItem: () => { throw new Error('denied'); } }))).toBe(true);
  });
});

describe('afterNextPaint', () => {
  it('runs in a task posted from the frame callback, not in the callback itself', async () => {
    let frame: (() => void) | null = null;
    const fn = vi.fn();
    afterNextPaint(fn, (cb) => { frame = cb; });
    expect(fn).not.toHaveBeenCalled();
    (frame as unknown as () => void)();
    expect(fn).not.toHaveBeenCalled();
    await new Promise((r) => setTimeout(r, 10));
    expect(fn).toHaveBeenCalledOnce();
  });
});
