/** A one-line legend inside the chart's top margin, so an exported SVG carries it. */
import { M, W } from './frame';

export interface LegendItem {
  key: string;
  label: string;
  color: string;
  dashed?: boolean;
}

export function Legend({ items }: { items: readonly LegendItem[] }) {
  // Evenly spread over the width: labels are short (RS1, director in, …).
  const step = (W - M.left) / Math.max(1, items.length);
  return (
    <g className="chart-legend" transform={`translate(${M.left},14)`}>
      {items.map((it, i) => (
        <g key={it.key} transform={`translate(${Math.min(i * step, W - M.left - 60)},0)`}>
          <line x2={18} y1={-4} y2={-4} stroke={it.color} strokeWidth={3} strokeDasharray={it.dashed ? '5 3' : undefined} />
          <text x={22} dy="0">{it.label}</text>
        </g>
      ))}
    </g>
  );
}
