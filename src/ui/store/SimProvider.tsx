/** Hands one store to the tree below, as ReactFlowProvider does. */
import { createContext, type ReactNode } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { SimStore } from './types';

export const SimStoreContext = createContext<StoreApi<SimStore> | null>(null);

export function SimProvider({ store, children }: { store: StoreApi<SimStore>; children: ReactNode }) {
  return <SimStoreContext.Provider value={store}>{children}</SimStoreContext.Provider>;
}
