/**
 * What the page opens, after main.tsx has loaded the default (or ?scenario=) preset:
 * a link in the fragment wins; a failed link leaves the default open with a banner and the
 * autosave untouched; otherwise the autosaved working copy comes back (unless ?scenario= asks
 * for another preset). Autosaving starts only afterwards, so opening never overwrites it.
 * The link codec is fetched only when there is a link to open. A read-only page (an embed in
 * someone's course page) opens its link and nothing else: it neither restores nor saves.
 */
import type { StoreApi } from 'zustand/vanilla';
import { readAutosave, restoreAutosave, startAutosave } from '../editor/autosave';
import type { SimStore } from '../store/types';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export async function openStartup(store: StoreApi<SimStore>, loc: Pick<Location, 'hash' | 'search'>, opts: { readOnly?: boolean } = {}): Promise<void> {
  if (loc.hash.length > 1) {
    const { openLink } = await import('./link-view');
    const problem = openLink(store, loc.hash);
    if (problem !== null) store.getState().setLinkError(problem);
  } else if (!opts.readOnly) {
    const saved = readAutosave(storage());
    const wanted = new URLSearchParams(loc.search).get('scenario');
    if (saved && (wanted === null || wanted === saved.valid.id)) restoreAutosave(store, saved);
  }
  if (!opts.readOnly) startAutosave(store, storage());
}
