/**
 * The chart's title and a one-line legend in its top margin, so an exported SVG carries both.
 * Items sit one after another at their labels' estimated widths (CJK characters count double).
 */
import { memo } from 'react';
import { M } from './frame';

export interface LegendItem {
  key: string;
  label: string;
  color: string;
  dashed?: boolean;
}

const textWidth = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 14 : 7.6), 0);

type LegendProps = { title: string; items: readonly LegendItem[] };

const sameItems = (a: LegendProps, b: LegendProps) => a.title === b.title && a.items.length === b.items.length
  && a.items.every((it, i) => {
    const o = b.items[i] as LegendItem;
    return it.key === o.key && it.label === o.label && it.color === o.color && it.dashed === o.dashed;
  });

/** Redrawn only when its title or items change (a chart passes new arrays on every redraw). */
export const Legend = memo(function Legend({ title, items }: LegendProps) {
  let x = 0;
  const placed = items.map((it) => {
    const at = x;
    x += 22 + textWidth(it.label) + 16;
    return { it, at };
  });
  return (
    <>
      <text className="chart-title" x={10} y={19}>{title}</text>
      <g className="chart-legend" transform={`translate(${M.left},40)`}>
        {placed.map(({ it, at }) => (
          <g key={it.key} transform={`translate(${at},0)`}>
            <line x2={18} y1={-4} y2={-4} stroke={it.color} strokeWidth={3} strokeDasharray={it.dashed ? '5 3' : undefined} />
            <text x={22}>{it.label}</text>
          </g>
        ))}
      </g>
    </>
  );
}, sameItems);
