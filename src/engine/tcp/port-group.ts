/**
 * The sockets on one local port once it holds several (a listener's connections): found by the
 * peer's port in an IntMap, peers on the same port chained through `samePort`. `peerSeq` keeps
 * the order they came in, which `ss` shows; a socket replaced by one with the same 4-tuple keeps
 * its place, as it would in a Map.
 */
import { IntMap } from '../sim/int-map';
import type { Ipv4 } from '../addr/ipv4';
import type { TcpSocket } from './tcp-socket';

export class PortGroup {
  private readonly byRport = new IntMap<TcpSocket>();
  private nextSeq = 0;
  size = 0;

  constructor(readonly portSeq: number) {}

  get(raddr: Ipv4, rport: number): TcpSocket | undefined {
    for (let s = this.byRport.get(rport); s !== undefined; s = s.samePort) if (s.raddr === raddr) return s;
    return undefined;
  }

  set(s: TcpSocket): void {
    const head = this.byRport.get(s.rport);
    let prev: TcpSocket | undefined;
    for (let p = head; p !== undefined; prev = p, p = p.samePort) {
      if (p.raddr !== s.raddr) continue;
      s.peerSeq = p.peerSeq;
      s.samePort = p.samePort;
      p.samePort = undefined;
      if (prev) prev.samePort = s;
      else this.byRport.set(s.rport, s);
      return;
    }
    s.peerSeq = this.nextSeq++;
    s.samePort = head;
    this.byRport.set(s.rport, s);
    this.size++;
  }

  delete(raddr: Ipv4, rport: number): void {
    let prev: TcpSocket | undefined;
    for (let p = this.byRport.get(rport); p !== undefined; prev = p, p = p.samePort) {
      if (p.raddr !== raddr) continue;
      if (prev) prev.samePort = p.samePort;
      else if (p.samePort) this.byRport.set(rport, p.samePort);
      else this.byRport.delete(rport);
      p.samePort = undefined;
      this.size--;
      return;
    }
  }

  /** In the order they came in. */
  values(): TcpSocket[] {
    const out: TcpSocket[] = [];
    this.byRport.forEach((head) => {
      for (let s: TcpSocket | undefined = head; s !== undefined; s = s.samePort) out.push(s);
    });
    return out.sort((a, b) => a.peerSeq - b.peerSeq);
  }
}
