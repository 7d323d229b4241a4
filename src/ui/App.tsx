/** The page: header, topology with the playback bar under it, narration and details beside. */
import { lazy, Suspense } from 'react';
import { useT } from './i18n/useI18n';
import { Narration } from './panels/Narration';
import { StepLog } from './panels/StepLog';
import { Header } from './shell/Header';
import { PlaybackBar } from './shell/PlaybackBar';
import { SidePanel } from './shell/SidePanel';
import { useDocumentLang } from './shell/useDocumentLang';
import { PlaybackClock } from './shell/usePlayback';
import { useShortcuts } from './shell/useShortcuts';
import { useSim } from './store/useSim';
import { Topology } from './topology/Topology';
import { EditorHost } from './editor/EditorToggle';
import { useUndoShortcuts } from './editor/useUndoShortcuts';
import { isEmbed } from './share-ui/embed';
import { EmbedView } from './share-ui/EmbedView';
import { ConsoleHost } from './console/ConsoleToggle';
import { CompareHost, useCompareRoute } from './compare/CompareEntry';
import { QuizHost } from './quiz/QuizToggle';
import { PresenterHost, usePresentRoute } from './presenter/PresenterEntry';
import { LoadHost } from './load/LoadToggle';

// Only a malformed link shows it, and it brings the message translator along: load on demand.
const LinkErrorBanner = lazy(() => import('./share-ui/LinkErrorBanner').then((m) => ({ default: m.LinkErrorBanner })));

export function App() {
  const t = useT();
  const error = useSim((s) => s.error);
  const linkError = useSim((s) => s.linkError);
  const quiz = useSim((s) => s.quiz !== null);
  useShortcuts();
  useDocumentLang();
  useUndoShortcuts();
  // A compare link in the address shows the compare view in place of the stage.
  const compare = useCompareRoute();
  // `?present=1`: presenter mode for a projector (src/ui/presenter).
  const present = usePresentRoute();
  // Embedded in a course page: the view, its narration and its playback, nothing else.
  if (isEmbed(location.search)) {
    return (
      <>
        <PlaybackClock />
        <EmbedView />
      </>
    );
  }
  if (present) return <><PlaybackClock /><PresenterHost /></>;
  if (compare !== null) {
    return (
      <div className="app">
        <Header />
        <CompareHost fragment={compare} />
      </div>
    );
  }
  return (
    <div className="app">
      <PlaybackClock />
      <Header />
      <main className="stage">
        <div className="stage-main">
          {linkError !== null ? <Suspense fallback={null}><LinkErrorBanner /></Suspense> : null}
          {error ? <p className="error" role="alert" data-testid="sim-error">{t('app.simError', { message: error })}</p> : null}
          <Topology />
          <PlaybackBar />
          <ConsoleHost />
        </div>
        <aside className="stage-side">
          {/* The quiz hides the inspectors: they list the packets still to come. */}
          <QuizHost />
          <Narration />
          {quiz ? null : <SidePanel />}
        </aside>
      </main>
      {/* Over the stage when open (load.css hides the stage): its own lazy chunk. */}
      <LoadHost />
      <StepLog />
      <EditorHost />
    </div>
  );
}
