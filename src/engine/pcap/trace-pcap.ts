/** A run's frames as pcapng: one interface per segment, one packet per frame event, in order. */
import { encodeFrame } from '../wire/frame';
import type { TraceEvent } from '../sim/trace';
import { buildPcapng } from './pcapng';

export function traceToPcapng(segmentIds: readonly string[], events: readonly TraceEvent[]): Uint8Array {
  const index = new Map(segmentIds.map((id, i) => [id, i]));
  const packets: Array<{ iface: number; tMs: number; bytes: Uint8Array }> = [];
  for (const e of events) {
    if (e.kind !== 'frame') continue;
    const iface = index.get(e.segment);
    if (iface === undefined) continue;
    packets.push({ iface, tMs: e.t, bytes: encodeFrame(e.frame) });
  }
  return buildPcapng(segmentIds, packets);
}
