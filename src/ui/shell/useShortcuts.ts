/** The action table's keys, on the whole window. */
import { useEffect } from 'react';
import { actionForKey } from '../actions';
import { useSimStoreApi } from '../store/useSim';

export function useShortcuts(): void {
  const store = useSimStoreApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = actionForKey(e);
      if (!action) return;
      // Space would also press a focused button, and arrows would scroll.
      e.preventDefault();
      action.run(store.getState(), 'kbd');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
