/**
 * The keys while presenter mode shows (presenter-keys.ts). Heard first, in the capture phase, so
 * Space steps here instead of playing (the page's shortcut, shell/useShortcuts.ts) and →/← are
 * not heard twice; Home, End and the rest still reach the page.
 */
import { useEffect } from 'react';
import { useSimStoreApi } from '../store/useSim';
import { presenterCommand, type PresenterCommand } from './presenter-keys';

export type PresenterHandlers = Record<Exclude<PresenterCommand, 'next' | 'back'>, () => void>;

export function usePresenterKeys(handlers: PresenterHandlers): void {
  const store = useSimStoreApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const command = presenterCommand(e);
      if (!command) return;
      e.preventDefault();
      e.stopPropagation();
      const s = store.getState();
      if (command === 'next') { s.pause(); s.stepForward(); }
      else if (command === 'back') { s.pause(); s.stepBack(); }
      else handlers[command]();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [store, handlers]);
}
