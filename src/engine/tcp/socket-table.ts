/**
 * A host's TCP sockets by local port (the kernel's established hash, inet_ehash, with the
 * listeners kept apart by the stack): one socket per port, or a PortGroup once a port has
 * several. A client's ephemeral port holds one connection and comes and goes with it: an IntMap
 * takes that churn. `portSeq` remembers when each port was first taken, so list() keeps the
 * order a Map would have.
 */
import type { Ipv4 } from '../addr/ipv4';
import { IntMap } from '../sim/int-map';
import { PortGroup } from './port-group';
import type { TcpSocket } from './tcp-socket';

export class SocketTable {
  private readonly byPort = new IntMap<TcpSocket | PortGroup>();
  private nextPortSeq = 0;
  /** The socket find() returned last: a connection's segments arrive in runs. add/remove clear it. */
  private lastFound: TcpSocket | undefined = undefined;
  /** Where connect()'s walk of the ephemeral range goes on (-1: not started; the stack seeds it). */
  nextPort = -1;

  /** Some socket uses local port `lport` (whoever its peer). */
  has(lport: number): boolean {
    return this.byPort.has(lport);
  }

  find(lport: number, raddr: Ipv4, rport: number): TcpSocket | undefined {
    const last = this.lastFound;
    if (last !== undefined && last.lport === lport && last.rport === rport && last.raddr === raddr) return last;
    const e = this.byPort.get(lport);
    if (e === undefined) return undefined;
    const s = e instanceof PortGroup ? e.get(raddr, rport) : e.raddr === raddr && e.rport === rport ? e : undefined;
    if (s !== undefined) this.lastFound = s;
    return s;
  }

  add(s: TcpSocket): void {
    // A socket with the same 4-tuple is replaced below: the cache must not keep it.
    this.lastFound = undefined;
    const e = this.byPort.get(s.lport);
    if (e === undefined) {
      s.portSeq = this.nextPortSeq++;
      this.byPort.set(s.lport, s);
    } else if (e instanceof PortGroup) e.set(s);
    else if (e.raddr === s.raddr && e.rport === s.rport) {
      // The same 4-tuple: replaced where it stood.
      s.portSeq = e.portSeq;
      this.byPort.set(s.lport, s);
    } else {
      const group = new PortGroup(e.portSeq);
      group.set(e);
      group.set(s);
      this.byPort.set(s.lport, group);
    }
  }

  /** Forgets the socket with s's 4-tuple. */
  remove(s: TcpSocket): void {
    // It forgets whichever socket holds s's 4-tuple (maybe not s itself): so does the cache.
    this.lastFound = undefined;
    const e = this.byPort.get(s.lport);
    if (e === undefined) return;
    if (e instanceof PortGroup) {
      e.delete(s.raddr, s.rport);
      if (e.size === 0) this.byPort.delete(s.lport);
    } else if (e.raddr === s.raddr && e.rport === s.rport) this.byPort.delete(s.lport);
  }

  /** Sockets as `ss -tan` lists them. */
  list(): TcpSocket[] {
    const ports: Array<TcpSocket | PortGroup> = [];
    this.byPort.forEach((e) => ports.push(e));
    ports.sort((a, b) => a.portSeq - b.portSeq);
    const out: TcpSocket[] = [];
    for (const e of ports) {
      if (e instanceof PortGroup) for (const s of e.values()) out.push(s);
      else out.push(e);
    }
    return out;
  }
}
