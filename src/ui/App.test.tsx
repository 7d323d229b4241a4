// @vitest-environment jsdom
/**
 * The app as a learner meets it, on the fixture engine: it draws the first hop's label,
 * steps with the keys, and switches language.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { App } from './App';
import { createSimStore } from './store/create-sim-store';
import { SimProvider } from './store/SimProvider';
import { createFixtureEngine } from './test/fixtures/fixture-engine';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

beforeAll(() => {
  // jsdom lacks these; the app only needs them to exist.
  globalThis.ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} } as unknown as typeof ResizeObserver;
  window.matchMedia ??= ((q: string) => ({ matches: false, media: q, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}, onchange: null, dispatchEvent: () => false })) as typeof window.matchMedia;
});

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

function mount() {
  const store = createSimStore({ engine: createFixtureEngine() });
  store.getState().loadScenario('nat-course');
  const el = document.createElement('div');
  document.body.append(el);
  root = createRoot(el);
  act(() => root?.render(<SimProvider store={store}><App /></SimProvider>));
  return { el, store };
}

const label = (el: HTMLElement) => el.querySelector('[data-testid="packet-label"]')?.getAttribute('data-label');
const press = (key: string) => act(() => { window.dispatchEvent(new KeyboardEvent('keydown', { key })); });

describe('App', () => {
  it('draws the first hop in the course\'s form', () => {
    const { el } = mount();
    expect(label(el)).toBe('S: 10.11.12.13  D: 11.12.13.14:80');
  });

  it('steps forward and back with the arrow keys', () => {
    const { el } = mount();
    press('ArrowRight');
    press('ArrowRight');
    expect(label(el)).toBe('S: 10.11.12.13  D: 192.168.1.13:80');
    press('ArrowLeft');
    press('ArrowLeft');
    expect(label(el)).toBe('S: 10.11.12.13  D: 11.12.13.14:80');
  });

  it('switching language translates the chrome at once and sets <html lang> after the paint', async () => {
    const { el, store } = mount();
    act(() => store.getState().setLanguage('zh-CN'));
    expect(el.querySelector('[data-testid="tab-packet"]')?.textContent).toBe('数据包');
    await vi.waitFor(() => expect(document.documentElement.lang).toBe('zh-CN'));
  });

  it('announces each step in one sentence', () => {
    const { el } = mount();
    press('ArrowRight');
    expect(el.querySelector('[data-testid="step-log"]')?.textContent).toMatch(/^Step 2 of 8: Internet to Director\./);
  });
});
