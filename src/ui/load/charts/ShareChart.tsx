/**
 * Each real server's share of the new connections against its weight's share of the total:
 * with a scheduler that follows weights the two bars match; a failed server's share falls
 * while the health checker has not yet taken its weight away.
 */
import { scaleBand, scaleLinear } from 'd3';
import type { ShareRow } from '../series';
import { H, INNER_H, INNER_W, M, serverColor, W } from './frame';
import { Legend } from './Legend';

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function ShareChart({ title, rows, names, labels }: {
  title: string;
  rows: readonly ShareRow[];
  names: readonly string[];
  labels: { share: string; weight: string; empty: string };
}) {
  const x = scaleBand().domain(rows.map((r) => r.server)).range([0, INNER_W]).paddingInner(0.3).paddingOuter(0.15);
  const y = scaleLinear().domain([0, 1]).range([INNER_H, 0]);
  const bw = x.bandwidth() / 2;
  // A value over its bar, or just inside a bar that reaches the legend's row.
  const valueY = (v: number) => (y(v) < 24 ? y(v) + 16 : y(v) - 4);
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} data-testid="chart-share">
      <title>{title}</title>
      <Legend title={title} items={[{ key: 's', label: labels.share, color: '#4a5261' }, { key: 'w', label: labels.weight, color: '#c9ced8' }]} />
      <g transform={`translate(${M.left},${M.top})`}>
        {rows.length === 0 ? <text className="chart-empty" x={INNER_W / 2} y={INNER_H / 2} textAnchor="middle">{labels.empty}</text> : null}
        {[0, 0.25, 0.5, 0.75, 1].map((v) => (
          <g key={v} transform={`translate(0,${y(v)})`}>
            <line x2={INNER_W} className="chart-grid" />
            <text x={-6} dy="0.32em" textAnchor="end">{pct(v)}</text>
          </g>
        ))}
        {rows.map((r) => {
          const x0 = x(r.server) ?? 0;
          return (
            <g key={r.server} data-server={r.server} data-share={r.share.toFixed(4)} transform={`translate(${x0},0)`}>
              <rect y={y(r.share)} width={bw - 2} height={INNER_H - y(r.share)} fill={serverColor(names, r.server)} />
              <text x={bw / 2} y={valueY(r.share)} textAnchor="middle" className="chart-value" style={y(r.share) < 24 ? { fill: '#ffffff' } : undefined}>{pct(r.share)}</text>
              <rect x={bw} y={y(r.weightShare)} width={bw - 2} height={INNER_H - y(r.weightShare)} fill="#c9ced8" stroke={serverColor(names, r.server)} />
              <text x={bw * 1.5} y={valueY(r.weightShare)} textAnchor="middle" className="chart-value">{pct(r.weightShare)}</text>
              <text x={bw} y={INNER_H + 19} textAnchor="middle" fontWeight={700}>{r.server}</text>
            </g>
          );
        })}
        <line y1={INNER_H} y2={INNER_H} x2={INNER_W} className="chart-axis" />
      </g>
    </svg>
  );
}
