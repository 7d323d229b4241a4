/**
 * Everything the views need about the packet of one step: the frame, its previous hop, the
 * fields this hop changed, the host decisions (action events) in between, and its label.
 * A pure function of (trace, index), which is what makes stepping back exact.
 */
import type { ActionEventJson, FrameEventJson, TraceJson } from '../../engine';
import type { Lang } from '../i18n/i18n';
import type { HostIndex } from './host-index';
import { diffFrames, previousHop, type FieldChange } from './packet-diff';
import { labelFor, type PacketLabel } from './packet-label';

/** Host decisions that change the packet a learner is following (the narration leads with them). */
export const REWRITE_ACTIONS: ReadonlySet<string> = new Set(['ipvs-dnat', 'ipvs-snat', 'ipvs-dr-xmit', 'ipip-encap', 'ipip-decap']);

export interface PacketAt {
  index: number;
  frame: FrameEventJson;
  prev: FrameEventJson | null;
  prevIndex: number;
  changes: FieldChange[];
  /** What the sending host decided between the previous hop and this one (DNAT, encap, …). */
  causes: ActionEventJson[];
  label: PacketLabel | null;
}

export function packetAt(trace: TraceJson, index: number, hosts: HostIndex, lang: Lang): PacketAt | null {
  const frame = trace.events[index];
  if (!frame || frame.kind !== 'frame') return null;
  const prevIndex = previousHop(trace.events, index);
  const prev = prevIndex >= 0 ? (trace.events[prevIndex] as FrameEventJson) : null;
  const changes = prev ? diffFrames(prev, frame) : [];
  const causes = prev
    ? trace.events.slice(prevIndex + 1, index).filter((e): e is ActionEventJson =>
      e.kind === 'action' && e.host === frame.from.host && (frame.conn === undefined || e.conn === undefined || e.conn === frame.conn))
    : [];
  return { index, frame, prev, prevIndex, changes, causes, label: labelFor(frame, prev, changes, hosts, lang) };
}
