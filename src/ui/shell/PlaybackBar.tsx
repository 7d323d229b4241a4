/** Play/pause, stepping, the timeline scrubber with event markers, the step box and speed. */
import { actionById, kbdLabel, type ActionId } from '../actions';
import { useT } from '../i18n/useI18n';
import { SPEEDS } from '../store/types';
import { useSim, useSimStoreApi } from '../store/useSim';
import { Icon } from './Icon';
import { Timeline } from './Timeline';

function ActionButton({ id, icon, label }: { id: ActionId; icon?: string; label?: string }) {
  const t = useT();
  const store = useSimStoreApi();
  const action = actionById(id);
  const text = label ?? t(action.labelKey);
  return (
    <button type="button" className="tool" data-testid={`action-${id}`} aria-label={text}
      title={`${text} (${kbdLabel(action)})`} onClick={() => action.run(store.getState(), 'toolbar')}>
      <Icon name={icon ?? id} />
    </button>
  );
}

function StepBox() {
  const t = useT();
  const cursor = useSim((s) => s.cursor);
  const total = useSim((s) => s.steps.length);
  const seekTo = useSim((s) => s.seekTo);
  return (
    <label className="step-box">
      <span>{t('playback.step')}</span>
      <input type="number" data-testid="step-input" aria-label={t('playback.stepInput')} min={1} max={Math.max(1, total)}
        value={total === 0 ? 0 : cursor + 1}
        onChange={(e) => { const n = Number(e.target.value); if (Number.isFinite(n)) seekTo(n - 1); }} />
      <span data-testid="step-total">{t('playback.stepOf', { total })}</span>
    </label>
  );
}

export function PlaybackBar() {
  const t = useT();
  const playing = useSim((s) => s.playing);
  const speedIndex = useSim((s) => s.speedIndex);
  return (
    <div className="playback" role="toolbar" aria-label={t('playback.toolbar')}>
      <div className="tool-group">
        <ActionButton id="first" />
        <ActionButton id="stepBack" />
        <ActionButton id="playPause" icon={playing ? 'pause' : 'play'} label={t(playing ? 'actions.pause' : 'actions.play')} />
        <ActionButton id="stepForward" />
        <ActionButton id="last" />
        <ActionButton id="restart" />
      </div>
      <StepBox />
      <Timeline />
      <div className="tool-group speed" aria-label={t('playback.speed')}>
        <ActionButton id="slower" />
        <output data-testid="speed" aria-live="off" title={t('playback.speed')}>{SPEEDS[speedIndex]}×</output>
        <ActionButton id="faster" />
      </div>
    </div>
  );
}
