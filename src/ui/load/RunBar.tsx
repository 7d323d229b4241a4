/** Start, pause, resume, stop; the pace; and each run's progress in one line. */
import { memo } from 'react';
import { useSim } from '../store/useSim';
import { useLoadT } from './i18n';
import { useLoad, useLoadActions } from './load-context';

export const PACES = [1, 2, 5, 10, 20, Infinity] as const;

// One formatter for every redraw: toLocaleString builds a new one per call, which showed in the
// main thread's profile while a run streams.
const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const fmt = (n: number) => NUMBER.format(Math.round(n));

export function RunBar() {
  return (
    <div className="load-runbar">
      <RunButtons />
      <ProgressLines />
    </div>
  );
}

/** The buttons and the pace: they re-render when a run starts, pauses or ends, not per sample. */
const RunButtons = memo(function RunButtons() {
  const t = useLoadT();
  const scenario = useSim((s) => s.scenario);
  const started = useLoad((s) => s.lanes.length > 0);
  const running = useLoad((s) => s.lanes.some((l) => l.state === 'running'));
  const anyPaused = useLoad((s) => s.lanes.some((l) => l.state === 'paused'));
  const paused = !running && anyPaused;
  const pace = useLoad((s) => s.pace);
  const { start, pause, resume, stop, setPace } = useLoadActions();
  return (
    <div className="load-buttons">
      <button type="button" className="btn btn-primary" data-testid="load-start" disabled={!scenario} onClick={() => scenario && start(scenario)}>
        {t(started ? 'run.restart' : 'run.start')}
      </button>
      {paused
        ? <button type="button" className="btn" data-testid="load-resume" onClick={resume}>{t('run.resume')}</button>
        : <button type="button" className="btn" data-testid="load-pause" disabled={!running} onClick={pause}>{t('run.pause')}</button>}
      <button type="button" className="btn" data-testid="load-stop" disabled={!running && !paused} onClick={stop}>{t('run.stop')}</button>
      <label className="field">
        <span>{t('form.pace')}</span>
        <select data-testid="load-pace" value={String(pace)} onChange={(e) => setPace(Number(e.target.value))}>
          {PACES.map((p) => <option key={p} value={String(p)}>{p === Infinity ? t('form.paceMax') : t('form.paceX', { x: p })}</option>)}
        </select>
      </label>
    </div>
  );
});

function ProgressLines() {
  const t = useLoadT();
  const lanes = useLoad((s) => s.lanes);
  return (
    <div className="load-progress" role="status" data-testid="load-progress">
      {lanes.map((l) => (
        <p key={l.scheduler} data-state={l.state} data-frames={l.progress.frames} data-sim-ms={l.progress.simMs} data-busy-ms={l.progress.busyMs}>
          {t('run.progress', {
            scheduler: l.scheduler, state: t(`run.state.${l.state}`), t: fmt(l.progress.now / 1000), requests: fmt(l.progress.requests),
            // The simulation's speed: hops over the time spent in the engine (the tables taken at each sample are not simulating).
            speed: fmt(l.progress.simMs > 0 ? l.progress.frames / (l.progress.simMs / 1000) : 0),
          })}
          {l.error ? <span className="load-error"> {t('run.error', { scheduler: l.scheduler, message: l.error })}</span> : null}
          {l.problem ? <span className="load-error"> {t('run.problem', { scheduler: l.scheduler, message: l.problem })}</span> : null}
        </p>
      ))}
    </div>
  );
}
