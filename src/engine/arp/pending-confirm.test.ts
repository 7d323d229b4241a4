import { describe, expect, it } from 'vitest';
import { createWorld } from '../sim/world';
import { Trace } from '../sim/trace';
import type { Ipv4Repr } from '../wire/repr';
import { carriesPendingConfirm, markPendingConfirm } from './pending-confirm';

const packet = (pid: number | undefined): Ipv4Repr =>
  ({ src: 1, dst: 2, ttl: 64, id: 0, df: true, tos: 0, payload: { proto: 'icmp', type: 8, code: 0, id: 1, seq: 1, data: '' }, pid }) as unknown as Ipv4Repr;

describe('a packet\'s neighbour confirmation (skb->dst_pending_confirm)', () => {
  it('is carried only by the packets marked, far past the first bytes of the bit set', () => {
    const w = createWorld(1, new Trace(false, 10));
    markPendingConfirm(w, 3);
    markPendingConfirm(w, 70_001);
    expect([2, 3, 4, 70_000, 70_001, 70_002].map((pid) => carriesPendingConfirm(w, packet(pid)))).toEqual([false, true, false, false, true, false]);
  });

  it('is never carried by a packet without an identity, nor by one past the bits kept', () => {
    const w = createWorld(1, new Trace(false, 10));
    expect(carriesPendingConfirm(w, packet(undefined))).toBe(false);
    expect(carriesPendingConfirm(w, packet(1_000_000))).toBe(false);
  });
});
