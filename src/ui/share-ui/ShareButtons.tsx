/**
 * The Share menu: Copy link (opens at step 0), Link to this step, QR code and Embed. A copied link is also put in
 * the address bar, so the page's own URL is the link. When the clipboard is refused (an http
 * page on a classroom LAN), the link shows in a field, selected, to copy by hand.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { textIn } from '../i18n/i18n';
import { useT } from '../i18n/useI18n';
import type { SimStore } from '../store/types';
import { useSim, useSimStoreApi } from '../store/useSim';
import { copyText } from './clipboard';
import { pageAddress } from './page-address';
import './share.css';

// The codec (fflate, the link schema) is not needed to draw the page: fetched when the menu opens.
const linkView = () => import('./link-view');

const QrDialog = lazy(() => import('./QrDialog').then((m) => ({ default: m.QrDialog })));
const EmbedDialog = lazy(() => import('./EmbedDialog').then((m) => ({ default: m.EmbedDialog })));

type Open = { kind: 'qr' | 'embed'; url: string } | null;

function titleOf(s: SimStore): string {
  const title = s.scenario?.title;
  return title ? textIn(s.language, title) : 'lvs-flow';
}

export function ShareButtons() {
  const t = useT();
  const store = useSimStoreApi();
  const hasScenario = useSim((s) => s.scenario !== null);
  const [status, setStatus] = useState<{ ok: boolean; url: string } | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [menu, setMenu] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!status?.ok) return;
    const timer = setTimeout(() => setStatus(null), 2500);
    return () => clearTimeout(timer);
  }, [status]);

  const linkFor = async (atStep: boolean, embed = false): Promise<string | null> => {
    const { currentFragment } = await linkView();
    const fragment = currentFragment(store.getState(), atStep);
    if (fragment === null) return null;
    const url = `${pageAddress(location)}${embed ? '?embed=1' : ''}#${fragment}`;
    // The address bar becomes the link too, so a reload or a bookmark opens the same view.
    if (!embed) history.replaceState(null, '', url);
    return url;
  };
  const copy = async (atStep: boolean) => {
    const url = await linkFor(atStep);
    if (url !== null) setStatus({ ok: await copyText(url), url });
  };
  const s = store.getState();
  const caption = `${titleOf(s)} · ${t('share.stepN', { step: s.cursor + 1 })}`;

  const run = (f: () => void) => () => { setMenu(false); f(); };
  const item = (testId: string, label: string, onClick: () => void, extra: Record<string, string> = {}) => (
    <button type="button" className="share-item" data-testid={testId} disabled={!hasScenario} onClick={run(onClick)} {...extra}>{label}</button>
  );

  return (
    <div className="share-buttons" ref={root}
      onBlur={(e) => { if (!root.current?.contains(e.relatedTarget as Node | null)) setMenu(false); }}
      onKeyDown={(e) => { if (e.key === 'Escape' && menu) { e.stopPropagation(); setMenu(false); toggle.current?.focus(); } }}>
      <button type="button" ref={toggle} className="btn" data-testid="share-menu" aria-expanded={menu} aria-controls="share-menu"
        onClick={() => { void linkView(); setMenu(!menu); }}>{`${t('share.group')} ▾`}</button>
      {menu ? (
        <div id="share-menu" className="share-menu" role="group" aria-label={t('share.group')}>
          {item('copy-link', t('share.copyLink'), () => void copy(false))}
          {item('copy-step-link', t('share.copyStepLink'), () => void copy(true))}
          {item('qr-open', t('share.qrOpen'), () => void linkFor(true).then((url) => { if (url) setOpen({ kind: 'qr', url }); }))}
          {item('embed-open', t('share.embedTitle'), () => void linkFor(true, true).then((url) => { if (url) setOpen({ kind: 'embed', url }); }))}
        </div>
      ) : null}
      <output role="status" className="share-status" data-testid="copy-status">
        {status?.ok ? t('share.copied') : ''}
      </output>
      {status && !status.ok ? (
        <label className="share-fallback">
          <span>{t('share.copyFailed')}</span>
          <input className="share-field" readOnly value={status.url} data-testid="link-field" aria-label={t('share.linkField')}
            autoFocus onFocus={(e) => e.currentTarget.select()} onBlur={() => setStatus(null)} />
        </label>
      ) : null}
      <Suspense fallback={null}>
        {open?.kind === 'qr' ? <QrDialog url={open.url} caption={caption} onClose={() => setOpen(null)} /> : null}
        {open?.kind === 'embed' ? <EmbedDialog url={open.url} title={titleOf(s)} onClose={() => setOpen(null)} /> : null}
      </Suspense>
    </div>
  );
}
