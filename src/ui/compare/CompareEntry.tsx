/**
 * The compare view's way in, the only part of it in the first page: the header's Compare
 * button, and the host that shows the view (loaded on first use) while the address holds a
 * compare link (`#v1.cmp.…`, src/share/compare-link.ts).
 */
import { lazy, Suspense, useSyncExternalStore } from 'react';
import { COMPARE_PREFIX, isCompareLink } from '../../share/compare-prefix';
import { useT } from '../i18n/useI18n';
import { routeSubscriber } from '../shell/route-events';
import { useSim } from '../store/useSim';

const CompareView = lazy(() => import('./CompareView'));

/** Closing drops the link with replaceState, which fires no hashchange: the host says so itself. */
const COMPARE_ROUTE_EVENT = 'lvs-flow:compare-route';

const subscribe = routeSubscriber('hashchange', COMPARE_ROUTE_EVENT);

/** The compare link in the address, or null. */
export function useCompareRoute(): string | null {
  return useSyncExternalStore(subscribe, () => (isCompareLink(location.hash) ? location.hash : null));
}

export function CompareButton() {
  const t = useT();
  const lang = useSim((s) => s.language);
  const open = () => {
    location.hash = `${COMPARE_PREFIX}nat-course~dr-course~tun-course.1.0.${lang === 'zh-CN' ? 'zh' : 'en'}`;
  };
  return (
    <button type="button" className="btn" data-testid="compare-open" title={t('compareEntry.hint')} onClick={open}>
      {t('compareEntry.toggle')}
    </button>
  );
}

/** Back to the simulator: the address loses the compare link, the page keeps what it had open. */
function close(): void {
  history.replaceState(history.state, '', location.pathname + location.search);
  window.dispatchEvent(new Event(COMPARE_ROUTE_EVENT));
}

export function CompareHost({ fragment }: { fragment: string }) {
  const t = useT();
  return (
    <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
      <CompareView fragment={fragment} onClose={close} />
    </Suspense>
  );
}
