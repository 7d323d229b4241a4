// @vitest-environment jsdom
/** The host inspector shows the selected host at the current step, or why that state could not be made. */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { SimEngine } from '../engine-port';
import { createSimStore } from '../store/create-sim-store';
import { SimProvider } from '../store/SimProvider';
import { createFixtureEngine } from '../test/fixtures/fixture-engine';
import HostInspector from './HostInspector';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

function mount(engine: SimEngine): HTMLElement {
  const store = createSimStore({ engine });
  store.getState().loadScenario('nat-course');
  const el = document.createElement('div');
  document.body.append(el);
  root = createRoot(el);
  act(() => root?.render(<SimProvider store={store}><HostInspector /></SimProvider>));
  return el;
}

describe('HostInspector', () => {
  it('shows the director at the first step', () => {
    const el = mount(createFixtureEngine());
    expect(el.querySelector('[data-testid="host-ipvs-list"]')?.textContent).toContain('step 0');
    expect(el.querySelector('[data-testid="host-failed"]')).toBeNull();
  });

  it('says why the state at a step could not be made', () => {
    const engine: SimEngine = {
      ...createFixtureEngine(),
      openWorldCursor: () => {
        throw new Error('the world broke');
      },
    };
    const el = mount(engine);
    expect(el.querySelector('[data-testid="host-failed"]')?.textContent).toBe('The state at this step could not be made: the world broke');
    expect(el.querySelector('[data-testid="host-interfaces"]')).toBeNull();
  });
});
