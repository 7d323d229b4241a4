/**
 * The IPVS connection table: entries found by the client side (input), by the server side
 * (NAT replies, output) and persistence templates; timers kept as `expiresAt` (simulated ms)
 * with no timers of its own. Spec: Linux net/netfilter/ipvs/ip_vs_conn.c (ip_vs_conn_new,
 * __ip_vs_conn_in_get, ip_vs_conn_out_get, ip_vs_ct_in_get, ip_vs_conn_expire,
 * ip_vs_check_template), ip_vs_core.c ip_vs_in_hook (connection reuse) and
 * ip_vs_proto_{tcp,udp}.c state transitions.
 *
 * Order: /proc/net/ip_vs_conn (what `ipvsadm -L -c` reads) walks a hash table seeded with a
 * random number at boot, so a real kernel lists entries in an order that changes per boot.
 * We list them in creation order: stable, and as good as any order the kernel could print.
 */
import type { Ipv4 } from '../addr/ipv4';
import { accountTcpStateChange, bindDest, countConn, unbindDest } from './accounting';
import { TimedHeap } from '../sim/timed-heap';
import { ConnIndex, endKey, portProtoKey, type IndexLinks, type TemplateProto } from './conn-index';
import { effectiveDirection, nextTcpState } from './tcp-state';
import { DEFAULT_TIMEOUTS, EXPIRE_LATER_MS, NEW_CONN_TIMEOUT_MS, tcpTimeoutMs, type IpvsTimeouts } from './timeouts';
import { ConnIdentity, type DestState, type IpvsConn, type IpvsTcpState, type ServiceProto, type ServiceState } from './types';

/** An entry with the kernel flags the shell and ipvsadm need beyond IpvsConn. */
export interface ConnEntry extends IpvsConn {
  /** IP_VS_CONN_F_NOOUTPUT: set for DR/TUN; cleared by the first output packet. */
  noOutput: boolean;
  /** cp->timeout: what the timer restarts with after each packet, ms. */
  timeoutMs: number;
  /** cp->control: the persistence template this connection was made from. */
  control: ConnEntry | null;
  /** cp->n_control: connections this entry controls; while > 0 it cannot expire. */
  nControl: number;
  /** Template state IP_VS_CTPL_S_ASSURED: a controlled connection got ESTABLISHED (UDP: a reply). */
  assured: boolean;
}

export interface TemplateKey {
  readonly proto: TemplateProto;
  readonly caddr: Ipv4;
  readonly vaddr: Ipv4;
  readonly vport: number;
}

export interface NewConn extends ConnIdentity {
  readonly traceConn: number;
}

/**
 * A connection entry: a class, so the ~30 fields are laid out once by the constructors (one
 * per connection). Beyond ConnEntry it carries what only the table and its indexes use.
 */
class ConnRecord extends ConnIdentity implements ConnEntry, IndexLinks<ConnRecord> {
  readonly traceConn: number;
  readonly method: ConnEntry['method'];
  state: ConnEntry['state'];
  expiresAt: number;
  inactive = true;
  noOutput: boolean;
  control: ConnEntry | null = null;
  nControl = 0;
  assured = false;
  /** The time of the entry's live slot in the table's timer heap (NaN: none). */
  armedAt = NaN;
  /** The next (older) entry under the same key in the input, output and template indexes. */
  nextIn: ConnRecord | undefined = undefined;
  nextOut: ConnRecord | undefined = undefined;
  nextTpl: ConnRecord | undefined = undefined;
  /** Neighbours in creation order (the table's listing order), while in the table. */
  older: ConnRecord | undefined = undefined;
  newer: ConnRecord | undefined = undefined;

  constructor(
    readonly svc: ServiceState, public dest: DestState, p: NewConn, readonly template: boolean, now: number,
    public timeoutMs: number, readonly id: number,
  ) {
    super(p);
    this.traceConn = p.traceConn;
    this.method = dest.config.method;
    this.state = p.proto === 'udp' && !template ? 'UDP' : 'NONE';
    this.expiresAt = now + timeoutMs;
    this.noOutput = dest.config.method !== 'masq';
  }
}

const NOTHING_EXPIRED: readonly ConnEntry[] = Object.freeze([]);

// Client → VIP: by the VIP, then the client. A reply comes from the server (NAT) or from the VIP
// (DR/TUN replies routed via the director), to the client.
const inEnd = (c: IpvsConn): number => endKey(c.vaddr, c.vport);
const outEnd = (c: IpvsConn): number => (c.method === 'masq' ? endKey(c.daddr, c.dport) : endKey(c.vaddr, c.vport));
const clientPort = (c: IpvsConn): number => portProtoKey(c.cport, c.proto);
const tplEnd = (k: TemplateKey): number => endKey(k.vaddr, k.vport);

export class ConnTable {
  // Every entry in creation order, as a list through the entries (no hashing per connection).
  private first: ConnRecord | undefined = undefined;
  private last: ConnRecord | undefined = undefined;
  private count = 0;
  private readonly byIn = new ConnIndex<ConnRecord>('nextIn');
  private readonly byOut = new ConnIndex<ConnRecord>('nextOut');
  private readonly byTpl = new ConnIndex<ConnRecord>('nextTpl');
  // A lazy min-heap of entry timers by (expiresAt, id); stale slots are skipped when popped.
  // Each entry's live slot time is its `armedAt` (an entry that is gone has NaN).
  private readonly heap = new TimedHeap<ConnRecord>();
  private nextId = 1;

  constructor(public timeouts: IpvsTimeouts = DEFAULT_TIMEOUTS) {}

  get size(): number {
    return this.count;
  }

  /** Entries in creation order (see the file note on the kernel's order). */
  entries(): IterableIterator<ConnEntry> {
    return this.walk();
  }

  get(id: number): ConnEntry | undefined {
    for (const c of this.walk()) if (c.id === id) return c;
    return undefined;
  }

  /** __ip_vs_conn_in_get(): the entry for a client → VIP packet (templates never match). */
  lookupIn(proto: ServiceProto, caddr: Ipv4, cport: number, vaddr: Ipv4, vport: number): ConnEntry | undefined {
    return this.byIn.get(vaddr, vport, caddr, portProtoKey(cport, proto));
  }

  /**
   * ip_vs_conn_out_get(): the entry for a reply from daddr:dport to caddr:cport. For NAT that
   * is the real server; for DR/TUN entries a reply from the VIP that happens to pass the
   * director matches too (and clears their noOutput).
   */
  lookupOut(proto: ServiceProto, daddr: Ipv4, dport: number, caddr: Ipv4, cport: number): ConnEntry | undefined {
    return this.byOut.get(daddr, dport, caddr, portProtoKey(cport, proto));
  }

  /** ip_vs_ct_in_get(): a live persistence template (invalidated ones no longer match). */
  lookupTemplate(k: TemplateKey): ConnEntry | undefined {
    return this.byTpl.get(k.vaddr, k.vport, k.caddr, portProtoKey(0, k.proto));
  }

  /**
   * ip_vs_conn_new() + ip_vs_conn_stats(): a connection bound to `dest`, counted inactive,
   * state NONE (UDP: "UDP"), armed for 3 s until its first packet's setState().
   */
  createConn(svc: ServiceState, dest: DestState, p: NewConn, now: number, control: ConnEntry | null = null): ConnEntry {
    const c = this.entry(svc, dest, p, false, now, NEW_CONN_TIMEOUT_MS);
    this.byIn.add(inEnd(c), c.caddr, clientPort(c), c);
    this.byOut.add(outEnd(c), c.caddr, clientPort(c), c);
    if (control) {
      c.control = control;
      control.nControl++;
    }
    countConn(c);
    return c;
  }

  /** A persistence template <caddr/mask, 0, vaddr, vport> → <daddr, dport>, counted in PersistConn. */
  createTemplate(svc: ServiceState, dest: DestState, k: TemplateKey, dport: number, now: number, timeoutMs: number): ConnEntry {
    const p: NewConn = {
      proto: svc.config.proto, caddr: k.caddr, cport: 0, vaddr: k.vaddr, vport: k.vport,
      daddr: dest.config.addr, dport, traceConn: -1,
    };
    const ct = this.entry(svc, dest, p, true, now, timeoutMs);
    this.byTpl.add(tplEnd(k), k.caddr, portProtoKey(0, k.proto), ct);
    return ct;
  }

  private entry(svc: ServiceState, dest: DestState, p: NewConn, template: boolean, now: number, timeoutMs: number): ConnRecord {
    const c = new ConnRecord(svc, dest, p, template, now, timeoutMs, this.nextId++);
    bindDest(c);
    c.older = this.last;
    if (this.last) this.last.newer = c;
    else this.first = c;
    this.last = c;
    this.count++;
    this.arm(c);
    return c;
  }

  /**
   * ip_vs_set_state() then ip_vs_conn_put(): one packet of `conn` seen in `direction`. Moves
   * the TCP state (and ActiveConn/InActConn), sets the new timeout and restarts the timer.
   * SCTP states are not modelled: an SCTP entry only has its timer restarted. Returns the state
   * before the packet (conn.state holds the one after).
   */
  setState(conn: ConnEntry, direction: 'input' | 'output', tcpFlags: number, now: number): IpvsConn['state'] {
    const from = conn.state;
    if (conn.proto === 'tcp' && from !== 'UDP') {
      const eff = effectiveDirection(direction, conn.noOutput);
      conn.noOutput = eff.noOutput;
      const to: IpvsTcpState = nextTcpState(from, eff.direction, tcpFlags);
      if (to !== from) {
        accountTcpStateChange(conn, to);
        if (to === 'ESTABLISHED') assure(conn.control);
        conn.state = to;
      }
      conn.timeoutMs = tcpTimeoutMs(this.timeouts.tcp, to);
    } else if (conn.proto === 'udp') {
      conn.timeoutMs = this.timeouts.udp;
      if (direction === 'output') assure(conn.control);
    }
    this.touch(conn, now);
    return from;
  }

  /** ip_vs_conn_put(): restart the entry's timer with its current timeout. */
  touch(conn: ConnEntry, now: number): void {
    conn.expiresAt = now + conn.timeoutMs;
    this.arm(asRecord(conn));
  }

  /**
   * ip_vs_conn_expire_now(): the timer fires at `now`; like the kernel, the entry (and its
   * counters) go on the next expire(now), so a scheduler running in between still sees it.
   */
  expireNow(conn: ConnEntry, now: number): void {
    if (conn.expiresAt <= now) return;
    conn.expiresAt = now;
    this.arm(asRecord(conn));
  }

  /**
   * ip_vs_check_template()'s invalidation: the template is rehashed with vport and dport
   * 65535 and cport 0, so lookups miss it, and it lives on until its timer (not restarted).
   */
  invalidateTemplate(ct: ConnEntry): void {
    if (ct.vport === 0xffff) return;
    const k = templateKeyOf(ct);
    this.byTpl.drop(tplEnd(k), k.caddr, portProtoKey(0, k.proto), asRecord(ct));
    const m = ct as { -readonly [K in keyof ConnEntry]: ConnEntry[K] };
    m.vport = 0xffff;
    m.dport = 0xffff;
    m.cport = 0;
  }

  private *walk(): IterableIterator<ConnRecord> {
    for (let c = this.first; c; c = c.newer) yield c;
  }

  private unlist(c: ConnRecord): void {
    if (c.older) c.older.newer = c.newer;
    else this.first = c.newer;
    if (c.newer) c.newer.older = c.older;
    else this.last = c.older;
    c.older = undefined;
    c.newer = undefined;
    this.count--;
  }

  /** When the earliest timer fires, or null when the table is empty. */
  nextExpiry(): number | null {
    for (;;) {
      const heap = this.heap;
      if (heap.size === 0) return null;
      const at = heap.ts[0] as number;
      const c = heap.items[0] as ConnRecord;
      if (c.armedAt !== at) {
        heap.pop(); // a slot superseded by an earlier one, or of an entry already gone
        continue;
      }
      if (c.expiresAt > at) {
        // Restarted since it was armed: move the slot to the new time.
        heap.pop();
        c.armedAt = NaN;
        this.arm(c);
        continue;
      }
      return at;
    }
  }

  /**
   * ip_vs_conn_expire() for every timer due by `now`, in (time, id) order. Returns the entries
   * removed (already unbound from their real servers). An entry that still controls others is
   * kept and re-armed for 60 s instead.
   */
  expire(now: number): readonly ConnEntry[] {
    // Nothing due (the usual case, once per packet): no slot needs to move yet.
    if (this.heap.size === 0 || (this.heap.ts[0] as number) > now) return NOTHING_EXPIRED;
    const gone: ConnEntry[] = [];
    for (let at = this.nextExpiry(); at !== null && at <= now; at = this.nextExpiry()) {
      // nextExpiry() has checked the top slot: its entry is live and due.
      const c = this.heap.pop();
      c.armedAt = NaN;
      if (c.nControl > 0) {
        c.timeoutMs = EXPIRE_LATER_MS;
        c.expiresAt = at + EXPIRE_LATER_MS;
        this.arm(c);
        continue;
      }
      this.unlist(c);
      if (c.template) {
        const k = templateKeyOf(c);
        this.byTpl.drop(tplEnd(k), k.caddr, portProtoKey(0, k.proto), c);
      } else {
        this.byIn.drop(inEnd(c), c.caddr, clientPort(c), c);
        this.byOut.drop(outEnd(c), c.caddr, clientPort(c), c);
      }
      if (c.control) c.control.nControl--;
      unbindDest(c);
      gone.push(c);
    }
    return gone;
  }

  /**
   * Timers are lazy: an entry has at most one heap slot, at the time it was armed for. A later
   * expiry (the usual case: each packet restarts the timer) needs no new slot: when the old slot
   * comes due, expire() finds the entry still alive and re-arms it then. Only an earlier expiry
   * (a shorter timeout after a state change) takes a new slot; the old one is skipped.
   */
  private arm(c: ConnRecord): void {
    // NaN (no live slot) compares false: the entry gets one.
    if (c.armedAt <= c.expiresAt) return;
    c.armedAt = c.expiresAt;
    if (this.heap.size > 4 * this.count + 64) {
      // Too many superseded slots: rebuild from the live ones (a sorted array is a heap).
      const live: ConnRecord[] = [];
      for (const e of this.walk()) if (!Number.isNaN(e.armedAt)) live.push(e);
      live.sort((a, b) => a.armedAt - b.armedAt || a.id - b.id);
      this.heap.reset(live.map((e) => e.armedAt), live.map((e) => e.id), live);
      return;
    }
    this.heap.push(c.expiresAt, c.id, c);
  }
}

/** Every entry a table hands out is its record: the way back to the fields only the table uses. */
const asRecord = (c: ConnEntry): ConnRecord => c as ConnRecord;

function assure(ct: ConnEntry | null): void {
  if (ct?.template) ct.assured = true;
}

/** The lookup key a template was stored under. */
export function templateKeyOf(ct: IpvsConn): TemplateKey {
  const proto: TemplateProto = ct.svc.config.fwmark !== 0 ? 'ip' : ct.proto;
  return { proto, caddr: ct.caddr, vaddr: ct.vaddr, vport: ct.vport };
}

/** The protocol column of /proc/net/ip_vs_conn (ipvsadm -L -c). */
export function procProtoName(c: IpvsConn): 'TCP' | 'UDP' | 'SCTP' | 'IP' {
  if (c.template && c.svc.config.fwmark !== 0) return 'IP';
  return c.proto === 'tcp' ? 'TCP' : c.proto === 'udp' ? 'UDP' : 'SCTP';
}

/** The state column: templates print NONE or ASSURED, connections their protocol state. */
export function procStateName(c: ConnEntry): string {
  if (c.template) return c.assured ? 'ASSURED' : 'NONE';
  return c.state;
}
