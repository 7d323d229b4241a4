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
import { IntMap } from '../sim/int-map';
import { effectiveDirection, nextTcpState } from './tcp-state';
import { DEFAULT_TIMEOUTS, EXPIRE_LATER_MS, NEW_CONN_TIMEOUT_MS, tcpTimeoutMs, type IpvsTimeouts } from './timeouts';
import type { DestState, IpvsConn, IpvsTcpState, ServiceProto, ServiceState } from './types';

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
  /** The time of the entry's live slot in the table's timer heap (NaN: none). */
  armedAt: number;
  /** The next (older) entry under the same key in the input, output and template indexes. */
  nextIn: ConnEntry | undefined;
  nextOut: ConnEntry | undefined;
  nextTpl: ConnEntry | undefined;
  /** Neighbours in creation order (the table's listing order), while in the table. */
  older: ConnEntry | undefined;
  newer: ConnEntry | undefined;
}

/** Templates of firewall-mark services use protocol IP (IPPROTO_IP) and the mark as vaddr. */
export type TemplateProto = ServiceProto | 'ip';
export interface TemplateKey {
  readonly proto: TemplateProto;
  readonly caddr: Ipv4;
  readonly vaddr: Ipv4;
  readonly vport: number;
}

export interface NewConn {
  readonly proto: ServiceProto;
  readonly caddr: Ipv4;
  readonly cport: number;
  readonly vaddr: Ipv4;
  readonly vport: number;
  readonly daddr: Ipv4;
  readonly dport: number;
  readonly traceConn: number;
}

/** A connection entry: a class, so the ~30 fields are laid out once by the constructor (one per connection). */
class ConnRecord implements ConnEntry {
  readonly proto: ServiceProto;
  readonly caddr: Ipv4;
  readonly cport: number;
  readonly vaddr: Ipv4;
  readonly vport: number;
  readonly daddr: Ipv4;
  readonly dport: number;
  readonly traceConn: number;
  readonly method: ConnEntry['method'];
  state: ConnEntry['state'];
  expiresAt: number;
  inactive = true;
  noOutput: boolean;
  control: ConnEntry | null = null;
  nControl = 0;
  assured = false;
  armedAt = NaN;
  nextIn: ConnEntry | undefined = undefined;
  nextOut: ConnEntry | undefined = undefined;
  nextTpl: ConnEntry | undefined = undefined;
  older: ConnEntry | undefined = undefined;
  newer: ConnEntry | undefined = undefined;

  constructor(
    readonly svc: ServiceState, public dest: DestState, p: NewConn, readonly template: boolean, now: number,
    public timeoutMs: number, readonly id: number,
  ) {
    this.proto = p.proto;
    this.caddr = p.caddr;
    this.cport = p.cport;
    this.vaddr = p.vaddr;
    this.vport = p.vport;
    this.daddr = p.daddr;
    this.dport = p.dport;
    this.traceConn = p.traceConn;
    this.method = dest.config.method;
    this.state = p.proto === 'udp' && !template ? 'UDP' : 'NONE';
    this.expiresAt = now + timeoutMs;
    this.noOutput = dest.config.method !== 'masq';
  }
}

const NOTHING_EXPIRED: readonly ConnEntry[] = Object.freeze([]);

/** Protocol in two bits of a numeric key (ip, tcp, udp, sctp). */
const PROTO_BITS: Readonly<Record<TemplateProto, number>> = { ip: 0, tcp: 1, udp: 2, sctp: 3 };

/**
 * Entries by (proto, a:ap, b:bp), newest first per key, in three levels of exact numbers: by
 * the side with few values (the VIP or the real server, addr·65536 + port), then the other
 * side's address, then its port with the protocol in two bits. That last level is the large
 * one, an entry per client port that comes and goes with every connection: an IntMap, which
 * takes the churn without rehashing. A lookup builds no string. Entries under one key form a
 * chain through the entries themselves (hlist-like: nextIn, nextOut or nextTpl), so a key with
 * one entry, the usual case, costs no list.
 */
class ConnIndex {
  constructor(private readonly link: 'nextIn' | 'nextOut' | 'nextTpl') {}

  // The first level is a short list scanned in order (a handful of VIPs and real servers; a
  // Map keyed by addr·65536 + port would hash a heap number on every lookup), with a Map beside
  // it once the list grows long.
  private readonly fews: number[] = [];
  private readonly tables: Array<Map<number, IntMap<ConnEntry>>> = [];
  private readonly byFew = new Map<number, Map<number, IntMap<ConnEntry>>>();
  // The key last looked up and its newest entry: a connection's packets come in runs, so most
  // lookups repeat the previous one. add() and drop() keep it exact (NaN: nothing cached).
  private lastFewAddr = NaN;
  private lastFewPort = NaN;
  private lastAddr = NaN;
  private lastPortProto = NaN;
  private lastEntry: ConnEntry | undefined = undefined;

  private byAddr(few: number): Map<number, IntMap<ConnEntry>> | undefined {
    const fews = this.fews;
    if (fews.length > SCAN_FEWS) return this.byFew.get(few);
    for (let i = 0; i < fews.length; i++) if (fews[i] === few) return this.tables[i];
    return undefined;
  }

  /** The newest entry under (fewAddr:fewPort, addr, portProto); the first level's parts come apart so a hit computes no 48-bit key. */
  get(fewAddr: number, fewPort: number, addr: number, portProto: number): ConnEntry | undefined {
    if (portProto === this.lastPortProto && addr === this.lastAddr && fewPort === this.lastFewPort && fewAddr === this.lastFewAddr) return this.lastEntry;
    const c = this.byAddr(side(fewAddr, fewPort))?.get(addr)?.get(portProto);
    this.lastFewAddr = fewAddr;
    this.lastFewPort = fewPort;
    this.lastAddr = addr;
    this.lastPortProto = portProto;
    this.lastEntry = c;
    return c;
  }

  private isLast(few: number, addr: number, portProto: number): boolean {
    return portProto === this.lastPortProto && addr === this.lastAddr && few === side(this.lastFewAddr, this.lastFewPort);
  }

  add(few: number, addr: number, portProto: number, c: ConnEntry): void {
    let byAddr = this.byAddr(few);
    if (!byAddr) {
      byAddr = new Map();
      this.fews.push(few);
      this.tables.push(byAddr);
      this.byFew.set(few, byAddr);
    }
    let byPort = byAddr.get(addr);
    if (!byPort) byAddr.set(addr, (byPort = new IntMap()));
    // Newest first, as hlist_add_head: a new entry shadows an older one with the same key.
    c[this.link] = byPort.get(portProto);
    byPort.set(portProto, c);
    if (this.isLast(few, addr, portProto)) this.lastEntry = c;
  }

  drop(few: number, addr: number, portProto: number, c: ConnEntry): void {
    if (this.lastEntry === c) this.lastFewAddr = NaN;
    const byPort = this.byAddr(few)?.get(addr);
    const head = byPort?.get(portProto);
    if (!byPort || !head) return;
    const link = this.link;
    if (head === c) {
      const next = c[link];
      if (next) byPort.set(portProto, next);
      else byPort.delete(portProto);
      c[link] = undefined;
      return;
    }
    for (let prev = head; ; ) {
      const next: ConnEntry | undefined = prev[link];
      if (next === undefined) return;
      if (next === c) {
        prev[link] = c[link];
        c[link] = undefined;
        return;
      }
      prev = next;
    }
  }
}

/** Up to this many first-level keys, a ConnIndex scans its list instead of hashing. */
const SCAN_FEWS = 8;

const side = (addr: number, port: number): number => addr * 65536 + port;
const portProto = (port: number, proto: TemplateProto): number => port * 4 + PROTO_BITS[proto];

// Client → VIP: by the VIP, then the client. A reply comes from the server (NAT) or from the VIP
// (DR/TUN replies routed via the director), to the client.
const inFew = (c: IpvsConn): number => side(c.vaddr, c.vport);
const outFew = (c: IpvsConn): number => (c.method === 'masq' ? side(c.daddr, c.dport) : side(c.vaddr, c.vport));
const clientPort = (c: IpvsConn): number => portProto(c.cport, c.proto);
const tplFew = (k: TemplateKey): number => side(k.vaddr, k.vport);

export class ConnTable {
  // Every entry in creation order, as a list through the entries (no hashing per connection).
  private first: ConnEntry | undefined = undefined;
  private last: ConnEntry | undefined = undefined;
  private count = 0;
  private readonly byIn = new ConnIndex('nextIn');
  private readonly byOut = new ConnIndex('nextOut');
  private readonly byTpl = new ConnIndex('nextTpl');
  // A lazy min-heap of entry timers by (expiresAt, id); stale slots are skipped when popped.
  // Each entry's live slot time is its `armedAt` (an entry that is gone has NaN).
  private readonly heap = new TimedHeap<ConnEntry>();
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
    return this.byIn.get(vaddr, vport, caddr, portProto(cport, proto));
  }

  /**
   * ip_vs_conn_out_get(): the entry for a reply from daddr:dport to caddr:cport. For NAT that
   * is the real server; for DR/TUN entries a reply from the VIP that happens to pass the
   * director matches too (and clears their noOutput).
   */
  lookupOut(proto: ServiceProto, daddr: Ipv4, dport: number, caddr: Ipv4, cport: number): ConnEntry | undefined {
    return this.byOut.get(daddr, dport, caddr, portProto(cport, proto));
  }

  /** ip_vs_ct_in_get(): a live persistence template (invalidated ones no longer match). */
  lookupTemplate(k: TemplateKey): ConnEntry | undefined {
    return this.byTpl.get(k.vaddr, k.vport, k.caddr, portProto(0, k.proto));
  }

  /**
   * ip_vs_conn_new() + ip_vs_conn_stats(): a connection bound to `dest`, counted inactive,
   * state NONE (UDP: "UDP"), armed for 3 s until its first packet's setState().
   */
  createConn(svc: ServiceState, dest: DestState, p: NewConn, now: number, control: ConnEntry | null = null): ConnEntry {
    const c = this.entry(svc, dest, p, false, now, NEW_CONN_TIMEOUT_MS);
    this.byIn.add(inFew(c), c.caddr, clientPort(c), c);
    this.byOut.add(outFew(c), c.caddr, clientPort(c), c);
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
    this.byTpl.add(tplFew(k), k.caddr, portProto(0, k.proto), ct);
    return ct;
  }

  private entry(svc: ServiceState, dest: DestState, p: NewConn, template: boolean, now: number, timeoutMs: number): ConnEntry {
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
    this.arm(conn);
  }

  /**
   * ip_vs_conn_expire_now(): the timer fires at `now`; like the kernel, the entry (and its
   * counters) go on the next expire(now), so a scheduler running in between still sees it.
   */
  expireNow(conn: ConnEntry, now: number): void {
    if (conn.expiresAt <= now) return;
    conn.expiresAt = now;
    this.arm(conn);
  }

  /**
   * ip_vs_check_template()'s invalidation: the template is rehashed with vport and dport
   * 65535 and cport 0, so lookups miss it, and it lives on until its timer (not restarted).
   */
  invalidateTemplate(ct: ConnEntry): void {
    if (ct.vport === 0xffff) return;
    const k = templateKeyOf(ct);
    this.byTpl.drop(tplFew(k), k.caddr, portProto(0, k.proto), ct);
    const m = ct as { -readonly [K in keyof ConnEntry]: ConnEntry[K] };
    m.vport = 0xffff;
    m.dport = 0xffff;
    m.cport = 0;
  }

  private *walk(): IterableIterator<ConnEntry> {
    for (let c = this.first; c; c = c.newer) yield c;
  }

  private unlist(c: ConnEntry): void {
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
      const c = heap.items[0] as ConnEntry;
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
        this.byTpl.drop(tplFew(k), k.caddr, portProto(0, k.proto), c);
      } else {
        this.byIn.drop(inFew(c), c.caddr, clientPort(c), c);
        this.byOut.drop(outFew(c), c.caddr, clientPort(c), c);
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
  private arm(c: ConnEntry): void {
    // NaN (no live slot) compares false: the entry gets one.
    if (c.armedAt <= c.expiresAt) return;
    c.armedAt = c.expiresAt;
    if (this.heap.size > 4 * this.count + 64) {
      // Too many superseded slots: rebuild from the live ones (a sorted array is a heap).
      const live: ConnEntry[] = [];
      for (const e of this.walk()) if (!Number.isNaN(e.armedAt)) live.push(e);
      live.sort((a, b) => a.armedAt - b.armedAt || a.id - b.id);
      this.heap.reset(live.map((e) => e.armedAt), live.map((e) => e.id), live);
      return;
    }
    this.heap.push(c.expiresAt, c.id, c);
  }
}

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
