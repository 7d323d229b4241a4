/** Whether the reader asked for less motion (`prefers-reduced-motion: reduce`), kept up to date. */
import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

// One list for the page: matchMedia() makes a new one per call, and every packet render asks.
let list: MediaQueryList | null | undefined;
const media = (): MediaQueryList | null => {
  if (list === undefined) list = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(QUERY) : null;
  return list;
};

function subscribe(onChange: () => void): () => void {
  const m = media();
  m?.addEventListener('change', onChange);
  return () => m?.removeEventListener('change', onChange);
}

export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, () => media()?.matches ?? false, () => false);
}
