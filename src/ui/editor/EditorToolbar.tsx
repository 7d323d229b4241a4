/** Undo, redo, reset to the preset, export and import: the editor's file and history commands. */
import { useRef, useState } from 'react';
import type { Problem } from '../../engine';
import { englishLine, problemLineText } from '../i18n/problem-text';
import { useT } from '../i18n/useI18n';
import { canRedo, canUndo, workingScenario } from '../store/editor-slice';
import { useSim, useSimStoreApi } from '../store/useSim';
import { downloadScenario, readScenarioFile } from './file-io';

export function EditorToolbar() {
  const t = useT();
  const store = useSimStoreApi();
  const undoable = useSim(canUndo);
  const redoable = useSim(canRedo);
  const isPreset = useSim((s) => {
    const w = workingScenario(s);
    return w !== null && s.presets.some((p) => p.id === w.id);
  });
  const file = useRef<HTMLInputElement>(null);
  const [importError, setImportError] = useState<Problem | null>(null);
  const lang = useSim((s) => s.language);

  const onFile = async (f: File | undefined) => {
    if (!f) return;
    const read = await readScenarioFile(f);
    const r = read.ok ? store.getState().importScenario(read.json) : read;
    setImportError(r.ok ? null : r.problem);
    if (file.current) file.current.value = '';
  };
  const exportNow = () => {
    const w = workingScenario(store.getState());
    if (w) downloadScenario(w);
  };

  return (
    <div className="ed-toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
      <button type="button" className="btn" data-testid="editor-undo" disabled={!undoable} title={`${t('editor.undo')} (Ctrl+Z)`}
        onClick={() => store.getState().undo()}>{t('editor.undo')}</button>
      <button type="button" className="btn" data-testid="editor-redo" disabled={!redoable} title={`${t('editor.redo')} (Ctrl+Shift+Z)`}
        onClick={() => store.getState().redo()}>{t('editor.redo')}</button>
      <button type="button" className="btn" data-testid="editor-reset" disabled={!isPreset}
        onClick={() => store.getState().resetToPreset()}>{t('editor.reset')}</button>
      <button type="button" className="btn" data-testid="editor-export" onClick={exportNow}>{t('editor.export')}</button>
      <button type="button" className="btn" data-testid="editor-import" onClick={() => file.current?.click()}>{t('editor.import')}</button>
      <input ref={file} type="file" accept="application/json,.json" hidden data-testid="editor-import-file"
        aria-label={t('editor.import')} onChange={(e) => void onFile(e.target.files?.[0])} />
      {importError !== null ? (
        <p className="ed-error" role="alert" data-testid="import-error">
          {t('editor.importError', { message: problemLineText(importError, lang) })}
          {lang === 'zh-CN' ? <span className="ed-en mono" lang="en">{englishLine(importError)}</span> : null}
          <button type="button" className="btn" onClick={() => setImportError(null)}>{t('share.dismiss')}</button>
        </p>
      ) : null}
    </div>
  );
}
