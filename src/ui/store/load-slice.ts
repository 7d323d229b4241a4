/** Whether the load view is shown (its own state lives in its lazy chunk: src/ui/load/load-store.ts). */
import type { StoreApi } from 'zustand/vanilla';
import type { SimStore } from './types';

export interface LoadSlice {
  loadView: boolean;
  setLoadView(open: boolean): void;
}

export function createLoadSlice(set: StoreApi<SimStore>['setState']): LoadSlice {
  return { loadView: false, setLoadView: (loadView) => set({ loadView }) };
}
