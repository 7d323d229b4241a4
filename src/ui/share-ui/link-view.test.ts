import { describe, expect, it } from 'vitest';
import { engine } from '../engine-source';
import { createSimStore } from '../store/create-sim-store';
import { setIn } from '../editor/paths';
import { currentFragment, openLink } from './link-view';
import { embedSnippet } from './embed';

const make = () => createSimStore({ engine });

describe('console lines in links', () => {
  it('carries the lines over the scenario they were typed on, and opens them replayed at the step', async () => {
    const a = make();
    a.getState().loadScenario('dr-lab');
    await a.getState().typeCommand('RS1', 'ifconfig lo:1 10.10.10.101 netmask 255.255.255.255 up');
    await a.getState().typeCommand('C', 'curl -s http://10.10.10.100/');
    a.getState().seekTo(3);
    const fragment = currentFragment(a.getState(), true) as string;
    const b = make();
    b.getState().loadScenario('nat-lab');
    expect(openLink(b, fragment)).toBeNull();
    await b.getState().loadConsole();
    await new Promise((r) => setTimeout(r, 0));
    expect(b.getState().consoleLines).toEqual(a.getState().consoleLines);
    expect(b.getState().consoleBase?.id).toBe('dr-lab');
    expect(b.getState().trace).toEqual(a.getState().trace);
    expect(b.getState().cursor).toBe(3);
  });
});

describe('currentFragment', () => {
  it('names an unchanged preset at step 0 in the short plain form', () => {
    const store = make();
    store.getState().loadScenario('nat-lab');
    store.getState().seekTo(5);
    expect(currentFragment(store.getState(), false)).toBe('v1.p.nat-lab.0.en');
    expect(currentFragment(store.getState(), true)).toBe('v1.p.nat-lab.5.en');
  });

  it('round-trips an edited scenario, its step, depth, selection and language through openLink', () => {
    const a = make();
    a.getState().loadScenario('nat-lab');
    a.getState().editScenario((s) => setIn(s, ['hosts', 0, 'name'], { en: 'Teacher C', zh: '老师 C' }));
    a.getState().setDepth('full');
    a.getState().seekTo(7);
    a.getState().selectHost('C');
    a.getState().setLanguage('zh-CN');
    const b = make();
    expect(openLink(b, `#${currentFragment(a.getState(), true) ?? ''}`)).toBeNull();
    const s = b.getState();
    expect(s.scenario).toEqual(a.getState().scenario);
    expect([s.cursor, s.depth, s.selectedHost, s.language]).toEqual([7, 'full', 'C', 'zh-CN']);
  });
});

describe('openLink', () => {
  it('clamps a step past the end of the trace', () => {
    const store = make();
    expect(openLink(store, '#v1.p.dr-lab.99999.en')).toBeNull();
    expect(store.getState().cursor).toBe(store.getState().steps.length - 1);
  });

  it('opens a short hand-typed link at its step in the language the page already has', () => {
    const store = createSimStore({ engine, language: 'zh-CN' });
    expect(openLink(store, '#v1.p.dr-lab.7')).toBeNull();
    expect([store.getState().scenario?.id, store.getState().cursor, store.getState().language]).toEqual(['dr-lab', 7, 'zh-CN']);
    expect(openLink(store, '#v1.p.nat-lab')).toBeNull();
    expect([store.getState().scenario?.id, store.getState().cursor, store.getState().language]).toEqual(['nat-lab', 0, 'zh-CN']);
    expect(openLink(store, '#v1.p.nat-lab.3.en')).toBeNull();
    expect(store.getState().language).toBe('en');
  });

  it('returns the problem and changes nothing for a bad link', () => {
    const store = make();
    store.getState().loadScenario('nat-course');
    const before = store.getState().scenario;
    expect(openLink(store, '#v9.xyz')).toMatchObject({ path: null, code: 'link.unknown-version', params: { version: 'v9' } });
    expect(openLink(store, '#%%%')).toMatchObject({ code: expect.any(String) });
    expect(store.getState().scenario).toBe(before);
  });
});

describe('embedSnippet', () => {
  it('escapes the URL and title as attribute text', () => {
    expect(embedSnippet('https://x/?embed=1&a="b"#v1', '<T>')).toContain('src="https://x/?embed=1&amp;a=&quot;b&quot;#v1" title="&lt;T>"');
  });
});
