/** The header's Console button, and the panel it shows (loaded on first use, so the first page carries neither the panel nor xterm). */
import { lazy, Suspense } from 'react';
import { useT } from '../i18n/useI18n';
import { useSim } from '../store/useSim';

const ConsolePanel = lazy(() => import('./ConsolePanel'));

export function ConsoleToggle() {
  const t = useT();
  const open = useSim((s) => s.consolePanel);
  const setPanel = useSim((s) => s.setConsolePanel);
  return (
    <button type="button" className="btn" data-testid="console-toggle" aria-pressed={open} onClick={() => setPanel(!open)}>
      {t('console.toggle')}
    </button>
  );
}

export function ConsoleHost() {
  const open = useSim((s) => s.consolePanel);
  return open ? <Suspense fallback={null}><ConsolePanel /></Suspense> : null;
}
