/**
 * The simulated world: hosts, segments, the event queue, the trace and the seeded streams.
 * Everything stateful hangs off it; every handler takes it and reads `w.now`.
 */
import type { Ipv4 } from '../addr/ipv4';
import type { Mac } from '../addr/mac';
import type { Iface } from '../host/iface';
import type { HostRole } from '../scenario/types';
import type { RouteTable, StaticRoute } from '../route/table';
import type { ArpRepr, EthernetRepr, Frame, IcmpRepr, Ipv4Repr, UdpRepr } from '../wire/repr';
import type { NeighTable } from '../arp/neigh-table';
import type { TcpStack } from '../tcp/tcp-stack';
import type { Director } from '../ipvs/director';
import type { App } from '../host/app';
import type { OwnAddrs } from '../host/own-addrs';
import type { Segment } from '../l2/types';
import { prepareRecordShapes, type RecordSeeds } from '../wire/shapes';
import { EventQueue } from './queue';
import { createPrng, type Prng } from './prng';
import { wheelDelayMs } from './timer-wheel';
import type { Trace } from './trace';

export interface Host {
  readonly id: string;
  readonly role: HostRole;
  readonly index: number;
  readonly ifaces: Iface[];
  readonly ifByName: Map<string, Iface>;
  readonly sysctl: Map<string, number>;
  readonly statics: StaticRoute[];
  readonly routes: RouteTable;
  /** Every configured address (inet_lookup_ifaddr), for the martian-source check. */
  readonly ownAddrs: OwnAddrs;
  readonly neigh: NeighTable;
  readonly tcp: TcpStack;
  director?: Director | undefined;
  readonly apps: App[];
  /** UDP sockets by local port (what answers a datagram, and how an ICMP error reaches it). */
  readonly udp: Map<number, UdpSocket>;
  /** ICMP echo (ping) sockets by identifier: what an echo reply, or an error quoting a request, reaches. */
  readonly pings: Map<number, EchoSocket>;
  /** iptables mangle PREROUTING MARK rules, in order (the last match wins). */
  readonly marks: readonly PacketMark[];
  /** The ipip module is loaded (a tunl0 device exists). */
  readonly hasIpip: boolean;
  ipId: number;
}

export interface UdpSocket {
  onDatagram(w: World, ip: Ipv4Repr, udp: UdpRepr, conn: number): void;
  onIcmpError?(w: World, type: number, code: number): void;
}

/** An ICMP datagram socket as ping opens it: told of its echo replies and of errors quoting its requests. */
export interface EchoSocket {
  onReply(w: World, ip: Ipv4Repr, icmp: IcmpRepr): void;
  /** An ICMP error (from `from`) quoting the echo request with sequence number `seq`; a redirect's new gateway. */
  onError(w: World, from: Ipv4, type: number, code: number, seq: number, gateway?: Ipv4): void;
}

export interface PacketMark {
  readonly net: Ipv4;
  readonly len: number;
  readonly proto?: 'tcp' | 'udp';
  readonly dport?: number;
  readonly mark: number;
}

/**
 * A frame arriving at one interface: the frame's own fields plus the receiver and the trace's
 * connection id, one record per hop (not a frame and an event). IPv4 and ARP events share one
 * hidden class: both keys are always present, one undefined.
 */
export type RxEvent = { readonly k: 'rx'; readonly iface: Iface; readonly conn: number; readonly eth: EthernetRepr } & (
  | { readonly type: 'ipv4'; readonly ip: Ipv4Repr; readonly arp: undefined }
  | { readonly type: 'arp'; readonly arp: ArpRepr; readonly ip: undefined }
);

export type SimEvent = RxEvent | { readonly k: 'timer'; readonly fire: () => void };

export interface World {
  now: number;
  readonly seed: number;
  readonly hosts: Map<string, Host>;
  readonly hostList: Host[];
  readonly segments: Map<string, Segment>;
  readonly queue: EventQueue<SimEvent>;
  readonly trace: Trace;
  readonly rng: { readonly ports: Prng; readonly isn: Prng; readonly neigh: Prng; readonly ipid: Prng; readonly sched: Prng };
  /** Frames on the wire, so a run can end once clients are done and nothing is in flight. */
  inflight: number;
  activeClients: number;
  /** A live session (console, lab): time goes on between commands, so periodic timers keep running. */
  live: boolean;
  nextConnId: number;
  /** Identity of the next packet a host originates (Ipv4Repr.pid). */
  nextPacketId: number;
  /** One bit per packet identity: the packet carries a neighbour confirmation (arp/pending-confirm.ts). */
  confirmBits: Uint8Array;
  /** Who holds each MAC, for notes like "DMAC: RS1". */
  readonly macOwner: Map<Mac, Iface>;
  /** Made before the first packet so hot records keep tagged fields (wire/shapes.ts). */
  readonly recordShapes: RecordSeeds;
  /**
   * Packet sockets (live/capture.ts): called with every frame an interface sends or receives,
   * as tcpdump sees it. Undefined while nobody captures, so the hot path pays one check.
   */
  taps: FrameTap | undefined;
}

/** A frame crossing `iface`: `out` when the host transmits it, `in` when it arrives. */
export type FrameTap = (iface: Iface, dir: 'in' | 'out', frame: Frame) => void;

export function createWorld(seed: number, trace: Trace): World {
  return {
    now: 0,
    seed,
    hosts: new Map(),
    hostList: [],
    segments: new Map(),
    queue: new EventQueue<SimEvent>(),
    trace,
    rng: {
      ports: createPrng(seed, 'ports'),
      isn: createPrng(seed, 'isn'),
      neigh: createPrng(seed, 'neigh'),
      ipid: createPrng(seed, 'ipid'),
      sched: createPrng(seed, 'sched'),
    },
    inflight: 0,
    activeClients: 0,
    live: false,
    nextConnId: 1,
    nextPacketId: 1,
    confirmBits: new Uint8Array(256),
    macOwner: new Map(),
    recordShapes: prepareRecordShapes(),
    taps: undefined,
  };
}

/** Runs `fire` after `delayMs` of simulated time. Cancel by checking a generation in the closure. */
export function schedule(w: World, delayMs: number, fire: () => void): void {
  w.queue.pushAfter(w.now, delayMs, { k: 'timer', fire });
}

/**
 * Runs `fire` when a kernel wheel timer armed now for `delayMs` runs (sim/timer-wheel.ts): a
 * little late, at its bucket's tick. On the heap: its delays vary, so no FIFO lane fits them.
 */
export function scheduleWheel(w: World, delayMs: number, fire: () => void): void {
  w.queue.push(w.now + wheelDelayMs(w.now, delayMs), { k: 'timer', fire });
}

/** The host (other than `except`) that holds `a`, for narration such as "sent to RS2"; else the address. */
export function holderOf(w: World, a: Ipv4, except?: Host): string {
  for (const h of w.hostList) if (h !== except && h.ownAddrs.has(a)) return h.id;
  return `${(a >>> 24) & 255}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`;
}

export function isOwnAddress(host: Host, a: Ipv4): boolean {
  return host.ownAddrs.has(a);
}
