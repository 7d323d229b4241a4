/**
 * The network as the slides draw it: segments under hosts, the packet of the current step on
 * top. Pan and zoom with d3-zoom (useZoom); the fit button and the F key fit it to the screen.
 */
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { actionById } from '../actions';
import { textIn } from '../i18n/i18n';
import { useT } from '../i18n/useI18n';
import { LabelMinPx } from '../packets/label-scale';
import { PacketLayer } from '../packets/PacketLayer';
import { currentEvent } from '../store/selectors';
import { useSim, useSimStoreApi } from '../store/useSim';
import { Icon } from '../shell/Icon';
import { NARROW, useMediaQuery } from '../shell/useMediaQuery';
import { blockBox, blocksAbove, hostNameScale, hostTextScale, hostTextTransform } from './host-text';
import { HostNode, nameHead } from './HostNode';
import { ifaceLines, specInterfaces, vipSet } from './iface-lines';
import { layoutScenario, onScreen } from './layout';
import { SegmentEdge } from './SegmentEdge';
import { segmentTitle, TITLE_FONT, type SegmentTitle } from './segment-title';
import { useSwipe } from './useSwipe';
import { useZoom } from './useZoom';

export function Topology() {
  const t = useT();
  const store = useSimStoreApi();
  const scenario = useSim((s) => s.scenario);
  const trace = useSim((s) => s.trace);
  const index = useSim((s) => s.hostIndex);
  const lang = useSim((s) => s.language);
  const selectedHost = useSim((s) => s.selectedHost);
  const viewport = useSim((s) => s.viewport);
  const fitRequest = useSim((s) => s.fitRequest);
  const event = useSim(currentEvent);
  const inspectHost = useSim((s) => s.inspectHost);
  const setViewport = useSim((s) => s.setViewport);

  const svgRef = useRef<SVGSVGElement>(null);
  const { fitTo } = useZoom(svgRef, setViewport);
  useSwipe(svgRef, useSim((s) => s.stepForward), useSim((s) => s.stepBack));
  const layout = useMemo(() => (scenario ? layoutScenario(scenario) : null), [scenario]);

  useEffect(() => {
    if (layout) fitTo(layout.bounds);
  }, [layout, fitRequest, fitTo]);
  // The svg's size, for the part of the drawing on screen (a phone's fit leaves room above and below it).
  const [size, setSize] = useState<{ w: number; h: number } | null>(null);
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || !layout) return;
    const ro = new ResizeObserver(([entry]) => {
      fitTo(layout.bounds);
      if (entry) setSize({ w: entry.contentRect.width, h: entry.contentRect.height });
    });
    ro.observe(svg);
    return () => ro.disconnect();
  }, [layout, fitTo]);

  const lines = useMemo(() => {
    const out = new Map<string, ReturnType<typeof ifaceLines>>();
    if (!scenario) return out;
    const vips = vipSet(scenario);
    for (const h of scenario.hosts) out.set(h.id, ifaceLines(trace?.hosts[h.id]?.interfaces ?? specInterfaces(scenario, h.id), vips));
    return out;
  }, [scenario, trace]);

  // A narrow screen draws each host's text larger, and above the icon where it would collide;
  // so does a view that asks for a minimum text size (presenter mode, for the back of a room).
  const narrow = useMediaQuery(NARROW);
  const labelMinPx = useContext(LabelMinPx);
  const textScale = Math.max(narrow ? hostTextScale(viewport.k) : 1, hostNameScale(labelMinPx, viewport.k));
  // Segment names: drawn at ≥ 12.5 px on a narrow screen, at the view's minimum (presenter mode's
  // 24 px) where one is asked, always inside the drawing.
  const titleFont = Math.max(TITLE_FONT, narrow ? 12.5 / viewport.k : 0, labelMinPx > 0 ? (labelMinPx + 0.5) / viewport.k : 0);
  const titles = useMemo(() => {
    const out = new Map<string, { text: string; at: SegmentTitle }>();
    if (!scenario || !layout) return out;
    for (const seg of layout.segments.values()) {
      const name = scenario.segments.find((s) => s.id === seg.id)?.name;
      if (seg.kind !== 'switch' || !name) continue;
      const text = textIn(lang, name);
      out.set(seg.id, { text, at: segmentTitle(seg, text, titleFont, layout.bounds) });
    }
    return out;
  }, [scenario, layout, lang, titleFont]);

  const { above, obstacles } = useMemo(() => {
    const named = [...(layout?.obstacles ?? []), ...[...titles.values()].map((t) => t.at.box)];
    if (!scenario || !layout || textScale === 1) return { above: new Set<string>(), obstacles: named };
    const texts = new Map(scenario.hosts.map((h) => [h.id, {
      // A narrow screen hides the role after the host's letter (styles.css).
      name: narrow ? nameHead(index?.name(h.id, lang) ?? h.id) : index?.name(h.id, lang) ?? h.id, addrs: (lines.get(h.id) ?? []).map((l) => l.addr),
    }]));
    const up = blocksAbove(layout.hosts, texts, textScale);
    // The packet's label keeps clear of the blocks where they are drawn.
    const blocks = [...texts].flatMap(([id, text]) => {
      const at = layout.hosts.get(id);
      if (!at) return [];
      const b = blockBox(at, text, textScale, up.has(id));
      return [{ x: b.left, y: b.top, w: b.right - b.left, h: b.bottom - b.top }];
    });
    return { above: up, obstacles: [...named, ...blocks] };
  }, [scenario, layout, lines, index, lang, textScale, narrow, titles]);

  // Where a packet's label may go: on a narrow screen anywhere on screen, into the room the fit
  // leaves beside the drawing, clear of the hosts' enlarged text; on a wide one, the drawing.
  const labelBounds = narrow && size && layout ? onScreen(viewport, size) : layout?.bounds;

  const onSelect = useCallback((id: string) => inspectHost(id), [inspectHost]);
  if (!scenario || !layout) return <div className="topology-empty">{t('app.empty')}</div>;

  const from = event?.kind === 'frame' ? event.from.host : event?.host;
  const to = new Set(event?.kind === 'frame' ? event.to.map((x) => x.host) : []);
  const activeSeg = event?.kind === 'frame' ? event.segment : undefined;
  const name = (id: string) => index?.name(id, lang) ?? id;
  const fit = actionById('fit');

  return (
    <div className="topology">
      <svg ref={svgRef} className="topology-svg" role="group" aria-label={t('topology.label')} data-testid="topology">
        <g transform={`translate(${viewport.x},${viewport.y}) scale(${viewport.k})`}>
          {[...layout.segments.values()].map((seg) => (
            <SegmentEdge key={seg.id} seg={seg} active={seg.id === activeSeg} label={titles.get(seg.id)?.text}
              title={titles.get(seg.id)?.at} titleFont={titleFont} />
          ))}
          {scenario.hosts.map((h) => {
            const at = layout.hosts.get(h.id);
            if (!at) return null;
            return (
              <HostNode key={h.id} id={h.id} at={at} role={h.role} name={name(h.id)}
                ariaLabel={t('topology.host', { name: name(h.id), role: t(`roles.${h.role}`) })}
                lines={lines.get(h.id) ?? []} vipText={t('topology.vip')} selected={selectedHost === h.id}
                active={h.id === from ? 'from' : to.has(h.id) ? 'to' : null} onSelect={onSelect}
                textTransform={hostTextTransform(lines.get(h.id)?.length ?? 0, textScale, above.has(h.id))} />
            );
          })}
          <PacketLayer layout={layout} obstacles={obstacles} bounds={labelBounds} />
        </g>
      </svg>
      <button type="button" className="tool fit-button" aria-label={t(fit.labelKey)} title={`${t(fit.labelKey)} (F)`}
        data-testid="action-fit" onClick={() => fit.run(store.getState(), 'toolbar')}>
        <Icon name="fit" />
      </button>
    </div>
  );
}
