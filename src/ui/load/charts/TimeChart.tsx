/**
 * Values over simulated time, one line per series (a server's connections, the director's
 * packets…), with the run's changes marked where they happened and the picked time drawn as a
 * rule. A click picks the time under the pointer.
 */
import { scaleLinear } from 'd3';
import type { MouseEvent } from 'react';
import { Axes } from './Axes';
import { H, INNER_H, INNER_W, M, W } from './frame';
import { Legend, type LegendItem } from './Legend';
import { linePath } from './line-path';

export interface Line extends LegendItem {
  /** [t ms, value] in time order. */
  values: ReadonlyArray<readonly [number, number]>;
}

export interface Mark {
  t: number;
  label: string;
}

export interface TimeChartProps {
  title: string;
  lines: readonly Line[];
  yLabel: string;
  xLabel: string;
  /** Simulated ms the x axis spans at least (the run's planned length). */
  spanMs: number;
  marks?: readonly Mark[];
  picked?: number | null;
  onPick?: (t: number) => void;
  testId?: string;
}

export function TimeChart({ title, lines, yLabel, xLabel, spanMs, marks = [], picked = null, onPick, testId }: TimeChartProps) {
  const lastT = Math.max(spanMs, ...lines.map((l) => l.values.at(-1)?.[0] ?? 0));
  const x = scaleLinear().domain([0, lastT / 1000]).range([0, INNER_W]);
  let top = 1;
  for (const l of lines) for (const [, v] of l.values) if (v > top) top = v;
  const y = scaleLinear().domain([0, top]).range([INNER_H, 0]).nice(5);
  const xMs = (ms: number) => x(ms / 1000);
  const pick = (e: MouseEvent<SVGSVGElement>) => {
    if (!onPick) return;
    const box = e.currentTarget.getBoundingClientRect();
    const px = ((e.clientX - box.left) / box.width) * W - M.left;
    onPick(Math.max(0, Math.min(lastT, x.invert(px) * 1000)));
  };
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} data-testid={testId} onClick={pick}>
      <title>{title}</title>
      <Legend title={title} items={lines} />
      <g transform={`translate(${M.left},${M.top})`}>
        <Axes xMax={lastT / 1000} yTop={y.domain()[1] as number} xLabel={xLabel} yLabel={yLabel} />
        {marks.map((m, i) => (
          <g key={`${m.t}-${i}`} className="chart-mark" transform={`translate(${x(m.t / 1000)},0)`}>
            <line y2={INNER_H} />
            <text x={3} y={12 + (i % 3) * 15}>{m.label}</text>
          </g>
        ))}
        {lines.map((l) => (
          <path key={l.key} d={linePath(l.values, xMs, y)} fill="none" stroke={l.color} strokeWidth={2.5}
            strokeDasharray={l.dashed ? '6 4' : undefined} data-series={l.key} />
        ))}
        {picked !== null ? <line className="chart-picked" x1={x(picked / 1000)} x2={x(picked / 1000)} y2={INNER_H} /> : null}
      </g>
    </svg>
  );
}
