/**
 * Left and bottom axes as React SVG (d3 computes the ticks; React draws them). Memoised on the
 * domains: while a run streams, a redraw whose y axis keeps its rounded top leaves them alone.
 */
import { scaleLinear } from 'd3';
import { memo } from 'react';
import { INNER_H, INNER_W, shortNumber } from './frame';

export const Axes = memo(function Axes({ xMax, yTop, xLabel, yLabel }: {
  /** The x domain's end (the domain starts at 0). */
  xMax: number;
  /** The y domain's end, already rounded (nice). */
  yTop: number;
  xLabel: string;
  yLabel: string;
}) {
  const x = scaleLinear().domain([0, xMax]).range([0, INNER_W]);
  const y = scaleLinear().domain([0, yTop]).range([INNER_H, 0]);
  return (
    <g className="chart-axes">
      {y.ticks(5).map((v) => (
        <g key={`y${v}`} transform={`translate(0,${y(v)})`}>
          <line x2={INNER_W} className="chart-grid" />
          <text x={-6} dy="0.32em" textAnchor="end">{shortNumber(v)}</text>
        </g>
      ))}
      {x.ticks(6).map((v) => (
        <g key={`x${v}`} transform={`translate(${x(v)},${INNER_H})`}>
          <line y2={5} className="chart-tick" />
          <text y={19} textAnchor="middle">{shortNumber(v)}</text>
        </g>
      ))}
      <line y2={INNER_H} className="chart-axis" />
      <line y1={INNER_H} y2={INNER_H} x2={INNER_W} className="chart-axis" />
      <text className="chart-axis-label" x={INNER_W} y={INNER_H + 33} textAnchor="end">{xLabel}</text>
      <text className="chart-axis-label" transform="rotate(-90)" x={0} y={-44} textAnchor="end">{yLabel}</text>
    </g>
  );
});
