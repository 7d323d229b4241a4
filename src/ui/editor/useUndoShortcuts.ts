/**
 * Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y, ⌘ on macOS) undo and redo scenario edits, on the whole
 * window. In a text field whose text has not reached the scenario yet (it does not parse), the
 * field keeps its own undo. While lines typed in a console are on screen, Ctrl+Z takes back the
 * last of them; inside a terminal the keys are the terminal's (Ctrl+Z is the shell's there).
 */
import { useEffect } from 'react';
import { useSimStoreApi } from '../store/useSim';

export function undoKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): 'undo' | 'redo' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const k = e.key.toLowerCase();
  if (k === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (k === 'y' && !e.shiftKey) return 'redo';
  return null;
}

export function useUndoShortcuts(): void {
  const store = useSimStoreApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const which = undoKey(e);
      if (!which) return;
      const el = e.target as HTMLElement | null;
      if (el?.getAttribute?.('aria-invalid') === 'true' || el?.closest?.('.xterm')) return;
      e.preventDefault();
      const s = store.getState();
      if (which === 'undo' && s.consoleLines.length > 0) void s.undoCommand();
      else if (which === 'undo') s.undo();
      else store.getState().redo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
