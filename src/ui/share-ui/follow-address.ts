/**
 * Links follow the address bar, without a reload: a fragment typed, pasted or reached with
 * back/forward opens that scenario and step (a bad one shows the banner and changes nothing
 * else; an empty one goes back to the page's first scenario). While the address holds a link,
 * what is on screen is written back into the same history entry (replaceState) a moment after
 * it changes, so back/forward move between the links opened, not between steps, and a reload
 * or a bookmark opens the step being looked at. A link that failed to open is left as typed.
 * The codec loads on demand: a page opened without a link does not fetch it until one comes.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { SimStore } from '../store/types';
import { isCompareLink } from '../../share/compare-prefix';

/** Stepping while playing changes the view every 175 ms: write the address once it settles. */
export const WRITE_BACK_DELAY_MS = 300;

export interface FollowAddressOptions {
  /** What an address without a fragment shows: the scenario the page opened first. */
  openDefault: () => void;
  /** The fragment that failed to open at startup, if any: it is not overwritten. */
  failed?: string | null;
}

type Win = Pick<Window, 'addEventListener' | 'removeEventListener' | 'setTimeout' | 'clearTimeout'> & {
  location: Pick<Location, 'hash' | 'href'>;
  history: Pick<History, 'replaceState' | 'state'>;
};

/** What a link records: a change to any of these is written back. */
const viewOf = (s: SimStore) => [s.scenario, s.cursor, s.depth, s.language, s.selectedHost, s.quiz] as const;

export function followAddress(store: StoreApi<SimStore>, win: Win, opts: FollowAddressOptions): () => void {
  let failed = opts.failed ?? null;
  let timer: number | null = null;
  // The fragment being opened while the codec loads: not written over, even when it names the
  // scenario on screen (a bad one, or another scenario's, writeBack's mayWriteOver refuses).
  let opening: string | null = null;

  const onHashChange = () => {
    const hash = win.location.hash;
    if (timer !== null) win.clearTimeout(timer);
    timer = null;
    if (hash.length <= 1) {
      failed = null;
      store.getState().setLinkError(null);
      opts.openDefault();
      return;
    }
    // The compare view follows its own links (src/ui/compare/CompareView.tsx).
    if (isCompareLink(hash)) return;
    opening = hash;
    void import('./link-view').then(({ openLink }) => {
      // Another change may have come while the codec loaded: open only the latest.
      if (win.location.hash !== hash) return;
      opening = null;
      const problem = openLink(store, hash);
      failed = problem === null ? null : hash;
      store.getState().setLinkError(problem);
    });
  };

  const writeBack = () => {
    timer = null;
    const hash = win.location.hash;
    if (hash.length <= 1 || hash === failed || hash === opening || isCompareLink(hash)) return;
    void import('./link-view').then(({ currentFragment, mayWriteOver }) => {
      const fragment = currentFragment(store.getState(), true);
      if (fragment === null || win.location.hash !== hash || hash === `#${fragment}`) return;
      if (!mayWriteOver(store.getState(), hash)) return;
      const url = new URL(win.location.href);
      url.hash = fragment;
      win.history.replaceState(win.history.state, '', url.href);
    });
  };

  const unsubscribe = store.subscribe((next, prev) => {
    const a = viewOf(next);
    const b = viewOf(prev);
    if (a.every((x, i) => x === b[i])) return;
    if (timer !== null) win.clearTimeout(timer);
    timer = win.setTimeout(writeBack, WRITE_BACK_DELAY_MS);
  });
  win.addEventListener('hashchange', onHashChange);
  return () => {
    unsubscribe();
    if (timer !== null) win.clearTimeout(timer);
    win.removeEventListener('hashchange', onHashChange);
  };
}
