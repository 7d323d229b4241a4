/** The load view's store, handed down by LoadView to its parts (one store per view, STYLE 7). */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { LoadStore, LoadViewActions } from './load-store';

export const LoadStoreContext = createContext<StoreApi<LoadStore> | null>(null);

export function useLoadStore(): StoreApi<LoadStore> {
  const store = useContext(LoadStoreContext);
  if (!store) throw new Error('useLoad outside the load view');
  return store;
}

export function useLoad<T>(select: (s: LoadStore) => T): T {
  return useStore(useLoadStore(), select);
}

/**
 * The store's actions without subscribing to its state: they are made once with the store, so a
 * part that only calls them does not re-render whenever a run streams samples.
 */
export function useLoadActions(): LoadViewActions {
  return useLoadStore().getState();
}
