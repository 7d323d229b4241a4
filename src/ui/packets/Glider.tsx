/**
 * The packet gliding along its path at constant speed. The browser animates it (Web Animations,
 * a transform per keyframe): no script runs per frame, which a phone's main thread cannot spare
 * while it draws the next step. Without animation (reduced motion, jsdom) it sits at the end.
 */
import { useLayoutEffect, useRef } from 'react';
import type { Point } from '../topology/layout';
import { flightOf } from './flight-path';

interface Props {
  path: Point[];
  /** Seconds. */
  duration: number;
  reduce: boolean;
}

export function Glider({ path, duration, reduce }: Props) {
  const ref = useRef<SVGGElement>(null);
  const f = flightOf(path);
  const at = (i: number) => `translate(${f.xs[i] ?? 0}px, ${f.ys[i] ?? 0}px)`;
  // One string for the whole flight, so a re-render of the same step does not restart it.
  const keyframes = JSON.stringify(f.times.map((offset, i) => ({ transform: at(i), offset })));
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || reduce || typeof el.animate !== 'function') return;
    const flight = el.animate(JSON.parse(keyframes) as Keyframe[], { duration: duration * 1000, easing: 'linear', fill: 'forwards' });
    return () => flight.cancel();
  }, [keyframes, duration, reduce]);
  const last = f.xs.length - 1;
  return (
    <g ref={ref} className="packet-glider" transform={`translate(${f.xs[last] ?? 0},${f.ys[last] ?? 0})`}>
      {/* Presenter mode's laser pointer (presenter.css); hidden elsewhere. */}
      <circle className="laser" r={30} />
      <rect x={-13} y={-9} width={26} height={18} rx={3} />
      <path d="M-13 -9 L0 2 L13 -9" />
    </g>
  );
}
