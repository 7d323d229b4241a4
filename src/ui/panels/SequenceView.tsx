/**
 * The flow graph, as Wireshark draws it: a vertical line per host, time downwards, one arrow
 * per frame of the current depth, the current step highlighted. Clicking an arrow jumps there;
 * a toggle shows IP or MAC addresses.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../i18n/useI18n';
import { useSim } from '../store/useSim';
import { sequenceColumns, sequenceRows, type SeqLayer } from './sequence-rows';

const ROW_H = 42;
const HEAD_H = 34;
const MIN_COL_W = 78;

export default function SequenceView() {
  const t = useT();
  const scenario = useSim((s) => s.scenario);
  const trace = useSim((s) => s.trace);
  const hosts = useSim((s) => s.hostIndex);
  const lang = useSim((s) => s.language);
  const steps = useSim((s) => s.steps);
  const cursor = useSim((s) => s.cursor);
  const seekTo = useSim((s) => s.seekTo);
  const pause = useSim((s) => s.pause);
  const [layer, setLayer] = useState<SeqLayer>('l3');
  const scrollRef = useRef<HTMLDivElement>(null);

  const columns = useMemo(() => (scenario ? sequenceColumns(scenario) : []), [scenario]);
  const rows = useMemo(() => (trace && hosts ? sequenceRows(trace, steps, columns, hosts, lang, layer) : []),
    [trace, hosts, steps, columns, lang, layer]);

  useEffect(() => {
    const i = rows.findIndex((r) => r.cursor === cursor);
    const box = scrollRef.current;
    if (box && i >= 0) {
      const y = HEAD_H + i * ROW_H;
      if (y < box.scrollTop || y > box.scrollTop + box.clientHeight - ROW_H) box.scrollTop = y - box.clientHeight / 2;
    }
  }, [cursor, rows]);

  if (!scenario || !hosts) return null;
  const colW = Math.max(MIN_COL_W, 410 / Math.max(1, columns.length));
  // Labels run across the whole row; a long one widens the drawing rather than being cut.
  const width = Math.max(colW * columns.length, ...rows.map((r) => r.text.length * 8.6 + 10));
  const x = (c: number) => colW * c + colW / 2;
  const height = HEAD_H + rows.length * ROW_H + 10;
  const jump = (c: number) => { pause(); seekTo(c); };

  return (
    <div className="sequence">
      <div className="segmented" role="radiogroup" aria-label={t('sequence.label')}>
        {(['l3', 'l2'] as const).map((l) => (
          <button key={l} type="button" role="radio" aria-checked={layer === l} onClick={() => setLayer(l)}>
            {t(l === 'l3' ? 'sequence.l3' : 'sequence.l2')}
          </button>
        ))}
      </div>
      <div className="sequence-scroll" ref={scrollRef} tabIndex={0} aria-label={t('sequence.label')}>
        <svg width={width} height={height} role="list" aria-label={t('sequence.label')} data-testid="sequence">
          {columns.map((id, c) => (
            <g key={id}>
              <line className="seq-life" x1={x(c)} y1={HEAD_H - 6} x2={x(c)} y2={height} />
              <text className="seq-head" x={x(c)} y={20} textAnchor="middle">{hosts.short(id, lang)}</text>
            </g>
          ))}
          {rows.map((r, i) => {
            const y = HEAD_H + i * ROW_H + 30;
            const current = r.cursor === cursor;
            return (
              <g key={r.event} role="listitem" className={`seq-row seq-${r.kind}${current ? ' is-current' : ''}`}
                data-testid="sequence-row" data-event={r.event} onClick={() => jump(r.cursor)}>
                <rect className="seq-hit" x={0} y={y - 28} width={width} height={ROW_H} />
                {r.to.map((to, k) => {
                  const dir = Math.sign(x(to) - x(r.from)) || 1;
                  return (
                    <g key={k}>
                      <line className="seq-arrow" x1={x(r.from)} y1={y} x2={x(to) - dir * 6} y2={y} />
                      <path className="seq-head-arrow" d={`M${x(to)} ${y} l${-dir * 10} -5 v10 z`} />
                    </g>
                  );
                })}
                {r.kind === 'drop' ? <circle className="seq-drop" cx={x(r.from)} cy={y} r={7} /> : null}
                <text className="seq-label" x={4} y={y - 8}>{r.text}</text>
              </g>
            );
          })}
        </svg>
      </div>
    </div>
  );
}
