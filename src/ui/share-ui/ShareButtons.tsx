/**
 * Copy link (opens at step 0), Link to this step, QR code and Embed. A copied link is also put in
 * the address bar, so the page's own URL is the link. When the clipboard is refused (an http
 * page on a classroom LAN), the link shows in a field, selected, to copy by hand.
 */
import { lazy, Suspense, useState } from 'react';
import { useT } from '../i18n/useI18n';
import type { SimStore } from '../store/types';
import { useSim, useSimStoreApi } from '../store/useSim';
import { copyText } from './clipboard';
import { currentFragment, pageAddress } from './link-view';
import './share.css';

const QrDialog = lazy(() => import('./QrDialog').then((m) => ({ default: m.QrDialog })));
const EmbedDialog = lazy(() => import('./EmbedDialog').then((m) => ({ default: m.EmbedDialog })));

type Open = { kind: 'qr' | 'embed'; url: string } | null;

function titleOf(s: SimStore): string {
  const title = s.scenario?.title;
  return title ? (s.language === 'zh-CN' ? title.zh : title.en) : 'lvs-flow';
}

export function ShareButtons() {
  const t = useT();
  const store = useSimStoreApi();
  const hasScenario = useSim((s) => s.scenario !== null);
  const [status, setStatus] = useState<{ ok: boolean; url: string } | null>(null);
  const [open, setOpen] = useState<Open>(null);

  const linkFor = (atStep: boolean, embed = false): string | null => {
    const fragment = currentFragment(store.getState(), atStep);
    if (fragment === null) return null;
    const url = `${pageAddress(location)}${embed ? '?embed=1' : ''}#${fragment}`;
    // The address bar becomes the link too, so a reload or a bookmark opens the same view.
    if (!embed) history.replaceState(null, '', url);
    return url;
  };
  const copy = async (atStep: boolean) => {
    const url = linkFor(atStep);
    if (url !== null) setStatus({ ok: await copyText(url), url });
  };
  const s = store.getState();
  const caption = `${titleOf(s)} · ${t('share.stepN', { step: s.cursor + 1 })}`;

  return (
    <div className="share-buttons" role="group" aria-label={t('share.group')}>
      <button type="button" className="btn" data-testid="copy-link" disabled={!hasScenario} onClick={() => void copy(false)}>{t('share.copyLink')}</button>
      <button type="button" className="btn" data-testid="copy-step-link" disabled={!hasScenario} onClick={() => void copy(true)}>{t('share.copyStepLink')}</button>
      <button type="button" className="btn" data-testid="qr-open" disabled={!hasScenario} aria-label={t('share.qrOpen')}
        onClick={() => { const url = linkFor(true); if (url) setOpen({ kind: 'qr', url }); }}>{t('share.qr')}</button>
      <button type="button" className="btn" data-testid="embed-open" disabled={!hasScenario}
        onClick={() => { const url = linkFor(true, true); if (url) setOpen({ kind: 'embed', url }); }}>{t('share.embed')}</button>
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
