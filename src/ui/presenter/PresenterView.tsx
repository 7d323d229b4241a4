/**
 * Presenter mode (`?present=1`): the topology as large as the screen allows, labels and host
 * names at least 24 px on screen, the step's narration as a caption in both languages, a step
 * counter and the keys, and nothing to edit or inspect. Loaded on demand (PresenterEntry.tsx).
 */
import { useCallback, useState } from 'react';
import { LabelMinPx } from '../packets/label-scale';
import { useSim } from '../store/useSim';
import { Topology } from '../topology/Topology';
import { usePresenterT } from './catalog';
import { PresenterCaption } from './PresenterCaption';
import { usePresenterKeys } from './usePresenterKeys';
import './presenter.css';

/** The smallest text on the projected drawing, in screen pixels (issue 14: read from the back of a room). */
export const PRESENTER_MIN_PX = 24;

export default function PresenterView({ onLeave }: { onLeave: () => void }) {
  const t = usePresenterT();
  const cursor = useSim((s) => s.cursor);
  const total = useSim((s) => s.steps.length);
  const [blank, setBlank] = useState(false);
  const toggleBlank = useCallback(() => setBlank((b) => !b), []);
  usePresenterKeys(toggleBlank, onLeave);
  return (
    <main className="presenter" data-testid="presenter" aria-label={t('label')}>
      <div className="presenter-bar">
        <p className="presenter-keys" data-testid="presenter-keys">{t('keys')}</p>
        <button type="button" className="btn presenter-leave" data-testid="presenter-leave" onClick={onLeave}>{t('leave')}</button>
      </div>
      <div className="presenter-stage">
        <LabelMinPx.Provider value={PRESENTER_MIN_PX}>
          <Topology />
        </LabelMinPx.Provider>
      </div>
      <PresenterCaption step={<p className="presenter-step" data-testid="presenter-step">{t('step', { step: cursor + 1, total })}</p>} />
      {blank ? (
        <div className="presenter-blank" data-testid="presenter-blank" role="button" tabIndex={0} aria-label={t('blanked')}
          onClick={toggleBlank} />
      ) : null}
    </main>
  );
}
