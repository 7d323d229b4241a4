/** The header's Edit button, and the lazily loaded editor it opens (kept out of the first load). */
import { lazy, Suspense } from 'react';
import { useT } from '../i18n/useI18n';
import { useSim } from '../store/useSim';

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
  return open ? <Suspense fallback={null}><EditorPanel /></Suspense> : null;
}
