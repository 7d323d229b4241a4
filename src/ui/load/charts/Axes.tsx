/** Left and bottom axes as React SVG (d3 computes the ticks; React draws them). */
import type { ScaleLinear } from 'd3';
import { INNER_H, INNER_W, shortNumber } from './frame';

export function Axes({ x, y, xLabel, yLabel, xTicks = 6, xFormat = shortNumber }: {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  xLabel: string;
  yLabel: string;
  xTicks?: number;
  xFormat?: (n: number) => string;
}) {
  return (
    <g className="chart-axes">
      {y.ticks(5).map((v) => (
        <g key={`y${v}`} transform={`translate(0,${y(v)})`}>
          <line x2={INNER_W} className="chart-grid" />
          <text x={-6} dy="0.32em" textAnchor="end">{shortNumber(v)}</text>
        </g>
      ))}
      {x.ticks(xTicks).map((v) => (
        <g key={`x${v}`} transform={`translate(${x(v)},${INNER_H})`}>
          <line y2={5} className="chart-tick" />
          <text y={19} textAnchor="middle">{xFormat(v)}</text>
        </g>
      ))}
      <line y2={INNER_H} className="chart-axis" />
      <line y1={INNER_H} y2={INNER_H} x2={INNER_W} className="chart-axis" />
      <text className="chart-axis-label" x={INNER_W} y={INNER_H + 33} textAnchor="end">{xLabel}</text>
      <text className="chart-axis-label" transform="rotate(-90)" x={0} y={-44} textAnchor="end">{yLabel}</text>
    </g>
  );
}
