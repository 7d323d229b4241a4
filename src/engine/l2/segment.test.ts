/**
 * The learning switch: unknown destinations flood (newest port first), learned ones go to one
 * port, a MAC that moves is followed at once, and a frame for the sender's own port goes nowhere.
 */
import { describe, expect, it } from 'vitest';
import { ip } from '../addr/ipv4';
import { MAC_ZERO, type Mac } from '../addr/mac';
import { testIface } from '../../test/builders';
import { Trace } from '../sim/trace';
import { createWorld, type World } from '../sim/world';
import type { Segment } from './types';
import type { EthernetRepr, Frame } from '../wire/repr';
import { Fdb } from './fdb';
import { plugIn, transmitFrame } from './segment';

function lan() {
  const w = createWorld(1, new Trace(false, 1000));
  const [a, b, c] = ['A', 'B', 'C'].map((h) => testIface('eth0', [], { hostId: h })) as [ReturnType<typeof testIface>, ReturnType<typeof testIface>, ReturnType<typeof testIface>];
  const seg: Segment = { id: 'sw', kind: 'switch', latencyMs: 1, ports: [a, b, c], fdb: new Fdb(), floodOrder: [c, b, a] };
  for (const i of [a, b, c]) plugIn(i, seg);
  return { w, a, b, c };
}

const frame = (eth: EthernetRepr): Frame => ({
  eth, type: 'arp', arp: { op: 'reply', senderMac: eth.src, senderIp: ip('10.0.0.1'), targetMac: MAC_ZERO, targetIp: ip('10.0.0.2') },
});

/** Who receives the frames in flight, in queue order (and empties the queue). */
function receivers(w: World): string[] {
  const out: string[] = [];
  for (let e = w.queue.pop(); e; e = w.queue.pop()) if (e.item.k === 'rx') out.push(e.item.iface.hostId);
  return out;
}

describe('learning switch', () => {
  it('floods the unknown, then delivers to the learned port only', () => {
    const { w, a, b } = lan();
    const ab: EthernetRepr = { src: a.mac, dst: b.mac };
    transmitFrame(w, a, frame(ab), 0);
    expect(receivers(w)).toEqual(['C', 'B']);
    transmitFrame(w, b, frame({ src: b.mac, dst: a.mac }), 0);
    expect(receivers(w)).toEqual(['A']);
    transmitFrame(w, a, frame(ab), 0);
    expect(receivers(w)).toEqual(['B']);
  });

  it('follows a MAC that moves to another port, even for a header it has sent before', () => {
    const { w, a, b, c } = lan();
    const ab: EthernetRepr = { src: a.mac, dst: b.mac };
    transmitFrame(w, b, frame({ src: b.mac, dst: a.mac }), 0);
    transmitFrame(w, a, frame(ab), 0);
    expect(receivers(w)).toEqual(['C', 'A', 'B']);
    // B's address now speaks from C's port (a host moved, or a duplicate MAC): the bridge relearns.
    transmitFrame(w, c, frame({ src: b.mac as Mac, dst: a.mac }), 0);
    transmitFrame(w, a, frame(ab), 0);
    expect(receivers(w)).toEqual(['A', 'C']);
  });

  it('drops a frame whose destination sits behind the port it came from', () => {
    const { w, a, b } = lan();
    transmitFrame(w, b, frame({ src: b.mac, dst: a.mac }), 0);
    receivers(w);
    transmitFrame(w, b, frame({ src: b.mac, dst: b.mac }), 0);
    expect(receivers(w)).toEqual([]);
  });
});
