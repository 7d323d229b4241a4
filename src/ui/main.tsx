/** Mount point: make the store (language from storage or the browser), load the first scenario. */
import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { followAddress } from './share-ui/follow-address';
import { openStartup } from './share-ui/startup';
import { afterNextPaint, drawBeforeRun } from './share-ui/draw-first';
import { isEmbed } from './share-ui/embed';
import { engine } from './engine-source';
import { detectLang, STORAGE_KEY } from './i18n/i18n';
import { createSimStore } from './store/create-sim-store';
import { SimProvider } from './store/SimProvider';
import './styles.css';

const MAX_REQUESTS = 10_000;

function storage(): Storage | undefined {
  try {
    return localStorage;
  } catch {
    return undefined;
  }
}

function storedLang(): string | null {
  try {
    return storage()?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

const params = new URLSearchParams(location.search);
// An embed is a read-only view in someone else's page: it reads and writes no storage and no history.
const embed = isEmbed(location.search);
// ?requests=N (1–10,000) runs every client N times: a long trace, as the UI bench measures.
const requests = Number(params.get('requests'));
const store = createSimStore({
  engine,
  ...(Number.isInteger(requests) && requests > 0 && requests <= MAX_REQUESTS ? { run: { requests } } : {}),
  language: detectLang(params.get('lang') ?? (embed ? null : storedLang()), navigator.languages ?? [navigator.language]),
  depth: params.get('depth') === 'full' ? 'full' : 'course',
});
const presets = store.getState().presets;
const wanted = params.get('scenario');
const first = presets.find((p) => p.id === wanted) ?? presets.find((p) => p.id === 'nat-course') ?? presets[0];
const openFirst = () => {
  if (first) store.getState().loadScenario(first.id);
  if (params.get('depth') === 'full') store.getState().setDepth('full');
};
/** A link in the fragment, else the autosaved working copy (share-ui/startup.ts); then the address is followed. */
const open = async () => {
  await openStartup(store, location, { readOnly: embed });
  // Links typed, pasted or reached with back/forward open without a reload.
  if (!embed) followAddress(store, window, { openDefault: openFirst, failed: store.getState().linkError === null ? null : location.hash });
};

// Offline once visited: the service worker precaches every asset. Inside another site's iframe
// the browser may refuse it (third-party storage blocked); the embed then works online only.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  addEventListener('load', () => void navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => undefined));
}

const app = (
  <StrictMode>
    <SimProvider store={store}>
      <App />
    </SimProvider>
  </StrictMode>
);
const root = document.getElementById('root');
if (first && root && drawBeforeRun(location, embed, storage)) {
  // A plain first visit: the preset's topology is painted first, its run simulated after that
  // frame (on a phone the run and the panels it fills are half of the first draw; issue 13).
  store.getState().previewScenario(first.id);
  const reactRoot = createRoot(root);
  flushSync(() => reactRoot.render(app));
  afterNextPaint(() => {
    openFirst();
    void open();
  });
} else {
  openFirst();
  // Not a top-level await: one would turn off the bundler's merging of small shared chunks
  // into the entry's (rolldown's chunkOptimization), and each chunk is a request on a phone.
  void open().then(() => {
    if (root) createRoot(root).render(app);
  });
}
