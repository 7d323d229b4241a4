/**
 * Presenter mode (`?present=1`): the topology as large as the screen allows, in high contrast,
 * labels and host names at least 24 px on screen, a red "laser pointer" on the moving packet,
 * the step's narration as a caption (L: in Chinese and English together), a step counter and
 * the keys, and nothing to edit or inspect. Loaded on demand (PresenterEntry.tsx).
 */
import { useEffect, useMemo, useState } from 'react';
import { LabelMinPx } from '../packets/label-scale';
import { useSim } from '../store/useSim';
import { Topology } from '../topology/Topology';
import { usePresenterT } from './catalog';
import { requestFullScreen } from './fullscreen';
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
  const [bilingual, setBilingual] = useState(false);
  const fullScreen = useFullScreen(onLeave);
  const handlers = useMemo(() => ({
    blank: () => setBlank((b) => !b),
    bilingual: () => setBilingual((b) => !b),
    fullscreen: () => void requestFullScreen(),
    leave: onLeave,
  }), [onLeave]);
  usePresenterKeys(handlers);
  return (
    <main className="presenter" data-testid="presenter" aria-label={t('label')}>
      <div className="presenter-stage">
        <LabelMinPx.Provider value={PRESENTER_MIN_PX}>
          <Topology />
        </LabelMinPx.Provider>
      </div>
      <PresenterCaption bilingual={bilingual}
        step={<p className="presenter-step" data-testid="presenter-step">{t('step', { step: cursor + 1, total })}</p>}
        bar={(
          <div className="presenter-bar">
            <p className="presenter-keys" data-testid="presenter-keys">{t('keys')}</p>
            {fullScreen ? null : (
              <button type="button" className="btn" data-testid="presenter-fullscreen" onClick={handlers.fullscreen}>{t('fullscreen')}</button>
            )}
            <button type="button" className="btn" data-testid="presenter-leave" onClick={onLeave}>{t('leave')}</button>
          </div>
        )} />
      {blank ? (
        <div className="presenter-blank" data-testid="presenter-blank" role="button" tabIndex={0} aria-label={t('blanked')}
          onClick={handlers.blank} />
      ) : null}
    </main>
  );
}

/**
 * Whether the page is in full screen. Leaving it (the browser's own Esc, which the page never
 * hears) leaves presenter mode too, as Esc does when the page is in a window.
 */
function useFullScreen(onLeave: () => void): boolean {
  const [on, setOn] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    let was = document.fullscreenElement !== null;
    const onChange = () => {
      const now = document.fullscreenElement !== null;
      setOn(now);
      if (was && !now) onLeave();
      was = now;
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [onLeave]);
  return on;
}
