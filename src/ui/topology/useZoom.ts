/**
 * The d3-zoom bridge (STYLE 5, xyflow's XYPanZoom): d3 owns the pointer gestures on the svg,
 * React owns the drawing. The zoom instance is made once; every transform goes to
 * `onTransform` (the store skips no-op updates). `fitTo` animates nothing: a projected
 * screen should jump, not swim.
 */
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { select, zoom, zoomIdentity, type ZoomBehavior } from 'd3';
import type { Viewport } from '../store/types';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The transform that shows `box` centred in a `width` × `height` view, with a margin. */
export function fitTransform(box: Box, width: number, height: number, margin = 16): Viewport {
  const k = Math.min((width - 2 * margin) / box.w, (height - 2 * margin) / box.h, 2);
  return { k, x: (width - box.w * k) / 2 - box.x * k, y: (height - box.h * k) / 2 - box.y * k };
}

export function useZoom(svgRef: RefObject<SVGSVGElement | null>, onTransform: (v: Viewport) => void) {
  const zoomRef = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const onTransformRef = useRef(onTransform);
  onTransformRef.current = onTransform;

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const z = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.2, 5])
      // One finger swipes through the steps (useSwipe); two fingers pan and pinch. Mouse and
      // wheel as d3's default filter has them.
      .filter((e: MouseEvent | TouchEvent) => ('touches' in e ? e.touches.length > 1 : (!e.ctrlKey || e.type === 'wheel') && !e.button))
      .on('zoom', (e: { transform: Viewport }) => {
        const { x, y, k } = e.transform;
        onTransformRef.current({ x, y, k });
      });
    // A double click selects a host; it should not zoom.
    select(svg).call(z).on('dblclick.zoom', null);
    zoomRef.current = z;
    return () => {
      select(svg).on('.zoom', null);
      zoomRef.current = null;
    };
  }, [svgRef]);

  const fitTo = useCallback((box: Box) => {
    const svg = svgRef.current, z = zoomRef.current;
    if (!svg || !z) return;
    const { width, height } = svg.getBoundingClientRect();
    if (width === 0 || height === 0) return;
    const v = fitTransform(box, width, height);
    select(svg).call(z.transform, zoomIdentity.translate(v.x, v.y).scale(v.k));
  }, [svgRef]);

  return { fitTo };
}
