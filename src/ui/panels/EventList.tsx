/**
 * Every event as a Packet Tracer–style row: time, from → to, protocol, S/D and a summary.
 * Filters by kind and connection; a row jumps there. Rows the course view hides are dimmed
 * (selecting one switches to full view).
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { TraceEventJson } from '../../engine';
import type { Lang } from '../i18n/i18n';
import { useT } from '../i18n/useI18n';
import { currentEventIndex } from '../store/selectors';
import { useSim } from '../store/useSim';
import type { HostIndex } from '../trace/host-index';
import { addrsOf, CATEGORIES, categoryOf, hostsOf, ipOf, protocolOf, summaryOf, type Category } from '../trace/event-row';

interface RowProps {
  i: number;
  e: TraceEventJson;
  current: boolean;
  hidden: boolean;
  hosts: HostIndex;
  lang: Lang;
  onPick: (i: number) => void;
}

const Row = memo(function Row({ i, e, current, hidden, hosts, lang, onPick }: RowProps) {
  const { from, to } = hostsOf(e);
  const who = to.length ? `${hosts.short(from, lang)} → ${to.map((h) => hosts.short(h, lang)).join(', ')}` : hosts.short(from, lang);
  const cat = categoryOf(e);
  return (
    <tr className={`ev ev-${cat}${current ? ' is-current' : ''}${hidden ? ' is-hidden' : ''}`} aria-current={current ? 'step' : undefined}
      data-testid="event-row" data-event={i} onClick={() => onPick(i)}>
      <td><button type="button" className="ev-jump" onClick={(ev) => { ev.stopPropagation(); onPick(i); }}>{i + 1}</button></td>
      <td className="num">{e.t.toFixed(1)}</td>
      <td>{who}</td>
      <td>{protocolOf(e)}</td>
      <td className="mono">{addrsOf(ipOf(e))}<div className="ev-summary">{summaryOf(e)}</div></td>
    </tr>
  );
});

export default function EventList() {
  const t = useT();
  const trace = useSim((s) => s.trace);
  const hosts = useSim((s) => s.hostIndex);
  const lang = useSim((s) => s.language);
  const steps = useSim((s) => s.steps);
  const current = useSim(currentEventIndex);
  const selectEvent = useSim((s) => s.selectEvent);
  const pause = useSim((s) => s.pause);
  const [shown, setShown] = useState<ReadonlySet<Category>>(new Set(CATEGORIES));
  const [conn, setConn] = useState<number | 'all'>('all');
  const bodyRef = useRef<HTMLTableSectionElement>(null);

  const visible = useMemo(() => new Set(steps), [steps]);
  const conns = useMemo(() => [...new Set(trace?.events.flatMap((e) => (e.conn === undefined ? [] : [e.conn])) ?? [])].sort((a, b) => a - b), [trace]);
  const rows = useMemo(() => (trace?.events ?? []).map((e, i) => ({ e, i }))
    .filter(({ e }) => shown.has(categoryOf(e)) && (conn === 'all' || e.conn === conn)), [trace, shown, conn]);

  useEffect(() => {
    bodyRef.current?.querySelector('.is-current')?.scrollIntoView?.({ block: 'nearest' });
  }, [current]);

  if (!trace || !hosts) return null;
  const toggle = (c: Category) => setShown((s) => {
    const n = new Set(s);
    if (n.has(c)) n.delete(c); else n.add(c);
    return n;
  });
  const onPick = (i: number) => { pause(); selectEvent(i); };
  return (
    <div className="event-list">
      <fieldset className="filters">
        <legend>{t('events.filters')}</legend>
        {CATEGORIES.map((c) => (
          <label key={c} className={`chip chip-${c}`}>
            <input type="checkbox" checked={shown.has(c)} onChange={() => toggle(c)} data-testid={`filter-${c}`} />
            {t(`events.${c}`)}
          </label>
        ))}
        {conns.length > 1 ? (
          <select aria-label={t('events.connFilter')} value={String(conn)} onChange={(e) => setConn(e.target.value === 'all' ? 'all' : Number(e.target.value))}>
            <option value="all">{t('events.allConns')}</option>
            {conns.map((c) => <option key={c} value={c}>{t('events.conn', { n: c })}</option>)}
          </select>
        ) : null}
      </fieldset>
      <div className="table-scroll">
        <table aria-label={t('events.list')}>
          <colgroup><col className="c-n" /><col className="c-t" /><col className="c-who" /><col className="c-proto" /><col /></colgroup>
          <thead>
            <tr><th>#</th><th>{t('events.time')}</th><th>{t('events.fromTo')}</th><th>{t('events.proto')}</th><th>{t('events.addrs')} · {t('events.summary')}</th></tr>
          </thead>
          <tbody ref={bodyRef}>
            {rows.map(({ e, i }) => (
              <Row key={i} i={i} e={e} current={i === current} hidden={!visible.has(i)} hosts={hosts} lang={lang} onPick={onPick} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
