// @vitest-environment jsdom
/**
 * The lab's side panel as a learner meets it: the slide's tables, the checklist, and a Check
 * whose verdict is what the traffic showed, in the UI's language first and the other below.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { getBuildLab, type TypedLine } from '../../labs';
import { solution } from '../../labs/solution';
import { engine } from '../engine-source';
import { createSimStore } from '../store/create-sim-store';
import { SimProvider } from '../store/SimProvider';
import { LabGuide } from './LabGuide';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

const dr = getBuildLab('build-dr')!;

function mount(typed: readonly TypedLine[], lang: 'en' | 'zh-CN' = 'en') {
  const store = createSimStore({ engine });
  store.getState().setLanguage(lang);
  const el = document.createElement('div');
  document.body.append(el);
  root = createRoot(el);
  let resets = 0;
  const render = (lines: readonly TypedLine[]) =>
    act(() => root?.render(<SimProvider store={store}><LabGuide lab={dr} typed={lines} onReset={() => resets++} /></SimProvider>));
  render(typed);
  return { el, rerender: render, resets: () => resets };
}

async function check(el: HTMLElement): Promise<HTMLElement> {
  act(() => (el.querySelector('[data-testid="lab-check"]') as HTMLButtonElement).click());
  await act(() => new Promise((r) => setTimeout(r, 0)));
  return el.querySelector('[data-testid="lab-verdict"]') as HTMLElement;
}

describe('the lab guide', () => {
  it('shows the slide\'s addresses, its arp_ignore/arp_announce levels and every step\'s commands', () => {
    const { el } = mount([]);
    expect(el.querySelector('[data-testid="lab-addresses"]')?.textContent).toContain('10.10.10.13');
    const sysctls = el.querySelectorAll('[data-testid="lab-sysctls"] tr.is-chosen');
    expect([...sysctls].map((r) => r.textContent?.slice(0, 14))).toEqual(['arp_ignore1rep', 'arp_announce2a']);
    for (const s of dr.steps) expect(el.querySelector(`[data-testid="lab-step-${s.id}"]`)).not.toBeNull();
    expect(el.textContent).toContain('echo 1 > /proc/sys/net/ipv4/conf/lo/arp_ignore');
  });

  it('passes the course\'s whole lab, typed', async () => {
    const { el } = mount(solution(dr));
    const verdict = await check(el);
    expect(verdict.className).toContain('is-pass');
    expect(verdict.textContent).toMatch(/^Passed.*RS1 ×3, RS2 ×3/);
  });

  it('names the ARP problem and its step when the four arp lines are left out, in Chinese first under the Chinese UI', async () => {
    const { el } = mount(solution(dr, ['arp']), 'zh-CN');
    const verdict = await check(el);
    expect(verdict.className).toContain('is-fail');
    const [first, second] = [...verdict.querySelectorAll('p')].map((p) => p.textContent ?? '');
    expect(first).toContain('arp_ignore');
    expect(first).toMatch(/第 \d 步/);
    expect(second).toMatch(/set arp_ignore and arp_announce on the real servers \(step \d\)$/);
  });

  it('says a verdict is stale once more commands are typed, and Reset clears it and calls back', async () => {
    const { el, rerender, resets } = mount([]);
    await check(el);
    expect(el.textContent).not.toContain('check again');
    rerender([{ host: 'C', line: 'hostname' }]);
    expect(el.querySelector('[data-testid="lab-verdict"]')?.textContent).toContain('check again');
    act(() => (el.querySelector('[data-testid="lab-reset"]') as HTMLButtonElement).click());
    expect(resets()).toBe(1);
    expect(el.querySelector('[data-testid="lab-verdict"]')).toBeNull();
  });
});
