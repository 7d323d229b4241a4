/**
 * The presenter's caption for one step in one language: where the frame goes (the room follows
 * the packet hop by hop, and successive hops of one packet share the engine's note), the
 * rewrites the hop carries (DNAT, SNAT, DR's MAC, encapsulation: the lesson, as the narration
 * panel leads with them) and the engine's note for the step. Pure, so the caption can be built for English and Chinese at once.
 */
import type { TraceJson } from '../../engine';
import type { Lang } from '../i18n/i18n';
import type { HostIndex } from '../trace/host-index';
import { noteText } from '../trace/note-text';
import { REWRITE_ACTIONS, type PacketAt } from '../trace/packet-at';

export interface Caption {
  /** "C client → R router" for a frame; null for what happens inside one host. */
  hop: string | null;
  causes: Array<{ seq: number; action: string; text: string }>;
  note: string;
}

export function captionFor(lang: Lang, trace: TraceJson, hosts: HostIndex, index: number, packet: PacketAt | null): Caption | null {
  const event = trace.events[index];
  if (!event) return null;
  const causes = (packet?.causes ?? []).filter((c) => REWRITE_ACTIONS.has(c.action))
    .map((c) => ({ seq: c.seq, action: c.action, text: noteText(lang, c.note, trace, hosts) }));
  const hop = event.kind === 'frame'
    ? `${hosts.name(event.from.host, lang)} → ${event.to.map((r) => hosts.name(r.host, lang)).join(', ')}`
    : null;
  return { hop, causes, note: noteText(lang, event.note, trace, hosts) };
}
