// @vitest-environment jsdom
/** The address bar drives the page without a reload, and the page writes its step back into it. */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { engine } from '../engine-source';
import { createSimStore } from '../store/create-sim-store';
import { followAddress, WRITE_BACK_DELAY_MS } from './follow-address';

// The codec loads on demand; load it once here so the polls below time the page, not the transform.
beforeAll(async () => {
  await import('./link-view');
});

const stops: Array<() => void> = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  history.replaceState(null, '', '/');
});

function page() {
  const store = createSimStore({ engine });
  store.getState().loadScenario('nat-course');
  stops.push(followAddress(store, window, { openDefault: () => store.getState().loadScenario('nat-course') }));
  return store;
}

/** Sets the fragment as typing it would, and waits for the page to open it. */
async function type(hash: string): Promise<void> {
  location.hash = hash;
  await expect.poll(() => location.hash).toBe(hash);
  await new Promise((r) => setTimeout(r, 50));
}

const settle = () => new Promise((r) => setTimeout(r, WRITE_BACK_DELAY_MS + 100));

describe('followAddress', () => {
  it('opens a fragment typed into the address bar, at its step, without a reload', async () => {
    const store = page();
    await type('#v1.p.dr-lab.7');
    await expect.poll(() => store.getState().scenario?.id).toBe('dr-lab');
    expect(store.getState().cursor).toBe(7);
    expect(store.getState().linkError).toBeNull();
  });

  it('shows the problem of a malformed fragment and keeps the scenario on screen', async () => {
    const store = page();
    await type('#v1.p.dr-lab.7');
    await expect.poll(() => store.getState().scenario?.id).toBe('dr-lab');
    await type('#v9.nonsense');
    await expect.poll(() => store.getState().linkError?.code).toBe('link.unknown-version');
    expect(store.getState().scenario?.id).toBe('dr-lab');
    // A good link afterwards clears the banner.
    await type('#v1.p.nat-lab');
    await expect.poll(() => store.getState().linkError).toBeNull();
    expect(store.getState().scenario?.id).toBe('nat-lab');
  });

  it('writes a step change into the same history entry, in the full form', async () => {
    const store = page();
    await type('#v1.p.nat-lab');
    await expect.poll(() => store.getState().scenario?.id).toBe('nat-lab');
    const entries = history.length;
    store.getState().stepForward();
    store.getState().stepForward();
    await settle();
    expect(location.hash).toBe('#v1.p.nat-lab.2.en');
    expect(history.length).toBe(entries);
  });

  it('does not write over a fragment typed before its hashchange was handled', async () => {
    const store = page();
    await type('#v1.p.nat-lab');
    await expect.poll(() => store.getState().scenario?.id).toBe('nat-lab');
    store.getState().stepForward();
    // The address changes with no hashchange yet, as when the event is still queued.
    history.replaceState(null, '', '#v9.typed');
    await settle();
    expect(location.hash).toBe('#v9.typed');
    history.replaceState(null, '', '#v1.p.dr-lab.3');
    store.getState().stepForward();
    await settle();
    expect(location.hash).toBe('#v1.p.dr-lab.3');
  });

  it('leaves a fragment that failed to open as it was typed', async () => {
    const store = page();
    await type('#v9.nonsense');
    await expect.poll(() => store.getState().linkError).not.toBeNull();
    store.getState().stepForward();
    await settle();
    expect(location.hash).toBe('#v9.nonsense');
  });

  it('goes back to the first scenario when the fragment is emptied', async () => {
    const store = page();
    await type('#v1.p.dr-lab.3');
    await expect.poll(() => store.getState().scenario?.id).toBe('dr-lab');
    location.hash = '';
    await expect.poll(() => store.getState().scenario?.id).toBe('nat-course');
  });
});
