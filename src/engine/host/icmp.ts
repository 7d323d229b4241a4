/**
 * ICMP: answering echo, and icmp_send() for errors (destination unreachable, time exceeded),
 * which quote the offending packet. Linux never answers an ICMP error with another error.
 * Echo replies, and errors quoting an echo request, go to the ping socket with their identifier.
 */
import type { Host, World } from '../sim/world';
import type { IcmpRepr, Ipv4Repr } from '../wire/repr';
import { ipSendLocal } from '../route/output';

export const ICMP_ECHO_REPLY = 0;
export const ICMP_DEST_UNREACH = 3;
export const ICMP_ECHO_REQUEST = 8;
export const ICMP_TIME_EXCEEDED = 11;

export const UNREACH_NET = 0;
export const UNREACH_HOST = 1;
export const UNREACH_PROTO = 2;
export const UNREACH_PORT = 3;

function isIcmpError(ip: Ipv4Repr): boolean {
  return ip.payload.proto === 'icmp' && ip.payload.type !== ICMP_ECHO_REQUEST && ip.payload.type !== ICMP_ECHO_REPLY;
}

export function icmpSendError(w: World, host: Host, offending: Ipv4Repr, type: number, code: number, conn: number): void {
  if (isIcmpError(offending)) return;
  // The reply's source: the offending packet's destination if it was ours, else routing's choice.
  const src = host.ownAddrs.has(offending.dst) ? offending.dst : 0;
  const payload: IcmpRepr = { proto: 'icmp', type, code, quote: offending };
  if (w.trace.retain) w.trace.action(w.now, host.id, 'icmp-error', { type, code }, conn, { type, code });
  ipSendLocal(w, host, src, offending.src, payload, conn, false);
}

export function icmpRcv(w: World, host: Host, ip: Ipv4Repr, icmp: IcmpRepr, conn: number): void {
  if (icmp.type === ICMP_ECHO_REQUEST) {
    const reply: IcmpRepr = { proto: 'icmp', type: ICMP_ECHO_REPLY, code: 0, ...(icmp.ident !== undefined ? { ident: icmp.ident } : {}), ...(icmp.seqNo !== undefined ? { seqNo: icmp.seqNo } : {}), ...(icmp.data !== undefined ? { data: icmp.data } : {}) };
    ipSendLocal(w, host, ip.dst, ip.src, reply, conn, false);
    return;
  }
  if ((icmp.type === ICMP_DEST_UNREACH || icmp.type === ICMP_TIME_EXCEEDED) && icmp.quote?.payload.proto === 'tcp') {
    host.tcp.icmpError(w, icmp.quote, icmp.type, icmp.code, conn);
    return;
  }
  const q = icmp.quote?.payload;
  if (icmp.type === ICMP_ECHO_REPLY && icmp.ident !== undefined) {
    const sock = host.pings.get(icmp.ident);
    if (sock) {
      traceDeliver(w, host, icmp, conn);
      sock.onReply(w, ip, icmp);
      return;
    }
  }
  if ((icmp.type === ICMP_DEST_UNREACH || icmp.type === ICMP_TIME_EXCEEDED) && q?.proto === 'icmp' && q.type === ICMP_ECHO_REQUEST && q.ident !== undefined) {
    // ping_err: the error reaches the ping socket whose request it quotes (IP_RECVERR).
    const sock = host.pings.get(q.ident);
    if (sock) {
      traceDeliver(w, host, icmp, conn);
      sock.onError(w, ip.src, icmp.type, icmp.code, q.seqNo ?? 0);
      return;
    }
  }
  if ((icmp.type === ICMP_DEST_UNREACH || icmp.type === ICMP_TIME_EXCEEDED) && q?.proto === 'udp') {
    // A connected UDP socket hears of the error (ECONNREFUSED for port unreachable).
    const sock = host.udp.get(q.sport);
    if (sock?.onIcmpError) {
      if (w.trace.retain) w.trace.action(w.now, host.id, 'udp-icmp-error', { type: icmp.type, code: icmp.code, port: q.sport }, conn, { type: icmp.type, code: icmp.code });
      sock.onIcmpError(w, icmp.type, icmp.code);
      return;
    }
  }
  traceDeliver(w, host, icmp, conn);
}

function traceDeliver(w: World, host: Host, icmp: IcmpRepr, conn: number): void {
  if (w.trace.retain) w.trace.action(w.now, host.id, 'deliver', { proto: 'icmp', type: icmp.type, code: icmp.code }, conn, { proto: 'icmp' }, 'action.deliver.icmp');
}
