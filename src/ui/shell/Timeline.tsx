/**
 * The scrubber: a range input over the current depth's steps, with a marker strip beneath
 * (drops red, IPVS decisions accent), so a teacher can see where the story turns.
 */
import { useMemo } from 'react';
import { useT } from '../i18n/useI18n';
import { useSim } from '../store/useSim';
import { categoryOf } from '../trace/event-row';

export function Timeline() {
  const t = useT();
  const cursor = useSim((s) => s.cursor);
  const steps = useSim((s) => s.steps);
  const trace = useSim((s) => s.trace);
  const seekTo = useSim((s) => s.seekTo);
  const pause = useSim((s) => s.pause);
  const max = Math.max(0, steps.length - 1);
  // A long trace has thousands of markers: made once per trace, so a step does not diff them.
  const strip = useMemo(() => {
    const markers = !trace || steps.length < 2 ? [] : steps.flatMap((ev, i) => {
      const e = trace.events[ev];
      const cat = e ? categoryOf(e) : 'host-action';
      return cat === 'drop' || cat === 'ipvs' ? [{ i, cat }] : [];
    });
    return (
      <svg className="markers" aria-hidden="true" viewBox={`0 0 ${Math.max(1, steps.length - 1)} 1`} preserveAspectRatio="none">
        {markers.map((m) => <rect key={m.i} className={`marker marker-${m.cat}`} x={m.i - 0.15} y={0} width={0.3} height={1} />)}
      </svg>
    );
  }, [trace, steps]);
  return (
    <div className="timeline">
      <input type="range" data-testid="scrubber" aria-label={t('playback.timeline')} min={0} max={max} value={cursor}
        aria-valuetext={`${t('playback.step')} ${cursor + 1} ${t('playback.stepOf', { total: steps.length })}`}
        onChange={(e) => { pause(); seekTo(Number(e.target.value)); }} />
      {strip}
    </div>
  );
}
