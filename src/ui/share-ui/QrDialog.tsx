/**
 * The current link as a QR code, large enough to scan from the back of a classroom. The qrcode
 * package is imported on demand, so it stays out of the first page load.
 */
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/useI18n';
import { Dialog } from './Dialog';

export function QrDialog({ url, caption, onClose }: { url: string; caption: string; onClose: () => void }) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const QR = await import('qrcode');
        const el = canvas.current;
        if (!live || !el) return;
        // M survives a smudged projector; long edited links need L's extra room.
        const level = url.length > 1200 ? 'L' : 'M';
        await QR.toCanvas(el, url, { errorCorrectionLevel: level, margin: 2, width: 520 });
      } catch (e) {
        if (live) setError(e instanceof Error ? e.message : String(e));
      }
    })();
    return () => { live = false; };
  }, [url]);
  return (
    <Dialog title={t('share.qrTitle')} onClose={onClose} testId="qr-dialog" className="qr-dialog">
      {error ? <p className="share-error" role="alert">{t('share.qrError', { message: error })}</p> : null}
      <canvas ref={canvas} className="qr-canvas" data-testid="qr-canvas" role="img" aria-label={t('share.qrAlt')} hidden={error !== null} />
      <p className="qr-caption">{caption}</p>
    </Dialog>
  );
}
