/** The iframe snippet for a course page: `?embed=1#<fragment>` shows the view with only playback. */
import { useState } from 'react';
import { useT } from '../i18n/useI18n';
import { copyText } from './clipboard';
import { Dialog } from './Dialog';
import { embedSnippet } from './embed';

export function EmbedDialog({ url, title, onClose }: { url: string; title: string; onClose: () => void }) {
  const t = useT();
  const snippet = embedSnippet(url, title);
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <Dialog title={t('share.embedTitle')} onClose={onClose} testId="embed-dialog">
      <p className="muted">{t('share.embedHint')}</p>
      <textarea className="share-field" readOnly rows={4} value={snippet} data-testid="embed-snippet"
        aria-label={t('share.embedSnippet')} onFocus={(e) => e.currentTarget.select()} />
      <div className="dialog-actions">
        <button type="button" className="btn" data-testid="embed-copy" onClick={() => void copyText(snippet).then(setCopied)}>
          {t('share.copySnippet')}
        </button>
        <output role="status">{copied === null ? '' : t(copied ? 'share.copied' : 'share.copyFailed')}</output>
      </div>
    </Dialog>
  );
}
