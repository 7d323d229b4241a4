/** One run in the lockstep walk: its hosts, the hop at this step with its S and D, the director's counts so far. */
import { textIn } from '../i18n/i18n';
import { useSim } from '../store/useSim';
import { useCompareT } from './catalog';
import { columnAt, type CompareColumn as Column } from './compare-model';

const endpoint = (addr: string, port: number | undefined) => (port === undefined ? addr : `${addr}:${port}`);

export function CompareColumn({ column, step, slot }: { column: Column; step: number; slot: number }) {
  const t = useCompareT();
  const lang = useSim((s) => s.language);
  const at = columnAt(column, step);
  const hop = at.hop;
  const director = column.row.director_host;
  const hostClass = (h: string) => (hop && h === hop.from ? 'cmp-host is-from' : hop && h === hop.to ? 'cmp-host is-to' : 'cmp-host');
  return (
    <section className="cmp-col" aria-labelledby={`cmp-title-${slot}`} data-testid={`cmp-col-${slot}`} data-scenario={column.id}>
      <h3 id={`cmp-title-${slot}`} className="cmp-col-title" title={textIn(lang, column.title)}>
        <span className="cmp-mode">{t(`mode.${column.row.mode}`)}</span> {textIn(lang, column.title)}
      </h3>
      <ol className="cmp-hosts" aria-label={t('col.path')}>
        {column.row.hosts_touched.map((h) => (
          <li key={h} className={hostClass(h)} data-director={h === director ? 'true' : undefined}>{h}</li>
        ))}
      </ol>
      <div className="cmp-hop" data-testid="cmp-hop">
        {hop === undefined ? (
          <p className="muted">{t('col.before')}</p>
        ) : (
          <>
            <p className="cmp-hop-line">
              <span className="cmp-dir">{t(`col.${hop.direction}`)}</span>{' '}
              <strong>{hop.from} → {hop.to}</strong>
            </p>
            <p className="mono cmp-sd">
              S {hop.inner ? hop.src : endpoint(hop.src, hop.sport)}<br />D {hop.inner ? hop.dst : endpoint(hop.dst, hop.dport)}
            </p>
            {hop.inner ? (
              <p className="mono cmp-sd cmp-inner">
                {t('col.inner')}: S {endpoint(hop.inner.src, hop.sport)}<br />D {endpoint(hop.inner.dst, hop.dport)}
              </p>
            ) : null}
          </>
        )}
        <p className="muted cmp-progress">{at.done ? t('col.done', { hops: column.hops.length }) : t('col.hop', { n: at.index, total: column.hops.length })}</p>
      </div>
      <div className="cmp-counts" aria-label={t('col.counts', { director: director ?? '—' })}>
        <p><span className="cmp-count" data-testid="cmp-in">{at.in}</span> <span className="muted">{t('col.directorIn')}</span></p>
        <p><span className="cmp-count" data-testid="cmp-out">{at.out}</span> <span className="muted">{t('col.directorOut')}</span></p>
      </div>
    </section>
  );
}
