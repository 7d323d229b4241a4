/**
 * The trace recorder. Retained mode keeps every event as a compact record (frames keep
 * references to the immutable headers of that hop); streaming mode keeps only running counters,
 * so a long load run uses constant memory. Callers on hot paths test `retain` before building
 * a detail object.
 */
import type { Endpoint } from '../host/iface';
import type { ArpRepr, EthernetRepr, Frame, Ipv4Repr } from '../wire/repr';
import type { DropReason } from './reasons';

export type Detail = Record<string, string | number | boolean>;
export type Params = Record<string, string | number>;

export interface FrameEvent {
  readonly kind: 'frame';
  readonly seq: number;
  readonly t: number;
  readonly segment: string;
  readonly from: Endpoint;
  readonly to: readonly Endpoint[];
  readonly frame: Frame;
  readonly conn: number;
}

export interface ActionEvent {
  readonly kind: 'action';
  readonly seq: number;
  readonly t: number;
  readonly host: string;
  readonly action: string;
  readonly detail: Detail;
  readonly conn: number;
  readonly note: string;
  readonly params: Params;
}

export interface DropEvent {
  readonly kind: 'drop';
  readonly seq: number;
  readonly t: number;
  readonly host: string;
  readonly reason: DropReason;
  readonly ip?: Ipv4Repr;
  readonly arp?: ArpRepr;
  readonly conn: number;
  readonly note: string;
  readonly params: Params;
}

export type TraceEvent = FrameEvent | ActionEvent | DropEvent;

export interface StreamStats {
  frames: number;
  actions: number;
  drops: number;
  dropsByReason: Record<string, number>;
  requestsOk: number;
  requestsFailed: number;
  /** Sum and max of request completion times (connect → response), ms. */
  latencySumMs: number;
  latencyMaxMs: number;
}

/** Where a frame went: one shared record per sending interface and set of receivers. */
export interface Hop {
  readonly segment: string;
  readonly from: Endpoint;
  readonly to: readonly Endpoint[];
}

// Retained events are classes so that a long trace keeps only what differs per event: the
// kind lives on the prototype, a frame keeps its shared hop, Ethernet header and packet (the
// frame wrapper is rebuilt when read), and readers see the FrameEvent/ActionEvent fields.
abstract class FrameRecord implements FrameEvent {
  constructor(readonly seq: number, readonly t: number, private readonly hop: Hop, protected readonly eth: EthernetRepr, readonly conn: number) {}
  get kind(): 'frame' {
    return 'frame';
  }
  get segment(): string {
    return this.hop.segment;
  }
  get from(): Endpoint {
    return this.hop.from;
  }
  get to(): readonly Endpoint[] {
    return this.hop.to;
  }
  abstract get frame(): Frame;
}

class IpFrameRecord extends FrameRecord {
  constructor(seq: number, t: number, hop: Hop, eth: EthernetRepr, private readonly ip: Ipv4Repr, conn: number) {
    super(seq, t, hop, eth, conn);
  }
  get frame(): Frame {
    return { eth: this.eth, type: 'ipv4', ip: this.ip };
  }
}

class ArpFrameRecord extends FrameRecord {
  constructor(seq: number, t: number, hop: Hop, eth: EthernetRepr, private readonly arp: ArpRepr, conn: number) {
    super(seq, t, hop, eth, conn);
  }
  get frame(): Frame {
    return { eth: this.eth, type: 'arp', arp: this.arp };
  }
}

class ActionRecord implements ActionEvent {
  constructor(
    readonly seq: number, readonly t: number, readonly host: string, readonly action: string, readonly detail: Detail,
    readonly conn: number, readonly note: string, readonly params: Params,
  ) {}
  get kind(): 'action' {
    return 'action';
  }
}

export class Trace {
  readonly events: TraceEvent[] = [];
  private seq = 0;
  readonly stats: StreamStats = {
    frames: 0, actions: 0, drops: 0, dropsByReason: {}, requestsOk: 0, requestsFailed: 0, latencySumMs: 0, latencyMaxMs: 0,
  };

  /**
   * `retain`: handlers build every event (their details and notes). `keep` (default: retain)
   * stores them; a world that is only looked at emits them all, so its seq numbers are the
   * retained run's, and keeps none.
   */
  constructor(readonly retain: boolean, readonly maxEvents: number, private readonly keep = retain) {}

  get count(): number {
    return this.seq;
  }

  get full(): boolean {
    return this.seq >= this.maxEvents;
  }

  frame(t: number, segment: string, from: Endpoint, to: readonly Endpoint[], frame: Frame, conn: number): void {
    this.frameOn(t, { segment, from, to }, frame, conn);
  }

  /** A frame on a hop record the caller keeps (transmitFrame shares one per interface and receivers). */
  frameOn(t: number, hop: Hop, frame: Frame, conn: number): void {
    this.stats.frames++;
    const seq = this.seq++;
    if (!this.keep) return;
    this.events.push(frame.type === 'ipv4'
      ? new IpFrameRecord(seq, t, hop, frame.eth, frame.ip, conn)
      : new ArpFrameRecord(seq, t, hop, frame.eth, frame.arp, conn));
  }

  action(t: number, host: string, action: string, detail: Detail, conn: number, params: Params = {}, note?: string): void {
    this.stats.actions++;
    const seq = this.seq++;
    if (this.keep) this.events.push(new ActionRecord(seq, t, host, action, detail, conn, note ?? actionNote(action), params));
  }

  drop(t: number, host: string, reason: DropReason, pkt: { ip?: Ipv4Repr; arp?: ArpRepr }, conn: number, params: Params = {}, note = `drop.${reason}`): void {
    this.stats.drops++;
    this.stats.dropsByReason[reason] = (this.stats.dropsByReason[reason] ?? 0) + 1;
    const seq = this.seq++;
    if (this.keep) this.events.push({ kind: 'drop', seq, t, host, reason, ...pkt, conn, note, params });
  }
}

/** `action.<name>`, made once per action name rather than once per event. */
const ACTION_NOTES = new Map<string, string>();
function actionNote(action: string): string {
  let note = ACTION_NOTES.get(action);
  if (note === undefined) ACTION_NOTES.set(action, (note = `action.${action}`));
  return note;
}
