/**
 * What Edit opens on a phone held upright: the editor's forms need more width than 390 px, so it
 * says so and offers the way back; viewing, stepping and sharing stay as they are (issue 13).
 * Turned sideways, the same open editor shows (EditorHost follows the width).
 */
import { useT } from '../i18n/useI18n';
import { Dialog } from '../share-ui/Dialog';
import { useSim } from '../store/useSim';

export function EditorNeedsWidth() {
  const t = useT();
  const setOpen = useSim((s) => s.setEditorOpen);
  const back = () => setOpen(false);
  return (
    <Dialog title={t('editor.narrowTitle')} onClose={back} testId="editor-narrow">
      <p>{t('editor.narrowBody')}</p>
      <div className="dialog-actions">
        <button type="button" className="btn btn-primary" data-testid="editor-narrow-back" onClick={back}>{t('editor.narrowBack')}</button>
      </div>
    </Dialog>
  );
}
