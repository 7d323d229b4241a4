/** The header's Load button, and the load view it shows (its own lazy chunk: charts, d3 scales, the worker). */
import { lazy, Suspense } from 'react';
import { useT } from '../i18n/useI18n';
import { useSim } from '../store/useSim';

const LoadView = lazy(() => import('./LoadView'));

export function LoadToggle() {
  const t = useT();
  const open = useSim((s) => s.loadView);
  const setOpen = useSim((s) => s.setLoadView);
  return (
    <button type="button" className="btn" data-testid="load-toggle" aria-pressed={open} title={t('load.toggleHint')} onClick={() => setOpen(!open)}>
      {t('load.toggle')}
    </button>
  );
}

export function LoadHost() {
  const open = useSim((s) => s.loadView);
  return open ? <Suspense fallback={null}><LoadView /></Suspense> : null;
}
