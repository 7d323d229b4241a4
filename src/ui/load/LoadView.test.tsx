// @vitest-environment jsdom
/** The load view starts its worker with the form's run, and draws what the worker streams. */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { engine } from '../engine-source';
import { createSimStore } from '../store/create-sim-store';
import { SimProvider } from '../store/SimProvider';
import type { WorkerLike } from './load-store';
import LoadView from './LoadView';
import type { FromWorker, ToWorker } from './protocol';
import { sampleAt, serverAt } from './sample-fixture';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

function mount(scenario: string) {
  const store = createSimStore({ engine });
  store.getState().loadScenario(scenario);
  const sent: ToWorker[] = [];
  let worker: WorkerLike | null = null;
  const spawnWorker = (): WorkerLike => {
    worker = { onmessage: null, postMessage: (m) => sent.push(m), terminate: () => {} };
    return worker;
  };
  const el = document.createElement('div');
  document.body.append(el);
  root = createRoot(el);
  act(() => root?.render(<SimProvider store={store}><LoadView spawnWorker={spawnWorker} /></SimProvider>));
  const emit = (m: FromWorker) => act(() => worker?.onmessage?.({ data: m }));
  return { el, sent, emit };
}

const click = (el: Element | null) => act(() => (el as HTMLElement).click());
const progress = { now: 2000, requests: 40, frames: 400, busyMs: 2, simMs: 1 };

describe('LoadView', () => {
  it('starts a run of the scenario\'s service with the form\'s clients and scheduler', () => {
    const { el, sent } = mount('nat-lab');
    click(el.querySelector('[data-testid="load-start"]'));
    // The worker was spawned and told to warm up when the view opened; Start goes to it.
    expect(sent[0]?.kind === 'warm' && sent[0].scenario.id).toBe('nat-lab');
    const start = sent[1];
    expect(start?.kind).toBe('start');
    expect(start?.kind === 'start' && start.scenario.id).toBe('nat-lab');
    expect(start?.kind === 'start' && start.options.clients).toBe(200);
  });

  it('draws a line per real server, their bars and their shares from the streamed samples', () => {
    const { el, emit } = mount('nat-lab');
    click(el.querySelector('[data-testid="load-start"]'));
    emit({ kind: 'state', state: 'running', progress });
    emit({ kind: 'samples', points: [sampleAt(1000, { RS1: serverAt(10, 1), RS2: serverAt(30, 3) }), sampleAt(2000, { RS1: serverAt(10, 1), RS2: serverAt(30, 3) })], progress });
    emit({ kind: 'changed', change: { kind: 'fail', server: 'RS1' }, t: 1500 });
    emit({ kind: 'state', state: 'done', progress });
    const conns = el.querySelector('[data-testid="chart-conns"]')!;
    expect([...conns.querySelectorAll('path[data-series]')].map((p) => p.getAttribute('data-series'))).toEqual(['RS1', 'RS2']);
    expect(conns.querySelector('path[data-series="RS2"]')?.getAttribute('d')).toMatch(/^M/);
    expect(conns.textContent).toContain('RS1 fails');
    const shares = [...el.querySelectorAll('[data-testid="chart-share"] [data-share]')].map((g) => [g.getAttribute('data-server'), g.getAttribute('data-share')]);
    expect(shares).toEqual([['RS1', '0.2500'], ['RS2', '0.7500']]);
    expect(el.querySelector('[data-testid="chart-active"] [data-server="RS2"]')?.textContent).toContain('60');
    expect(el.querySelector('[data-testid="load-progress"]')?.textContent).toContain('rr: done');
  });

  it('sends what a teacher changes while the run goes on, and the weights set before it', () => {
    const { el, sent, emit } = mount('nat-lab');
    const weight = el.querySelector<HTMLInputElement>('[data-testid="load-weight-RS1"]')!;
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(weight, '3');
      weight.dispatchEvent(new Event('input', { bubbles: true }));
    });
    click(el.querySelector('[data-testid="load-start"]'));
    const start = sent.find((m) => m.kind === 'start');
    expect(start?.kind === 'start' && start.options.weights).toEqual({ RS1: 3 });
    emit({ kind: 'state', state: 'running', progress });
    emit({ kind: 'samples', points: [sampleAt(1000, { RS1: serverAt(10, 3), RS2: serverAt(30, 1) })], progress });
    emit({ kind: 'state', state: 'paused', progress });
    click(el.querySelector('[data-testid="load-fail-RS1"]'));
    click(el.querySelector('[data-testid="load-remove-RS2"]'));
    click(el.querySelector('[data-testid="load-health"]'));
    expect(sent.slice(2)).toEqual([
      { kind: 'change', change: { kind: 'fail', server: 'RS1' } },
      { kind: 'change', change: { kind: 'remove-server', server: 'RS2' } },
      { kind: 'change', change: { kind: 'health', health: { intervalS: 2, fails: 2, rises: 2, action: 'weight-0' } } },
    ]);
    click(el.querySelector('[data-testid="load-resume"]'));
    expect(sent.at(-1)).toEqual({ kind: 'resume' });
  });

  it('says why a scenario without a director cannot be loaded', () => {
    const { el } = mount('routed-basic');
    expect(el.querySelector('[role="alert"]')?.textContent).toMatch(/no director/);
    expect(el.querySelector('[data-testid="load-start"]')).toBeNull();
  });
});
