/**
 * ICMP: answering echo, and icmp_send() for errors (destination unreachable, time exceeded),
 * which quote the offending packet. Linux never answers an ICMP error with another error.
 * Echo replies, and errors quoting an echo request, go to the ping socket with their identifier.
 */
import { formatIpv4, type Ipv4 } from '../addr/ipv4';
import type { Iface } from './iface';
import type { Host, World } from '../sim/world';
import type { IcmpRepr, Ipv4Repr } from '../wire/repr';
import { ipSendLocal } from '../route/output';
import { acceptRedirect } from '../route/redirect';
import { neighSolicitOnly } from '../arp/resolve';

export const ICMP_ECHO_REPLY = 0;
export const ICMP_DEST_UNREACH = 3;
export const ICMP_REDIRECT = 5;
export const ICMP_ECHO_REQUEST = 8;
export const ICMP_TIME_EXCEEDED = 11;

export const UNREACH_NET = 0;
export const UNREACH_HOST = 1;
export const UNREACH_PROTO = 2;
export const UNREACH_PORT = 3;

export const REDIRECT_HOST = 1;

export interface IcmpErrorOptions {
  /** Redirect: the better next hop. */
  readonly gateway?: Ipv4;
  /**
   * The error's source is routing's choice even when the offending packet was for one of our
   * addresses: __icmp_send keeps the packet's destination only for a packet delivered locally
   * (RTCF_LOCAL), not for one that failed on its way out (an IPVS-forwarded one to the VIP).
   */
  readonly srcByRoute?: boolean;
}

function isIcmpError(ip: Ipv4Repr): boolean {
  return ip.payload.proto === 'icmp' && ip.payload.type !== ICMP_ECHO_REQUEST && ip.payload.type !== ICMP_ECHO_REPLY;
}

export function icmpSendError(w: World, host: Host, offending: Ipv4Repr, type: number, code: number, conn: number, opts: IcmpErrorOptions = {}): void {
  if (isIcmpError(offending)) return;
  // The reply's source: the offending packet's destination if it was ours, else routing's choice.
  const src = !opts.srcByRoute && host.ownAddrs.has(offending.dst) ? offending.dst : 0;
  const payload: IcmpRepr = { proto: 'icmp', type, code, ...(opts.gateway !== undefined ? { gateway: opts.gateway } : {}), quote: offending };
  if (w.trace.retain) w.trace.action(w.now, host.id, 'icmp-error', { type, code }, conn, { type, code });
  host.director?.localIcmpError(payload);
  ipSendLocal(w, host, src, offending.src, payload, conn, false);
}

export function icmpRcv(w: World, host: Host, dev: Iface, ip: Ipv4Repr, icmp: IcmpRepr, conn: number): void {
  if (icmp.type === ICMP_REDIRECT) {
    redirectRcv(w, host, dev, ip, icmp, conn);
    return;
  }
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

/**
 * icmp_redirect: the route's exception (if accepted), then the socket whose packet it quotes
 * hears of it; ping reports it as an error, TCP and UDP only take the new route (tcp_v4_err).
 * The kernel looks at a redirect only when a socket of ours sent the quoted packet.
 */
function redirectRcv(w: World, host: Host, dev: Iface, ip: Ipv4Repr, icmp: IcmpRepr, conn: number): void {
  const q = icmp.quote;
  if (!q || !host.ownAddrs.has(q.src)) {
    traceDeliver(w, host, icmp, conn);
    return;
  }
  const result = acceptRedirect(w, host, dev, ip.src, icmp, (gw, route) => neighSolicitOnly(w, host, route.dev, gw, conn));
  if (w.trace.retain) {
    const params = { from: formatIpv4(ip.src), gateway: icmp.gateway !== undefined ? formatIpv4(icmp.gateway) : '?' };
    w.trace.action(w.now, host.id, 'icmp-redirect', { ...params, result }, conn, params, `action.icmp-redirect.${result}`);
  }
  const qp = q.payload;
  if (qp.proto === 'icmp' && qp.type === ICMP_ECHO_REQUEST && qp.ident !== undefined) host.pings.get(qp.ident)?.onError(w, ip.src, icmp.type, icmp.code, qp.seqNo ?? 0, icmp.gateway);
}

function traceDeliver(w: World, host: Host, icmp: IcmpRepr, conn: number): void {
  if (w.trace.retain) w.trace.action(w.now, host.id, 'deliver', { proto: 'icmp', type: icmp.type, code: icmp.code }, conn, { proto: 'icmp' }, 'action.deliver.icmp');
}
