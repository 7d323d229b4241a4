/**
 * A pulled cable: the interface neither sends nor receives, the bridge forgets its MAC (so frames
 * for it flood to the others), and plugged back it takes its old place in the flood order.
 */
import { describe, expect, it } from 'vitest';
import { testIface } from '../../test/builders';
import { arpFrame, receivers, threePortLan } from '../../test/lan';
import { Trace } from '../sim/trace';
import { createWorld } from '../sim/world';
import { Fdb } from './fdb';
import { plugIn, transmitFrame } from './segment';
import { isUnplugged, replug, unplug } from './cable';
import type { Segment } from './types';

const lan = threePortLan;
const frame = arpFrame;

describe('unplug and replug', () => {
  it('cuts a learned port off both ways, and the bridge floods what was addressed to it', () => {
    const { w, a, b } = lan();
    transmitFrame(w, b, frame({ src: b.mac, dst: a.mac }), 0);
    transmitFrame(w, a, frame({ src: a.mac, dst: b.mac }), 0);
    expect(receivers(w)).toEqual(['C', 'A', 'B']);
    expect(unplug(b)).toBe(true);
    expect(isUnplugged(b)).toBe(true);
    transmitFrame(w, a, frame({ src: a.mac, dst: b.mac }), 0);
    expect(receivers(w)).toEqual(['C']);
    transmitFrame(w, b, frame({ src: b.mac, dst: a.mac }), 0);
    expect(receivers(w)).toEqual([]);
  });

  it('puts the port back where it was in the flood order', () => {
    const { w, seg, a, b, c } = lan();
    unplug(b);
    expect(seg.floodOrder).toEqual([c, a]);
    expect(replug(b)).toBe(true);
    expect(seg.floodOrder).toEqual([c, b, a]);
    transmitFrame(w, a, frame({ src: a.mac, dst: b.mac }), 0);
    expect(receivers(w)).toEqual(['C', 'B']);
    expect(replug(b)).toBe(false);
  });

  it('cuts a point-to-point cable too', () => {
    const w = createWorld(1, new Trace(false, 1000));
    const a = testIface('eth0', [], { hostId: 'A' });
    const b = testIface('eth0', [], { hostId: 'B' });
    const seg: Segment = { id: 'l', kind: 'link', latencyMs: 1, ports: [a, b], fdb: new Fdb(), floodOrder: [b, a] };
    plugIn(a, seg);
    plugIn(b, seg);
    unplug(b);
    transmitFrame(w, a, frame({ src: a.mac, dst: b.mac }), 0);
    expect(receivers(w)).toEqual([]);
    replug(b);
    transmitFrame(w, a, frame({ src: a.mac, dst: b.mac }), 0);
    expect(receivers(w)).toEqual(['B']);
  });
});
