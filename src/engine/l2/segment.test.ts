/**
 * The learning switch: unknown destinations flood (newest port first), learned ones go to one
 * port, a MAC that moves is followed at once, and a frame for the sender's own port goes nowhere.
 */
import { describe, expect, it } from 'vitest';
import type { Mac } from '../addr/mac';
import { arpFrame, receivers, threePortLan } from '../../test/lan';
import type { EthernetRepr } from '../wire/repr';
import { transmitFrame } from './segment';

const lan = threePortLan;
const frame = arpFrame;

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
