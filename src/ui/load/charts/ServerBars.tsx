/**
 * ActiveConn and InActConn of each real server at one moment, as `ipvsadm -L -n` shows them then:
 * a pair of horizontal bars per server (solid: active, hatched-light: inactive), its weight beside
 * its name, and a server that stopped answering marked down.
 */
import { scaleBand, scaleLinear } from 'd3';
import type { LoadPoint } from '../series';
import { H, INNER_H, INNER_W, M, serverColor, shortNumber, W } from './frame';
import { Legend } from './Legend';

const LABEL_W = 36;

export function ServerBars({ title, point, names, labels }: {
  title: string;
  point: LoadPoint | undefined;
  /** Every server of the run (so colours match the other charts). */
  names: readonly string[];
  labels: { active: string; inactive: string; down: string; empty: string; weight: string };
}) {
  const rows = names.filter((n) => point?.servers[n] !== undefined);
  let top = 1;
  for (const n of rows) top = Math.max(top, point!.servers[n]!.active, point!.servers[n]!.inactive);
  // Names and weights need a wider left margin than the other charts' axis.
  const x = scaleLinear().domain([0, top]).range([0, INNER_W - LABEL_W - 40]).nice(5);
  const y = scaleBand().domain(rows).range([0, INNER_H]).paddingInner(0.25).paddingOuter(0.1);
  const bar = y.bandwidth() / 2;
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} data-testid="chart-active">
      <title>{title}</title>
      <Legend title={title} items={[{ key: 'a', label: labels.active, color: '#1f5fbf' }, { key: 'i', label: labels.inactive, color: '#9db8e0' }]} />
      <g transform={`translate(${M.left + LABEL_W},${M.top})`}>
        {rows.length === 0 ? <text className="chart-empty" x={INNER_W / 2} y={INNER_H / 2} textAnchor="middle">{labels.empty}</text> : null}
        {x.ticks(5).map((v) => (
          <g key={v} transform={`translate(${x(v)},0)`}>
            <line y2={INNER_H} className="chart-grid" />
            <text y={INNER_H + 19} textAnchor="middle">{shortNumber(v)}</text>
          </g>
        ))}
        {rows.map((n) => {
          const s = point!.servers[n]!;
          const y0 = y(n) ?? 0;
          return (
            <g key={n} data-server={n} transform={`translate(0,${y0})`}>
              <rect x={-LABEL_W - 40} y={bar * 0.9 - 10} width={10} height={10} fill={serverColor(names, n)} />
              <text x={-6} y={bar * 0.9} textAnchor="end" fontWeight={700}>{n}</text>
              <text x={-6} y={bar * 1.9} textAnchor="end" className="chart-value">{s.up ? `${labels.weight} ${s.weight}` : labels.down}</text>
              <rect width={x(s.active)} height={bar - 1} fill="#1f5fbf" />
              <text x={x(s.active) + 4} y={bar * 0.75} className="chart-value">{s.active}</text>
              <rect y={bar} width={x(s.inactive)} height={bar - 1} fill="#9db8e0" />
              <text x={x(s.inactive) + 4} y={bar * 1.75} className="chart-value">{s.inactive}</text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}
