/** The header's Edit button, and the lazily loaded editor it opens (kept out of the first load). */
import { lazy, Suspense } from 'react';
import { useT } from '../i18n/useI18n';
import { useSim } from '../store/useSim';
import { PHONE, useMediaQuery } from '../shell/useMediaQuery';
import { EditorNeedsWidth } from './EditorNeedsWidth';

const EditorPanel = lazy(() => import('./EditorPanel'));

export function EditorToggle() {
  const t = useT();
  const open = useSim((s) => s.editorOpen);
  const setOpen = useSim((s) => s.setEditorOpen);
  return (
    <button type="button" className="btn btn-primary" data-testid="editor-toggle" aria-expanded={open} aria-controls="scenario-editor"
      onClick={() => setOpen(!open)}>
      {t(open ? 'editor.close' : 'editor.open')}
    </button>
  );
}

export function EditorHost() {
  const open = useSim((s) => s.editorOpen);
  // A phone upright is too narrow for the editor's forms: it says so instead (and loads nothing).
  const phone = useMediaQuery(PHONE);
  if (!open) return null;
  return phone ? <EditorNeedsWidth /> : <Suspense fallback={null}><EditorPanel /></Suspense>;
}
