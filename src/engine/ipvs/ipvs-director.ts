/**
 * The IPVS shell on a director: the LOCAL_IN and FORWARD hooks (ip_vs_core.c), applying the
 * pure kernels (service table, schedulers, persistence, the connection table's state machine)
 * and transmitting by the real server's method (ip_vs_xmit.c): masq rewrites the destination,
 * gate only re-addresses the frame to the real server's MAC, ipip wraps the packet in an outer
 * IPv4 header. Every way decrements the TTL first, as decrement_ttl() does.
 */
import { formatIpv4, type Ipv4 } from '../addr/ipv4';
import type { Iface } from '../host/iface';
import { ICMP_DEST_UNREACH, ICMP_TIME_EXCEEDED, UNREACH_PORT, icmpSendError } from '../host/icmp';
import { holderOf, schedule, type Host, type World } from '../sim/world';
import { TCP_RST, ipRewrite, withPorts, withTtl, type IcmpRepr, type Ipv4Repr } from '../wire/repr';
import { icmpLen } from '../wire/icmp';
import { countIn, countOut } from './accounting';
import { ConnTable } from './conn-table';
import type { Director, IpvsadmView } from './director';
import { ESTIMATOR_PERIOD_MS } from './estimator';
import { runIpvsadm, type IpvsadmOutput } from './ipvsadm/run';
import { formatIpvsProc, type IpvsProcFile } from './proc-net';
import { inConnVerdict, scheduleConn } from './persistence';
import { getScheduler } from './schedulers';
import { ServiceTable, type ServiceTableOptions } from './service-table';
import { timeoutsForList } from './timeouts';
import { tcpMayCreateConn } from './tcp-state';
import type { ServiceProto, ServiceState } from './types';
import { packetMark } from './fwmark';
import { ipLength } from './ip-length';
import { transmit } from './xmit/transmit';

/** How traces name a service (made only when a trace needs it: no string per new connection). */
function serviceName(svc: ServiceState, vaddr: Ipv4, vport: number, proto: ServiceProto): string {
  return svc.config.fwmark ? `fwmark ${svc.config.fwmark}` : `${formatIpv4(vaddr)}:${vport}/${proto}`;
}

export class IpvsDirector implements Director {
  readonly services: ServiceTable;
  readonly conns = new ConnTable();

  constructor(w: World, tableOpts: ServiceTableOptions = {}) {
    this.services = new ServiceTable(tableOpts);
    const tick = (): void => {
      this.services.tickEstimators();
      if (w.activeClients > 0 || w.live) schedule(w, ESTIMATOR_PERIOD_MS, tick);
    };
    schedule(w, ESTIMATOR_PERIOD_MS, tick);
  }

  localIn(w: World, host: Host, _dev: Iface, ip: Ipv4Repr, conn: number): boolean {
    const p = ip.payload;
    // Every look at the table first expires what is due, as the kernel's timers would have.
    this.conns.expire(w.now);
    if (p.proto === 'icmp') return this.tunnelIcmp(w, host, ip, conn);
    if (p.proto !== 'tcp' && p.proto !== 'udp') return false;
    const proto: ServiceProto = p.proto;
    const flags = p.proto === 'tcp' ? p.flags : 0;
    const isSyn = p.proto === 'tcp' && tcpMayCreateConn(flags) && !(flags & TCP_RST);
    let entry = this.conns.lookupIn(proto, ip.src, p.sport, ip.dst, p.dport);
    if (entry) {
      const verdict = inConnVerdict(entry, isSyn);
      if (verdict === 'drop') {
        w.trace.drop(w.now, host.id, 'ipvs-no-dest', { ip }, conn, { dest: `${formatIpv4(entry.daddr)}:${entry.dport}` }, 'drop.ipvs-dest-removed');
        return true;
      }
      if (verdict === 'reschedule') {
        this.conns.expireNow(entry, w.now);
        this.conns.expire(w.now);
        entry = undefined;
      }
    }
    if (!entry) {
      if (p.proto === 'tcp' && !isSyn) return false;
      const svc = this.services.findForPacket(proto, ip.dst, p.dport, host.marks.length ? packetMark(host, ip) : 0);
      if (!svc) return false;
      const sched = getScheduler(svc.config.scheduler);
      const res = scheduleConn(this.conns, svc, { proto, caddr: ip.src, cport: p.sport, vaddr: ip.dst, vport: p.dport, traceConn: conn }, w.now,
        () => sched.schedule(svc, { caddr: ip.src, cport: p.sport, vaddr: ip.dst, vport: p.dport, now: w.now, random: () => w.rng.sched.u32() }));
      if (res.kind === 'not-scheduled') return false;
      if (res.kind === 'no-dest') {
        const service = serviceName(svc, ip.dst, p.dport, proto);
        // ip_vs_leave(): no server can take it; the client is told the port is unreachable.
        w.trace.drop(w.now, host.id, 'ipvs-no-dest', { ip }, conn, { service, scheduler: svc.config.scheduler });
        icmpSendError(w, host, ip, ICMP_DEST_UNREACH, UNREACH_PORT, conn);
        return true;
      }
      entry = res.conn;
      if (w.trace.retain) {
        const service = serviceName(svc, ip.dst, p.dport, proto);
        const dest = `${formatIpv4(entry.daddr)}:${entry.dport}`;
        w.trace.action(w.now, host.id, 'ipvs-schedule', { service, scheduler: svc.config.scheduler, dest, forward: entry.method, conn: entry.traceConn,
          ...(res.template ? { persistent: true, templateReused: res.templateReused } : {}) }, conn,
          { service, scheduler: svc.config.scheduler, dest, forward: entry.method, server: holderOf(w, entry.daddr, host) });
      }
    }
    const from = this.conns.setState(entry, 'input', flags, w.now);
    countIn(entry, ipLength(ip));
    if (w.trace.retain && from !== entry.state) {
      w.trace.action(w.now, host.id, 'ipvs-state', { conn: entry.traceConn, from, to: entry.state }, conn, { from, to: entry.state });
    }
    if (ip.ttl <= 1) {
      w.trace.drop(w.now, host.id, 'ttl-exceeded', { ip }, conn, { ttl: ip.ttl });
      icmpSendError(w, host, ip, ICMP_TIME_EXCEEDED, 0, conn);
      return true;
    }
    transmit(w, host, entry, ip, ip.ttl - 1, conn);
    return true;
  }

  /**
   * ip_vs_in_icmp() for an error about one of our IP-in-IP packets (a real server that cannot
   * decapsulate answers "protocol unreachable" or "port unreachable" to the director): IPVS
   * strips the outer headers and sends the same error on to the client, about its own packet.
   */
  private tunnelIcmp(w: World, host: Host, ip: Ipv4Repr, conn: number): boolean {
    const icmp = ip.payload;
    if (icmp.proto !== 'icmp' || (icmp.type !== ICMP_DEST_UNREACH && icmp.type !== ICMP_TIME_EXCEEDED)) return false;
    const outer = icmp.quote;
    if (!outer || outer.payload.proto !== 'ipip') return false;
    const inner = outer.payload.inner;
    const l4 = inner.payload;
    if (l4.proto !== 'tcp' && l4.proto !== 'udp') return false;
    const entry = this.conns.lookupIn(l4.proto, inner.src, l4.sport, inner.dst, l4.dport);
    if (!entry || entry.method !== 'ipip' || entry.daddr !== outer.dst) return false;
    countOut(entry, ipLength(ip));
    if (w.trace.retain) {
      w.trace.action(w.now, host.id, 'ipvs-icmp-relay', { conn: entry.traceConn, type: icmp.type, code: icmp.code, to: formatIpv4(inner.src) }, conn,
        { type: icmp.type, code: icmp.code, rip: formatIpv4(outer.dst), client: formatIpv4(inner.src) });
    }
    icmpSendError(w, host, inner, icmp.type, icmp.code, conn);
    return true;
  }

  /**
   * An ICMP error the director sends itself about a client's packet it forwarded (host
   * unreachable when a real server's ARP fails): the kernel's IPVS counts it in the
   * connection's OutPkts/OutBytes, as a reply (dr-dead-rs: 6 errors of 88 bytes on the dead server).
   * An error relayed for a tunnel (tunnelIcmp) is counted there already.
   */
  localIcmpError(icmp: IcmpRepr): void {
    const q = icmp.quote;
    const ql = q?.payload;
    if (!q || !ql || (ql.proto !== 'tcp' && ql.proto !== 'udp')) return;
    const entry = this.conns.lookupIn(ql.proto, q.src, ql.sport, q.dst, ql.dport);
    if (entry && entry.method !== 'ipip') countOut(entry, 20 + icmpLen(icmp));
  }

  forward(w: World, host: Host, rx: Ipv4Repr, ttl: number, conn: number): Ipv4Repr {
    const p = rx.payload;
    this.conns.expire(w.now);
    if (p.proto === 'icmp') return this.natIcmpOut(w, host, withTtl(rx, ttl), conn);
    if (p.proto !== 'tcp' && p.proto !== 'udp') return withTtl(rx, ttl);
    const entry = this.conns.lookupOut(p.proto, rx.src, p.sport, rx.dst, p.dport);
    if (!entry || entry.method !== 'masq') return withTtl(rx, ttl);
    const stFrom = this.conns.setState(entry, 'output', p.proto === 'tcp' ? p.flags : 0, w.now);
    countOut(entry, ipLength(rx));
    // The TTL and the SNAT in one copy; the segment is shared when the port stays.
    const out = ipRewrite(rx, entry.vaddr, rx.dst, ttl, withPorts(p, entry.vport, p.dport));
    if (w.trace.retain) {
      const from = `${formatIpv4(rx.src)}:${p.sport}`;
      const to = `${formatIpv4(entry.vaddr)}:${entry.vport}`;
      w.trace.action(w.now, host.id, 'ipvs-snat', { conn: entry.traceConn, from, to, state: entry.state }, conn, { from, to });
      if (stFrom !== entry.state) w.trace.action(w.now, host.id, 'ipvs-state', { conn: entry.traceConn, from: stFrom, to: entry.state }, conn, { from: stFrom, to: entry.state });
    }
    return out;
  }

  /**
   * ip_vs_out_icmp(): an ICMP error from a NAT real server about a client's packet is rewritten
   * like the connection's replies (ip_vs_nat_icmp): its source becomes the VIP, and the quoted
   * packet's destination the VIP:port the client used, so the client recognises it.
   */
  private natIcmpOut(w: World, host: Host, ip: Ipv4Repr, conn: number): Ipv4Repr {
    const icmp = ip.payload;
    if (icmp.proto !== 'icmp' || !icmp.quote) return ip;
    const q = icmp.quote;
    const ql = q.payload;
    if (ql.proto !== 'tcp' && ql.proto !== 'udp') return ip;
    const entry = this.conns.lookupOut(ql.proto, q.dst, ql.dport, q.src, ql.sport);
    if (!entry || entry.method !== 'masq') return ip;
    countOut(entry, ipLength(ip));
    if (w.trace.retain) {
      const from = formatIpv4(ip.src);
      const to = formatIpv4(entry.vaddr);
      w.trace.action(w.now, host.id, 'ipvs-snat', { conn: entry.traceConn, from, to, icmp: true }, conn, { from, to });
    }
    const quote: Ipv4Repr = { ...q, dst: entry.vaddr, payload: withPorts(ql, ql.sport, entry.vport) };
    return { ...ip, src: entry.vaddr, payload: { ...icmp, quote } };
  }

  ipvsadm(w: World, view: IpvsadmView): string {
    const argv = { list: ['-L', '-n'], conns: ['-L', '-n', '-c'], stats: ['-L', '-n', '--stats'], rate: ['-L', '-n', '--rate'], save: ['-S', '-n'] }[view];
    const r = this.runIpvsadm(w, argv);
    return r.ok ? r.stdout : r.stderr;
  }

  runIpvsadm(w: World, argv: readonly string[]): IpvsadmOutput {
    this.conns.expire(w.now);
    return runIpvsadm(argv, {
      services: w.live ? this.summedServices() : this.services.services(),
      conns: [...this.conns.entries()], now: w.now, timeouts: timeoutsForList(this.conns.timeouts),
    });
  }

  procNet(w: World, file: IpvsProcFile): string {
    this.conns.expire(w.now);
    const services = w.live ? this.summedServices() : this.services.services();
    return formatIpvsProc(file, services, [...this.conns.entries()], w.now);
  }

  /**
   * The services with the counters a running kernel shows: those of the last estimator tick.
   * A live world (the console) shows them so; a finished run shows every packet counted.
   */
  private summedServices(): ServiceState[] {
    const t = this.services;
    return t.services().map((s) => ({
      ...s, stats: t.summedStats(s.stats), dests: s.dests.map((d) => ({ ...d, stats: t.summedStats(d.stats) })),
    }));
  }
}
