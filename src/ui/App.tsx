/** The page: header, topology with the playback bar under it, narration and details beside. */
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

export function App() {
  const t = useT();
  const error = useSim((s) => s.error);
  usePlayback();
  useShortcuts();
  useDocumentLang();
  return (
    <div className="app">
      <Header />
      <main className="stage">
        <div className="stage-main">
          {error ? <p className="error" role="alert" data-testid="sim-error">{t('app.simError', { message: error })}</p> : null}
          <Topology />
          <PlaybackBar />
        </div>
        <aside className="stage-side">
          <Narration />
          <SidePanel />
        </aside>
      </main>
      <StepLog />
    </div>
  );
}
