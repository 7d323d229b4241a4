/**
 * The director at the picked time: a slider (the keyboard's way to pick; a click on a chart picks
 * too) and, per run, `ipvsadm -L -n` and the head of `ipvsadm -L -n -c` as the worker kept them.
 */
import { useShallow } from 'zustand/shallow';
import { useLoadT } from './i18n';
import { useLoad } from './load-context';
import type { Lane } from './load-store';
import { TABLE_LINES } from './driver';

export function PickedTables() {
  const t = useLoadT();
  // Only what is drawn here, so a sample streamed in re-renders the slider and not the tables.
  const flat = useLoad(useShallow((s) => s.lanes.flatMap((l) => [l.scheduler, l.table] as const)));
  const lanes = [];
  for (let i = 0; i < flat.length; i += 2) lanes.push({ scheduler: flat[i] as string, table: flat[i + 1] as Lane['table'] });
  const picked = useLoad((s) => s.picked);
  const pick = useLoad((s) => s.pick);
  const lastT = useLoad((s) => Math.max(0, ...s.lanes.map((l) => l.points.at(-1)?.t ?? 0)));
  if (lanes.length === 0) return null;
  return (
    <section className="load-picked" aria-label={t('picked.time')}>
      <div className="load-picked-bar">
        <label className="field">
          <span>{t('picked.time')}</span>
          <input type="range" data-testid="load-pick" min={0} max={Math.max(1, lastT / 1000)} step={1} value={(picked ?? lastT) / 1000}
            onChange={(e) => pick(Number(e.target.value) * 1000)} />
          <output className="mono">{((picked ?? lastT) / 1000).toFixed(0)} s</output>
        </label>
        <button type="button" className="btn" data-testid="load-follow" disabled={picked === null} onClick={() => pick(null)}>{t('picked.follow')}</button>
      </div>
      {picked === null ? <p className="muted">{t('picked.noTable')}</p> : (
        <div className="load-tables">
          {lanes.map((l) => (
            <div key={l.scheduler} className="load-table" data-testid={`load-table-${l.scheduler}`}>
              <h3>{t('picked.heading', { t: ((l.table?.t ?? picked) / 1000).toFixed(0), scheduler: l.scheduler })}</h3>
              {l.table ? (
                <>
                  <pre className="mono" tabIndex={0}>{l.table.services}</pre>
                  {l.table.conns ? (
                    <>
                      <p className="muted">{t('picked.entries', { n: l.table.conns.entries.toLocaleString('en-US'), t: (l.table.conns.t / 1000).toFixed(0), shown: Math.min(TABLE_LINES, l.table.conns.entries) })}</p>
                      <pre className="mono" tabIndex={0}>{l.table.conns.head}</pre>
                    </>
                  ) : null}
                </>
              ) : null}
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
