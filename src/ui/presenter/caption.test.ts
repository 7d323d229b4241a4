import { describe, expect, it } from 'vitest';
import { engine } from '../engine-source';
import { createSimStore } from '../store/create-sim-store';
import { currentEventIndex } from '../store/selectors';
import { packetAt } from '../trace/packet-at';
import { captionFor } from './caption';

function natCourse() {
  const store = createSimStore({ engine });
  store.getState().loadScenario('nat-course');
  return store;
}

const captionAt = (store: ReturnType<typeof natCourse>, lang: 'en' | 'zh-CN') => {
  const s = store.getState();
  if (!s.trace || !s.hostIndex) throw new Error('no trace');
  const index = currentEventIndex(s);
  return captionFor(lang, s.trace, s.hostIndex, index, packetAt(s.trace, index, s.hostIndex, lang));
};

describe('captionFor', () => {
  it('says the same step in English and in Chinese, and changes with the step', () => {
    const store = natCourse();
    const en0 = captionAt(store, 'en'), zh0 = captionAt(store, 'zh-CN');
    expect(en0?.note).toMatch(/[a-z]/);
    expect(zh0?.note).toMatch(/[\u4e00-\u9fff]/);
    expect(en0?.note).not.toMatch(/\[\[|\{\{/);
    expect(zh0?.note).not.toMatch(/\[\[|\{\{/);
    const notes = new Set<string>();
    for (let i = 0; i < 6; i++, store.getState().stepForward()) notes.add(captionAt(store, 'en')?.note ?? '');
    expect(notes.size).toBeGreaterThan(2);
  });

  it('leads the hop the director rewrote with the rewrite, in both languages', () => {
    const store = natCourse();
    const s = store.getState();
    const dnatStep = s.steps.findIndex((i) => {
      const p = s.trace && s.hostIndex ? packetAt(s.trace, i, s.hostIndex, 'en') : null;
      return p?.causes.some((c) => c.action === 'ipvs-dnat') ?? false;
    });
    expect(dnatStep).toBeGreaterThan(0);
    s.seekTo(dnatStep);
    const en = captionAt(store, 'en'), zh = captionAt(store, 'zh-CN');
    expect(en?.causes.map((c) => c.action)).toEqual(['ipvs-dnat']);
    expect(zh?.causes.map((c) => c.action)).toEqual(['ipvs-dnat']);
    expect(en?.causes[0]?.text).not.toBe(zh?.causes[0]?.text);
  });

  it('names the hop a frame takes, in each language, so successive hops of one packet differ', () => {
    const store = natCourse();
    const hops = new Set<string>();
    for (let i = 0; i < 4; i++, store.getState().stepForward()) {
      const en = captionAt(store, 'en'), zh = captionAt(store, 'zh-CN');
      expect(en?.hop).toMatch(/^\S.* → \S/);
      expect(zh?.hop).toMatch(/ → /);
      hops.add(en?.hop ?? '');
    }
    expect(hops.size).toBeGreaterThan(1);
    expect([...hops].some((h) => /[\u4e00-\u9fff]/.test(h))).toBe(false);
  });

  it('has nothing to say past the trace', () => {
    const s = natCourse().getState();
    if (!s.trace || !s.hostIndex) throw new Error('no trace');
    expect(captionFor('en', s.trace, s.hostIndex, s.trace.events.length, null)).toBeNull();
  });
});
