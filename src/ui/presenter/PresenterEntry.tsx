/**
 * Presenter mode's way in, the only part of it in the first page: the header's button (with
 * its key, P), the P key itself, the address flag (`?present=1`, present-flag.ts) as a route,
 * and the host that shows the view, loaded on first use. Not while a quiz is open: presenter
 * mode steps freely and would show the hops the quiz hides (quiz/useQuizGuard.ts holds the
 * simulator's own controls back; the presenter has none of that).
 */
import { lazy, Suspense, useEffect, useSyncExternalStore } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { useT } from '../i18n/useI18n';
import { routeSubscriber } from '../shell/route-events';
import type { SimStore } from '../store/types';
import { useSim, useSimStoreApi } from '../store/useSim';
import { exitFullScreen, requestFullScreen } from './fullscreen';
import { isPresent, isPresentKey, presentAddress } from './present-flag';
import './presenter-entry.css';

const PresenterView = lazy(() => import('./PresenterView'));

/** replaceState fires no event: entering and leaving say so themselves. */
const PRESENT_ROUTE_EVENT = 'lvs-flow:present-route';

const subscribe = routeSubscriber('popstate', PRESENT_ROUTE_EVENT);

/**
 * Whether presenter mode shows: the address asks for it and no quiz is open. A quiz link with
 * the flag (or one opened while presenting) drops the flag, so closing the quiz later does
 * not jump into presenter mode.
 */
export function usePresentRoute(): boolean {
  const asked = useSyncExternalStore(subscribe, () => isPresent(location.search));
  const quiz = useSim((s) => s.quiz !== null);
  useEffect(() => {
    if (asked && quiz) leavePresenter();
  }, [asked, quiz]);
  return asked && !quiz;
}

/**
 * On: full screen if the browser allows (asked at once, while the key press or click still
 * counts as one), the flag, and the link to the step on screen in the fragment, so that a
 * reload comes back to the same place (the address then follows every step:
 * share-ui/follow-address.ts).
 */
export async function enterPresenter(store: StoreApi<SimStore>): Promise<void> {
  if (store.getState().quiz !== null) return;
  void requestFullScreen();
  const { currentFragment } = await import('../share-ui/link-view');
  const fragment = currentFragment(store.getState(), true) ?? undefined;
  history.replaceState(history.state, '', presentAddress(location.href, true, fragment));
  window.dispatchEvent(new Event(PRESENT_ROUTE_EVENT));
}

/** Off: the flag goes, the link stays, the simulator shows the same step. */
export function leavePresenter(): void {
  void exitFullScreen();
  history.replaceState(history.state, '', presentAddress(location.href, false));
  window.dispatchEvent(new Event(PRESENT_ROUTE_EVENT));
}

export function PresenterButton() {
  const t = useT();
  const store = useSimStoreApi();
  const quiz = useSim((s) => s.quiz !== null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isPresentKey(e)) return;
      e.preventDefault();
      void enterPresenter(store);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
  return (
    <button type="button" className="btn" data-testid="presenter-open" title={t(quiz ? 'presenterEntry.quizOpen' : 'presenterEntry.hint')} aria-keyshortcuts="P"
      disabled={quiz} onClick={() => void enterPresenter(store)}>
      {t('presenterEntry.toggle')} <kbd className="key-hint">P</kbd>
    </button>
  );
}

export function PresenterHost() {
  const t = useT();
  return (
    <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
      <PresenterView onLeave={leavePresenter} />
    </Suspense>
  );
}
