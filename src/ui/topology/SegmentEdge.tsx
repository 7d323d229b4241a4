/** A point-to-point link as a line; a switch as a bus bar with a stub to each host. */
import { memo } from 'react';
import type { BusLayout, Point } from './layout';

/** A straight wire starts under the icon; an elbow starts just below the host's addresses. */
function wirePoints(wire: readonly Point[]): string {
  const pts = wire.length === 3 && wire[1] ? [{ x: wire[1].x, y: wire[1].y - 14 }, ...wire.slice(1)] : wire;
  return pts.map((p) => `${p.x},${p.y}`).join(' ');
}

export const SegmentEdge = memo(function SegmentEdge({ seg, active, label }: {
  seg: BusLayout; active: boolean; label: string | undefined;
}) {
  const cls = `segment segment-${seg.kind}${active ? ' is-active' : ''}`;
  if (seg.kind === 'link') {
    return <line className={cls} x1={seg.a.x} y1={seg.a.y} x2={seg.b.x} y2={seg.b.y} data-testid={`segment-${seg.id}`} />;
  }
  const vertical = seg.a.x === seg.b.x;
  return (
    <g className={cls} data-testid={`segment-${seg.id}`}>
      {[...seg.attach].map(([id, wire]) => <polyline key={id} className="stub" points={wirePoints(wire)} />)}
      <line className="bus" x1={seg.a.x} y1={seg.a.y} x2={seg.b.x} y2={seg.b.y} />
      {label ? (
        <text className="segment-name" x={vertical ? seg.a.x : seg.b.x} y={vertical ? seg.a.y - 12 : seg.b.y - 12}
          textAnchor={vertical ? 'middle' : 'end'}>{label}</text>
      ) : null}
    </g>
  );
});
