/**
 * One of the connection table's hash tables (ip_vs_conn_tab, looked up by __ip_vs_conn_in_get,
 * ip_vs_conn_out_get and ip_vs_ct_in_get), kept as three levels of exact numbers so a lookup
 * builds no string:
 *
 *   server end   the VIP:port or real server:port (addr·65536 + port): a handful per table
 *   client addr  the client's address
 *   client port  the client's port with the protocol in two bits: an entry per connection,
 *                coming and going with each one, so an IntMap, which takes the churn without rehashing
 *
 * Entries under one key form a chain through the entries themselves, newest first (hlist-like),
 * so a key with one entry, the usual case, costs no list. Which field of the entry holds its
 * link is the index's business: the exported ConnEntry does not show it.
 */
import { AddrMap } from '../addr/addr-map';
import { IntMap } from '../sim/int-map';
import type { ServiceProto } from './types';

/** Templates of firewall-mark services use protocol IP (IPPROTO_IP) and the mark as vaddr. */
export type TemplateProto = ServiceProto | 'ip';

/** The link fields an indexed entry carries, one per index: the next (older) entry under the same key. */
export interface IndexLinks<E> {
  nextIn: E | undefined;
  nextOut: E | undefined;
  nextTpl: E | undefined;
}

/** Protocol in two bits of a numeric key (ip, tcp, udp, sctp). */
const PROTO_BITS: Readonly<Record<TemplateProto, number>> = { ip: 0, tcp: 1, udp: 2, sctp: 3 };

/** The first level's key: an address and port as one exact number (below 2^48). */
export const endKey = (addr: number, port: number): number => addr * 65536 + port;
/** The last level's key: a client port and the protocol. */
export const portProtoKey = (port: number, proto: TemplateProto): number => port * 4 + PROTO_BITS[proto];

/** Up to this many server ends, an index scans its list of them instead of hashing. */
const SCAN_SERVER_ENDS = 8;

type ByClientAddr<E> = AddrMap<IntMap<E>>;

export class ConnIndex<E extends IndexLinks<E>> {
  constructor(private readonly link: keyof IndexLinks<E>) {}

  // The first level is a short list scanned in order (a Map keyed by addr·65536 + port would
  // hash a heap number on every lookup), with a Map beside it once the list grows long.
  private readonly serverEnds: number[] = [];
  private readonly clientTables: Array<ByClientAddr<E>> = [];
  private readonly clientTableByEnd = new Map<number, ByClientAddr<E>>();
  // The last lookup's key and its answer: a connection's packets come in runs, so most lookups
  // repeat the previous one. add() and drop() keep it exact (NaN: nothing remembered).
  private lastEndAddr = NaN;
  private lastEndPort = NaN;
  private lastClientAddr = NaN;
  private lastPortProto = NaN;
  private lastFound: E | undefined = undefined;

  private clientTable(end: number): ByClientAddr<E> | undefined {
    const ends = this.serverEnds;
    if (ends.length > SCAN_SERVER_ENDS) return this.clientTableByEnd.get(end);
    for (let i = 0; i < ends.length; i++) if (ends[i] === end) return this.clientTables[i];
    return undefined;
  }

  /** The newest entry under (endAddr:endPort, clientAddr, portProto); the end comes in parts so a repeat computes no 48-bit key. */
  get(endAddr: number, endPort: number, clientAddr: number, portProto: number): E | undefined {
    if (portProto === this.lastPortProto && clientAddr === this.lastClientAddr && endPort === this.lastEndPort && endAddr === this.lastEndAddr) return this.lastFound;
    const c = this.clientTable(endKey(endAddr, endPort))?.get(clientAddr)?.get(portProto);
    this.lastEndAddr = endAddr;
    this.lastEndPort = endPort;
    this.lastClientAddr = clientAddr;
    this.lastPortProto = portProto;
    this.lastFound = c;
    return c;
  }

  private isLastKey(end: number, clientAddr: number, portProto: number): boolean {
    return portProto === this.lastPortProto && clientAddr === this.lastClientAddr && end === endKey(this.lastEndAddr, this.lastEndPort);
  }

  add(end: number, clientAddr: number, portProto: number, c: E): void {
    let byAddr = this.clientTable(end);
    if (!byAddr) {
      byAddr = new AddrMap();
      this.serverEnds.push(end);
      this.clientTables.push(byAddr);
      this.clientTableByEnd.set(end, byAddr);
    }
    let byPort = byAddr.get(clientAddr);
    if (!byPort) byAddr.set(clientAddr, (byPort = new IntMap()));
    // Newest first, as hlist_add_head: a new entry shadows an older one with the same key.
    c[this.link] = byPort.get(portProto);
    byPort.set(portProto, c);
    if (this.isLastKey(end, clientAddr, portProto)) this.lastFound = c;
  }

  drop(end: number, clientAddr: number, portProto: number, c: E): void {
    if (this.lastFound === c) this.lastEndAddr = NaN;
    const byPort = this.clientTable(end)?.get(clientAddr);
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
      const next: E | undefined = prev[link];
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
