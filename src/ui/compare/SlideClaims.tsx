/** The summary slides' claims beside the table, each marked confirmed by the measurement or not. */
import { memo } from 'react';
import type { CompareRow, ClaimCheck } from '../../engine';
import { useCompareT } from './catalog';

const MARK = { confirmed: '✓', contradicted: '✗', 'not-shown': '–' } as const;
const WHY = { confirmed: 'confirmed', contradicted: 'contradicted', 'not-shown': 'notShown' } as const;

/** Memoised: it does not change as the view steps. */
export const SlideClaims = memo(function SlideClaims({ rows, checks }: { rows: readonly CompareRow[]; checks: readonly ClaimCheck[] }) {
  const t = useCompareT();
  const groups = rows.flatMap((r) => {
    const mine = checks.filter((c) => c.id === r.id);
    return mine.length ? [{ row: r, checks: mine }] : [];
  });
  const director = (id: string) => rows.find((r) => r.id === id)?.director_host ?? '—';
  const key = (c: ClaimCheck, leaf: string) => `claims.${c.claim}.${leaf}` as Parameters<typeof t>[0];
  return (
    <section className="cmp-claims" aria-labelledby="cmp-claims-title" data-testid="cmp-claims">
      <h3 id="cmp-claims-title">{t('claims.title')}</h3>
      {groups.length === 0 ? <p className="muted">{t('claims.nothing')}</p> : null}
      {groups.map(({ row, checks: list }) => (
        <div key={row.id} className="cmp-slide">
          <h4>{t(`claims.slide.${list[0]!.slide}`)} <span className="muted">{t('claims.measuredOn', { id: row.id })}</span></h4>
          <ul>
            {list.map((c) => (
              <li key={c.claim} className={`cmp-claim is-${c.verdict}`} data-testid={`claim-${c.claim}`} data-verdict={c.verdict}>
                <span className="cmp-verdict"><span aria-hidden="true">{MARK[c.verdict]}</span> {t(`claims.verdict.${c.verdict}`)}</span>
                <span className="cmp-claim-text">{t(key(c, 'text'))}</span>
                <span className="cmp-why">{t(key(c, WHY[c.verdict]), { ...c.params, director: director(c.id) })}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
});
