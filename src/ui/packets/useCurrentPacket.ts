/** The current step's packet (frame, previous hop, changes, label), memoised per step. */
import { useMemo } from 'react';
import { currentEventIndex } from '../store/selectors';
import { useSim } from '../store/useSim';
import { packetAt, type PacketAt } from '../trace/packet-at';

export function useCurrentPacket(): PacketAt | null {
  const index = useSim(currentEventIndex);
  const trace = useSim((s) => s.trace);
  const hosts = useSim((s) => s.hostIndex);
  const lang = useSim((s) => s.language);
  return useMemo(() => (trace && hosts ? packetAt(trace, index, hosts, lang) : null), [trace, hosts, index, lang]);
}
