/**
 * The keys a presentation clicker sends, while presenter mode shows: PageDown and PageUp step
 * (→ and ← already do, on the whole page: shell/useShortcuts.ts), B or . blanks the screen and
 * brings it back (PowerPoint's keys, which clickers' "black screen" buttons send), Esc leaves.
 */
import { useEffect } from 'react';
import { useSimStoreApi } from '../store/useSim';

export function usePresenterKeys(toggleBlank: () => void, leave: () => void): void {
  const store = useSimStoreApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const s = store.getState();
      switch (e.key) {
        case 'PageDown': s.pause(); s.stepForward(); break;
        case 'PageUp': s.pause(); s.stepBack(); break;
        case 'b': case 'B': case '.': toggleBlank(); break;
        case 'Escape': leave(); break;
        default: return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, toggleBlank, leave]);
}
