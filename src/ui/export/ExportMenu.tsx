/** The Export menu's items: each makes its file (exporters.ts) and hands it to the downloads. */
import { useState } from 'react';
import { useT } from '../i18n/useI18n';
import { useSimStoreApi } from '../store/useSim';
import { exportText } from './catalog';
import { downloadBlob } from '../download';
import { EXPORT_KINDS, makeExport, type ExportKind } from './exporters';

export function ExportMenu({ onClose, onHandout }: { onClose: () => void; onHandout: () => void }) {
  const t = exportText.useT();
  const tMain = useT();
  const store = useSimStoreApi();
  const [error, setError] = useState<string | null>(null);
  const run = async (kind: ExportKind) => {
    try {
      const made = await makeExport(kind, store.getState());
      if (!made.ok) return setError(made.message);
      downloadBlob(made.blob, made.fileName);
      onClose();
    } catch (e) {
      setError(t('error.failed', { message: e instanceof Error ? e.message : String(e) }));
    }
  };
  return (
    <div id="export-menu" className="share-menu" role="group" aria-label={tMain('header.export')}>
      {EXPORT_KINDS.map((kind) => (
        <button key={kind} type="button" className="share-item" data-testid={`export-${kind}`} onClick={() => void run(kind)}>
          {t(`menu.${kind}`)}
        </button>
      ))}
      <button type="button" className="share-item" data-testid="export-handout" onClick={onHandout}>{t('menu.handout')}</button>
      {error !== null ? <p className="share-error" role="alert" data-testid="export-error">{error}</p> : null}
    </div>
  );
}
