/** A point-to-point link as a line; a switch as a bus bar with a stub to each host. */
import { memo } from 'react';
import type { BusLayout, Point } from './layout';
import type { SegmentTitle } from './segment-title';

/** A straight wire starts under the icon; an elbow starts just below the host's addresses. */
function wirePoints(wire: readonly Point[]): string {
  const pts = wire.length === 3 && wire[1] ? [{ x: wire[1].x, y: wire[1].y - 14 }, ...wire.slice(1)] : wire;
  return pts.map((p) => `${p.x},${p.y}`).join(' ');
}

export const SegmentEdge = memo(function SegmentEdge({ seg, active, label, title, titleFont }: {
  seg: BusLayout; active: boolean; label: string | undefined;
  /** Where the name goes (segment-title.ts), at `titleFont` drawing units. */
  title: SegmentTitle | undefined; titleFont: number;
}) {
  const cls = `segment segment-${seg.kind}${active ? ' is-active' : ''}`;
  if (seg.kind === 'link') {
    return <line className={cls} x1={seg.a.x} y1={seg.a.y} x2={seg.b.x} y2={seg.b.y} data-testid={`segment-${seg.id}`} />;
  }
  return (
    <g className={cls} data-testid={`segment-${seg.id}`}>
      {[...seg.attach].map(([id, wire]) => <polyline key={id} className="stub" points={wirePoints(wire)} />)}
      <line className="bus" x1={seg.a.x} y1={seg.a.y} x2={seg.b.x} y2={seg.b.y} />
      {label && title ? (
        <text className="segment-name" x={title.x} y={title.y} textAnchor="middle" style={{ fontSize: titleFont }}>{label}</text>
      ) : null}
    </g>
  );
});
