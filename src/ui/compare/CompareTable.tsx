/** The measured table: a row per figure, a column per run (the CLI's `compare` table). */
import { memo } from 'react';
import type { CompareRow } from '../../engine';
import { useCompareT } from './catalog';

type T = ReturnType<typeof useCompareT>;

const ROWS: ReadonlyArray<readonly [Parameters<T>[0], (r: CompareRow, t: T) => string]> = [
  ['table.hops', (r) => String(r.hops_per_request)],
  ['table.inPackets', (r) => String(r.director.in_packets)],
  ['table.outPackets', (r) => String(r.director.out_packets)],
  ['table.inBytes', (r) => String(r.director.in_bytes)],
  ['table.outBytes', (r) => String(r.director.out_bytes)],
  ['table.replyVia', (r, t) => t(r.reply_via_director ? 'table.yes' : 'table.no')],
  ['table.ports', (r, t) => t(r.ports_rewritten ? 'table.yes' : 'table.no')],
  ['table.broadcast', (r, t) => t(r.one_broadcast_domain ? 'table.yes' : 'table.no')],
  ['table.requestPath', (r, t) => (r.paths.request.length ? r.paths.request.join(' → ') : t('table.noPath'))],
  ['table.replyPath', (r, t) => (r.paths.reply.length ? r.paths.reply.join(' → ') : t('table.noPath'))],
];

/** Memoised: it does not change as the view steps. */
export const CompareTable = memo(function CompareTable({ rows, requests }: { rows: readonly CompareRow[]; requests: number }) {
  const t = useCompareT();
  return (
    <table className="cmp-table" data-testid="cmp-table">
      <caption>{t(requests === 1 ? 'table.captionOne' : 'table.caption', { requests })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('table.metric')}</th>
          {rows.map((r, i) => <th key={i} scope="col">{r.id}</th>)}
        </tr>
      </thead>
      <tbody>
        {ROWS.map(([label, cell]) => (
          <tr key={label}>
            <th scope="row">{t(label)}</th>
            {rows.map((r, i) => <td key={i}>{cell(r, t)}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
});
