/**
 * The trace recorder. Retained mode keeps every event as a compact record (frames keep a
 * reference to the immutable frame of that hop); streaming mode keeps only running counters,
 * so a long load run uses constant memory. Callers on hot paths test `retain` before building
 * a detail object.
 */
import type { Endpoint } from '../host/iface';
import type { ArpRepr, Frame, Ipv4Repr } from '../wire/repr';
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

export class Trace {
  readonly events: TraceEvent[] = [];
  private seq = 0;
  readonly stats: StreamStats = {
    frames: 0, actions: 0, drops: 0, dropsByReason: {}, requestsOk: 0, requestsFailed: 0, latencySumMs: 0, latencyMaxMs: 0,
  };

  constructor(readonly retain: boolean, readonly maxEvents: number) {}

  get count(): number {
    return this.seq;
  }

  get full(): boolean {
    return this.seq >= this.maxEvents;
  }

  frame(t: number, segment: string, from: Endpoint, to: readonly Endpoint[], frame: Frame, conn: number): void {
    this.stats.frames++;
    const seq = this.seq++;
    if (this.retain) this.events.push({ kind: 'frame', seq, t, segment, from, to, frame, conn });
  }

  action(t: number, host: string, action: string, detail: Detail, conn: number, params: Params = {}, note = `action.${action}`): void {
    this.stats.actions++;
    const seq = this.seq++;
    if (this.retain) this.events.push({ kind: 'action', seq, t, host, action, detail, conn, note, params });
  }

  drop(t: number, host: string, reason: DropReason, pkt: { ip?: Ipv4Repr; arp?: ArpRepr }, conn: number, params: Params = {}, note = `drop.${reason}`): void {
    this.stats.drops++;
    this.stats.dropsByReason[reason] = (this.stats.dropsByReason[reason] ?? 0) + 1;
    const seq = this.seq++;
    if (this.retain) this.events.push({ kind: 'drop', seq, t, host, reason, ...pkt, conn, note, params });
  }
}
