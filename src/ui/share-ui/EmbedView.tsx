/**
 * The page inside a course page's iframe (`?embed=1`), as Python Tutor embeds a program: the
 * topology, the narration under it and the step controls; no header, editor, console or
 * inspectors. A link opens the same view in the full app, in a new tab.
 */
import { lazy, Suspense } from 'react';
import { useT } from '../i18n/useI18n';
import { Narration } from '../panels/Narration';
import { StepLog } from '../panels/StepLog';
import { PlaybackBar } from '../shell/PlaybackBar';
import { useSim } from '../store/useSim';
import { Topology } from '../topology/Topology';
import { fullAppAddress } from './embed';

const LinkErrorBanner = lazy(() => import('./LinkErrorBanner').then((m) => ({ default: m.LinkErrorBanner })));

export function EmbedView() {
  const t = useT();
  const linkError = useSim((s) => s.linkError);
  const error = useSim((s) => s.error);
  return (
    <div className="app embed">
      <main className="embed-stage">
        {linkError !== null ? <Suspense fallback={null}><LinkErrorBanner /></Suspense> : null}
        {error ? <p className="error" role="alert" data-testid="sim-error">{t('app.simError', { message: error })}</p> : null}
        <Topology />
        <Narration />
        <PlaybackBar />
        <a className="embed-open" href={fullAppAddress(location.href)} target="_blank" rel="noopener" data-testid="embed-open-app">
          {t('share.openFull')}
        </a>
      </main>
      <StepLog />
    </div>
  );
}
