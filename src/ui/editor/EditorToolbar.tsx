/** Undo, redo, reset to the preset, export and import: the editor's file and history commands. */
import { useRef, useState } from 'react';
import type { Problem } from '../../engine';
import { englishLine, problemLineText } from '../i18n/problem-text';
import { useT } from '../i18n/useI18n';
import { canRedo, canUndo, workingScenario } from '../store/editor-slice';
import { useSim, useSimStoreApi } from '../store/useSim';
import { downloadScenario, readScenarioFile } from './file-io';
import { downloadBytes, importLabFiles, labZip, readLabFiles } from './lab-io';

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
  const labFile = useRef<HTMLInputElement>(null);
  const labFolder = useRef<HTMLInputElement>(null);
  const [labError, setLabError] = useState<string | null>(null);
  const [importError, setImportError] = useState<Problem | null>(null);
  const lang = useSim((s) => s.language);

  const onFile = async (f: File | undefined) => {
    if (!f) return;
    const read = await readScenarioFile(f);
    const r = read.ok ? store.getState().importScenario(read.json) : read;
    setImportError(r.ok ? null : r.problem);
    if (file.current) file.current.value = '';
  };
  const onLab = async (input: HTMLInputElement | null) => {
    const list = [...(input?.files ?? [])];
    if (input) input.value = '';
    if (list.length === 0) return;
    const read = await readLabFiles(list);
    const imported = read.ok ? await importLabFiles(read.files, read.name) : read;
    const r = imported.ok ? store.getState().importScenario(imported.scenario) : imported;
    setLabError(r.ok ? null : t('editor.labError', { message: 'problem' in r ? englishLine(r.problem) : r.message }));
  };
  const exportLabNow = async () => {
    const w = workingScenario(store.getState());
    if (!w) return;
    const z = await labZip(w);
    if (z.ok) downloadBytes(z.bytes, z.fileName, 'application/zip');
    setLabError(z.ok ? null : t('editor.labExportError', { message: z.message }));
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
      <button type="button" className="btn" data-testid="lab-open" onClick={() => labFile.current?.click()}>{t('editor.openLab')}</button>
      <input ref={labFile} type="file" multiple accept=".zip,.conf,.startup,.txt,.html" hidden data-testid="lab-open-file"
        aria-label={t('editor.openLab')} onChange={(e) => void onLab(e.target)} />
      <button type="button" className="btn" data-testid="lab-open-folder" onClick={() => labFolder.current?.click()}>{t('editor.openLabFolder')}</button>
      <input ref={labFolder} type="file" hidden data-testid="lab-open-folder-input" aria-label={t('editor.openLabFolder')}
        {...{ webkitdirectory: '' }} onChange={(e) => void onLab(e.target)} />
      <button type="button" className="btn" data-testid="lab-export" onClick={() => void exportLabNow()}>{t('editor.exportLab')}</button>
      {labError !== null ? (
        <p className="ed-error" role="alert" data-testid="lab-error">
          {labError}
          <button type="button" className="btn" onClick={() => setLabError(null)}>{t('share.dismiss')}</button>
        </p>
      ) : null}
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
