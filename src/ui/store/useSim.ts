/** Subscribe to a narrow slice of the provided store. */
import { useContext } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { SimStore } from './types';
import { SimStoreContext } from './SimProvider';

export function useSimStoreApi(): StoreApi<SimStore> {
  const store = useContext(SimStoreContext);
  if (!store) throw new Error('useSim needs a <SimProvider> above it');
  return store;
}

export function useSim<T>(selector: (s: SimStore) => T): T {
  return useStore(useSimStoreApi(), selector);
}
