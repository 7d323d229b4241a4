/**
 * The current step drawn over the topology: a frame's packet gliding along its path to every
 * receiver (an ARP broadcast fans out), its label at the middle of the way; a drop as a red ✕
 * at the host with the reason; a host decision (full view) as a bubble over the host.
 */
import { useContext } from 'react';
import { translate, translateDynamic } from '../i18n/i18n';
import { hopDuration } from '../shell/usePlayback';
import { currentEventIndex } from '../store/selectors';
import { useSim } from '../store/useSim';
import { NARROW, useMediaQuery } from '../shell/useMediaQuery';
import { framePath, type Layout, type Rect } from '../topology/layout';
import { addrsOf } from '../trace/event-row';
import { Glider } from './Glider';
import { layoutLabel, layoutLines, placeBeside, placeBox } from './label-box';
import { labelScale, LabelMinPx } from './label-scale';
import { PacketLabelView } from './PacketLabelView';
import { useCurrentPacket } from './useCurrentPacket';
import { useReducedMotion } from './useReducedMotion';

/**
 * `obstacles`: what the label keeps clear of, when the hosts' text is drawn elsewhere than laid
 * out (a phone); `bounds`: where it may go (default: the drawing's bounds).
 */
export function PacketLayer({ layout, obstacles = layout.obstacles, bounds = layout.bounds }: { layout: Layout; obstacles?: readonly Rect[]; bounds?: Rect | undefined }) {
  const index = useSim(currentEventIndex);
  const event = useSim((s) => s.trace?.events[index]);
  const lang = useSim((s) => s.language);
  const speedIndex = useSim((s) => s.speedIndex);
  const reduce = useReducedMotion();
  const packet = useCurrentPacket();
  const scale = useLabelScale();
  if (!event) return null;

  if (event.kind === 'frame') {
    const paths = event.to.map((r) => framePath(layout, event.segment, event.from.host, r.host)).filter((p) => p.length > 1);
    const first = paths[0];
    const label = packet?.label;
    let box = null;
    let tags: string[] = [];
    if (label?.kind === 'ip') {
      const was = (fs: typeof label.outer) => fs.map((f) => (f.was ? { ...f, was: translate(lang, 'inspector.before', { value: f.was }) } : f));
      box = layoutLabel(was(label.outer), label.inner ? was(label.inner) : null);
      tags = label.rewrites.map((r) => translate(lang, `label.${r}`));
    } else if (label?.kind === 'arp') {
      box = layoutLines([label.op === 'request'
        ? translate(lang, 'label.arpRequest', { target: label.targetIp })
        : translate(lang, 'label.arpReply', { ip: label.senderIp, owner: label.owner })]);
    }
    return (
      <g className="packet-layer" data-testid="packet-layer" data-event={index}>
        {paths.map((p, i) => <Glider key={`${index}-${i}`} path={p} duration={(hopDuration(speedIndex) * 0.75) / 1000} reduce={reduce} />)}
        {box && first && label ? (
          <PacketLabelView box={box} at={placeBox(first, box.w * scale, box.h * scale, obstacles, bounds)} tone={label.kind} tags={tags}
            text={label.text} stepKey={index} scale={scale} />
        ) : null}
      </g>
    );
  }

  const at = layout.hosts.get(event.host);
  const hostBox = layout.boxes.get(event.host);
  if (!at || !hostBox) return null;
  const lines = event.kind === 'drop'
    ? [translate(lang, 'topology.dropped', { reason: translateDynamic(lang, `reasons.${event.reason}`) }), addrsOf(event.ip)].filter(Boolean)
    : [event.action];
  const box = layoutLines(lines);
  const corner = placeBeside(hostBox, box.w * scale, box.h * scale, [...layout.boxes.values()], layout.bounds);
  return (
    <g className="packet-layer" data-testid="packet-layer" data-event={index}>
      {event.kind === 'drop' ? (
        <g className="drop-mark" transform={`translate(${at.x + 26},${at.y - 26})`} data-testid="drop-mark">
          <circle r={16} />
          <path d="M-7 -7 L7 7 M7 -7 L-7 7" />
        </g>
      ) : <circle className="action-ring" cx={at.x} cy={at.y} r={46} />}
      <PacketLabelView box={box} at={corner} tone={event.kind === 'drop' ? 'drop' : 'action'} tags={[]}
        text={lines.join(' ')} stepKey={index} scale={scale} />
    </g>
  );
}

/**
 * On a phone or tablet the fit shrinks the drawing (k < 1): the label grows back so its rows
 * (21 units) draw at ≥ 12.5 px, and is placed at that size. Wide screens draw it as laid out,
 * unless a view sets a minimum (presenter mode).
 */
function useLabelScale(): number {
  const narrow = useMediaQuery(NARROW);
  const k = useSim((s) => s.viewport.k);
  // Presenter mode asks for labels readable from the back of the room (label-scale.ts).
  const presenter = labelScale(useContext(LabelMinPx), k);
  return Math.max(presenter, narrow ? Math.max(1, 12.5 / 21 / k) : 1);
}
