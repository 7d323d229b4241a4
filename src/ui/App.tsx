/** The page: header, topology with the playback bar under it, narration and details beside. */
import { lazy, Suspense } from 'react';
import { useT } from './i18n/useI18n';
import { Narration } from './panels/Narration';
import { StepLog } from './panels/StepLog';
import { Header } from './shell/Header';
import { PlaybackBar } from './shell/PlaybackBar';
import { SidePanel } from './shell/SidePanel';
import { useDocumentLang } from './shell/useDocumentLang';
import { usePlayback } from './shell/usePlayback';
import { useShortcuts } from './shell/useShortcuts';
import { useSim } from './store/useSim';
import { Topology } from './topology/Topology';
import { EditorHost } from './editor/EditorToggle';
import { useUndoShortcuts } from './editor/useUndoShortcuts';
import { isEmbed } from './share-ui/embed';
import { ConsoleHost } from './console/ConsoleToggle';
import { QuizHost } from './quiz/QuizToggle';

// Only a malformed link shows it, and it brings the message translator along: load on demand.
const LinkErrorBanner = lazy(() => import('./share-ui/LinkErrorBanner').then((m) => ({ default: m.LinkErrorBanner })));

export function App() {
  const t = useT();
  const error = useSim((s) => s.error);
  const linkError = useSim((s) => s.linkError);
  const quiz = useSim((s) => s.quiz !== null);
  usePlayback();
  useShortcuts();
  useDocumentLang();
  useUndoShortcuts();
  // Embedded in a course page: the view and its playback, no header chrome.
  const embed = isEmbed(location.search);
  return (
    <div className={embed ? 'app embed' : 'app'}>
      {embed ? null : <Header />}
      <main className="stage">
        <div className="stage-main">
          {linkError !== null ? <Suspense fallback={null}><LinkErrorBanner /></Suspense> : null}
          {error ? <p className="error" role="alert" data-testid="sim-error">{t('app.simError', { message: error })}</p> : null}
          <Topology />
          <PlaybackBar />
          {embed ? null : <ConsoleHost />}
        </div>
        <aside className="stage-side">
          {/* The quiz hides the inspectors: they list the packets still to come. */}
          {embed ? null : <QuizHost />}
          <Narration />
          {quiz ? null : <SidePanel />}
        </aside>
      </main>
      <StepLog />
      {embed ? null : <EditorHost />}
    </div>
  );
}
