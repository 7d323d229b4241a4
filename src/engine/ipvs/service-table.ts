/**
 * Virtual services and their real servers, as ipvsadm -A/-E/-D/-a/-e/-d/-C/-Z change them.
 * Spec: Linux net/netfilter/ipvs/ip_vs_ctl.c (ip_vs_add_service, ip_vs_edit_service,
 * ip_vs_add_dest, __ip_vs_update_dest, ip_vs_edit_dest, ip_vs_del_dest, the dest trash,
 * ip_vs_service_find, ip_vs_zero_stats, ip_vs_genl_set_cmd) and ipvsadm's
 * libipvs ipvs_strerror() for the messages ipvsadm prints.
 *
 * A new real server goes to the HEAD of the list (list_add_rcu), an edit keeps its place, a
 * delete takes it out while its connections keep pointing at it (available = false). A server
 * re-added while connections still use it comes back from the trash with its counters.
 * (The kernel also keeps an unused one in the trash for about 2 minutes; we do not.)
 */
import { isMulticast, IPV4_BROADCAST, type Ipv4 } from '../addr/ipv4';
import { err, ok, type Result } from '../addr/result';
import { overloadAfterEdit, zeroStats } from './accounting';
import { readRates, tick, zeroEstimator, zeroRates, ZERO_ESTIMATOR, type EstimatorState } from './estimator';
import { getScheduler } from './schedulers';
import type { Scheduler } from './schedulers/scheduler';
import { emptyStats, type DestConfig, type DestState, type IpvsStats, type SchedulerName, type ServiceConfig, type ServiceProto, type ServiceState } from './types';

export type IpvsErrno = 'EEXIST' | 'ESRCH' | 'ENOENT' | 'ERANGE' | 'EINVAL';
/** A refused command: the errno the kernel returns and the line ipvsadm prints for it. */
export interface IpvsError {
  readonly errno: IpvsErrno;
  readonly message: string;
}
export type IpvsResult<T> = Result<T, IpvsError>;

/** What names a service on the command line: -t/-u VIP:port, or -f fwmark. */
export type ServiceRef = Pick<ServiceConfig, 'proto' | 'vip' | 'port' | 'fwmark'>;

export interface ServiceTableOptions {
  /** Defaults to the real schedulers (./schedulers); tests pass a fake. */
  readonly getScheduler?: (name: SchedulerName) => Scheduler | undefined;
  /** inet_addr_type() is RTN_UNICAST or RTN_LOCAL; by default all but 0/8, broadcast and multicast. */
  readonly isUnicast?: (addr: Ipv4) => boolean;
}

const fail = (errno: IpvsErrno, message: string): { ok: false; error: IpvsError } => err({ errno, message });
// strerror() texts for codes ipvs_strerror() has no own line for.
const ERANGE_TEXT = 'Numerical result out of range';
const EINVAL_TEXT = 'Invalid operation.  Possibly wrong module version, address not unicast, ...';
const NO_SCHED = 'Scheduler or persistence engine not found';

const FTP_PORT = 21;
const FTP_DATA_PORT = 20;
/** net.ipv4.ip_unprivileged_port_start: ports below it are never FTP data ports. */
const UNPRIVILEGED_PORT_START = 1024;

function refKey(r: ServiceRef): string {
  return r.fwmark ? `f${r.fwmark}` : `${r.proto}|${r.vip}|${r.port}`;
}

function defaultIsUnicast(a: Ipv4): boolean {
  return a >>> 24 !== 0 && a !== IPV4_BROADCAST && !isMulticast(a);
}

export class ServiceTable {
  private readonly byKey = new Map<string, ServiceState>();
  private memo: { readonly proto: ServiceProto; readonly vaddr: Ipv4; readonly vport: number; readonly svc: ServiceState | undefined } | null = null;
  private trash: Array<{ readonly key: string; readonly svc: ServiceState; readonly dest: DestState }> = [];
  private readonly est = new WeakMap<IpvsStats, EstimatorState>();
  /** The counters as the estimator timer last summed them (the kernel's kstats): what ipvsadm reads. */
  private readonly summed = new WeakMap<IpvsStats, IpvsStats>();

  constructor(private readonly opts: ServiceTableOptions = {}) {}

  /** Services in the order they were added (ipvsadm -L sorts them itself). */
  services(): ServiceState[] {
    return [...this.byKey.values()];
  }

  find(ref: ServiceRef): ServiceState | undefined {
    return this.byKey.get(refKey(ref));
  }

  /**
   * ip_vs_service_find(): the service a packet belongs to. A firewall mark first, then the exact
   * VIP:port, then an FTP service on the VIP (for FTP data: port 20 or unprivileged ports),
   * then a port-zero service.
   */
  findForPacket(proto: ServiceProto, vaddr: Ipv4, vport: number, fwmark = 0): ServiceState | undefined {
    // One remembered answer for unmarked packets (each new connection asks, nearly always the
    // same question); any service added or deleted forgets it.
    const memo = this.memo;
    if (fwmark === 0 && memo !== null && memo.proto === proto && memo.vaddr === vaddr && memo.vport === vport) return memo.svc;
    const svc = this.lookupForPacket(proto, vaddr, vport, fwmark);
    if (fwmark === 0) this.memo = { proto, vaddr, vport, svc };
    return svc;
  }

  private lookupForPacket(proto: ServiceProto, vaddr: Ipv4, vport: number, fwmark: number): ServiceState | undefined {
    const at = (port: number): ServiceState | undefined => this.byKey.get(refKey({ proto, vip: vaddr, port, fwmark: 0 }));
    const marked = fwmark ? this.byKey.get(refKey({ proto, vip: vaddr, port: vport, fwmark })) : undefined;
    let svc = marked ?? at(vport);
    if (!svc && proto === 'tcp' && (vport === FTP_DATA_PORT || vport >= UNPRIVILEGED_PORT_START)) svc = at(FTP_PORT);
    return svc ?? at(0);
  }

  /** ipvsadm -A */
  addService(cfg: ServiceConfig): IpvsResult<ServiceState> {
    const key = refKey(cfg);
    if (this.byKey.has(key)) return fail('EEXIST', 'Service already exists');
    const sched = this.scheduler(cfg.scheduler);
    if (!sched) return fail('ENOENT', NO_SCHED);
    const svc: ServiceState = { config: cfg, dests: [], stats: emptyStats(), rates: zeroRates(), schedData: undefined };
    svc.schedData = sched.initService(svc);
    this.byKey.set(key, svc);
    this.memo = null;
    return ok(svc);
  }

  /** ipvsadm -E: new scheduler, flags, -p timeout and -M mask; a new scheduler starts afresh. */
  editService(cfg: ServiceConfig): IpvsResult<ServiceState> {
    const svc = this.byKey.get(refKey(cfg));
    if (!svc) return fail('ESRCH', 'No such service');
    const sched = this.scheduler(cfg.scheduler);
    if (!sched) return fail('ENOENT', NO_SCHED);
    const changed = svc.config.scheduler !== cfg.scheduler;
    svc.config = cfg;
    if (changed) svc.schedData = sched.initService(svc);
    return ok(svc);
  }

  /** ipvsadm -D: the service and its servers go; their connections stay until they expire. */
  deleteService(ref: ServiceRef): IpvsResult<ServiceState> {
    const key = refKey(ref);
    const svc = this.byKey.get(key);
    if (!svc) return fail('ESRCH', 'No such service');
    this.byKey.delete(key);
    this.memo = null;
    for (const dest of svc.dests) this.toTrash(key, svc, dest);
    svc.dests = [];
    return ok(svc);
  }

  /** ipvsadm -C */
  flush(): void {
    for (const svc of this.services()) this.deleteService(svc.config);
  }

  /** ipvsadm -a: the new server goes first in the list. */
  addDest(ref: ServiceRef, d: DestConfig): IpvsResult<DestState> {
    const svc = this.find(ref);
    if (!svc) return fail('ESRCH', 'Service not defined');
    const bad = checkDest(d);
    if (bad) return bad;
    if (findDest(svc, d.addr, d.port)) return fail('EEXIST', 'Destination already exists');
    let dest = this.fromTrash(svc, d);
    if (!dest) {
      if (!(this.opts.isUnicast ?? defaultIsUnicast)(d.addr)) return fail('EINVAL', EINVAL_TEXT);
      dest = newDest(d);
    }
    dest.overloaded = overloadAfterEdit(dest, d.uThreshold);
    dest.config = d;
    dest.available = true;
    svc.dests.unshift(dest);
    this.scheduler(svc.config.scheduler)?.onDestsChanged(svc);
    return ok(dest);
  }

  /** ipvsadm -e: weight, method and thresholds change in place. */
  editDest(ref: ServiceRef, d: DestConfig): IpvsResult<DestState> {
    const svc = this.find(ref);
    if (!svc) return fail('ESRCH', 'Service not defined');
    const bad = checkDest(d);
    if (bad) return bad;
    const dest = findDest(svc, d.addr, d.port);
    if (!dest) return fail('ENOENT', 'No such destination');
    dest.overloaded = overloadAfterEdit(dest, d.uThreshold);
    dest.config = d;
    this.scheduler(svc.config.scheduler)?.onDestsChanged(svc);
    return ok(dest);
  }

  /** ipvsadm -d: out of the list; connections keep it (no longer available) until they expire. */
  deleteDest(ref: ServiceRef, addr: Ipv4, port: number): IpvsResult<DestState> {
    const svc = this.find(ref);
    if (!svc) return fail('ESRCH', 'Service not defined');
    const dest = findDest(svc, addr, port);
    if (!dest) return fail('ENOENT', 'No such destination');
    svc.dests = svc.dests.filter((x) => x !== dest);
    this.toTrash(refKey(ref), svc, dest);
    this.scheduler(svc.config.scheduler)?.onDestsChanged(svc);
    return ok(dest);
  }

  /**
   * ipvsadm -Z [service]: ip_vs_zero_stats() takes the counters as the last timer summed them
   * as the new zero point, and zeroes the rates. Packets counted since that tick are kept: they
   * show once the next tick sums them. Here the counters are rebased on that zero point.
   */
  zero(ref?: ServiceRef): IpvsResult<void> {
    const targets = ref ? [this.find(ref)] : this.services();
    if (targets[0] === undefined && ref) return fail('ESRCH', 'No such service');
    for (const svc of targets) {
      if (!svc) continue;
      for (const o of [...svc.dests, svc]) {
        const k = this.summed.get(o.stats);
        if (k) {
          o.stats.conns -= k.conns;
          o.stats.inpkts -= k.inpkts;
          o.stats.outpkts -= k.outpkts;
          o.stats.inbytes -= k.inbytes;
          o.stats.outbytes -= k.outbytes;
        }
        this.summed.set(o.stats, emptyStats());
        this.est.set(o.stats, ZERO_ESTIMATOR);
        o.rates = zeroRates();
      }
    }
    return ok(undefined);
  }

  /** The estimator timer (every ESTIMATOR_PERIOD_MS): sums the counters and refreshes every rate. */
  tickEstimators(): void {
    for (const svc of this.byKey.values()) {
      for (const o of [...svc.dests, svc]) {
        this.summed.set(o.stats, { ...o.stats });
        const st = tick(o.stats, this.est.get(o.stats) ?? ZERO_ESTIMATOR);
        this.est.set(o.stats, st);
        o.rates = readRates(st);
      }
    }
  }

  /**
   * What `ipvsadm -L --stats` reads on a running kernel: the counters as of the last estimator
   * tick (ip_vs_copy_stats reads kstats, which only the 2 s timer updates), so right after
   * traffic they lag. Zero before the first tick.
   */
  summedStats(stats: IpvsStats): IpvsStats {
    return { ...(this.summed.get(stats) ?? emptyStats()) };
  }

  private scheduler(name: SchedulerName): Scheduler | undefined {
    return (this.opts.getScheduler ?? getScheduler)(name);
  }

  private toTrash(key: string, svc: ServiceState, dest: DestState): void {
    dest.available = false;
    this.trash.push({ key, svc, dest });
  }

  // ip_vs_trash_get_dest(): same VIP:port (or mark), address and port. Servers no connection
  // refers to any more are dropped first (see the file note).
  private fromTrash(svc: ServiceState, d: DestConfig): DestState | undefined {
    this.trash = this.trash.filter((t) => t.dest.activeConns + t.dest.inactConns + t.dest.persistConns > 0);
    const key = refKey(svc.config);
    const i = this.trash.findIndex((t) => t.key === key && t.dest.config.addr === d.addr && t.dest.config.port === d.port);
    const hit = this.trash[i];
    if (!hit) return undefined;
    this.trash.splice(i, 1);
    // Joining another service instance (same VIP:port, re-created) starts the counters afresh.
    if (hit.svc !== svc) {
      zeroStats(hit.dest.stats);
      this.est.set(hit.dest.stats, zeroEstimator(hit.dest.stats));
      this.summed.delete(hit.dest.stats);
      hit.dest.rates = zeroRates();
    }
    return hit.dest;
  }
}

function findDest(svc: ServiceState, addr: Ipv4, port: number): DestState | undefined {
  return svc.dests.find((x) => x.config.addr === addr && x.config.port === port);
}

// ip_vs_add_dest/ip_vs_edit_dest: -y above -x is refused, so -y needs -x.
function checkDest(d: DestConfig): { ok: false; error: IpvsError } | null {
  if (d.weight < 0 || d.lThreshold > d.uThreshold) return fail('ERANGE', ERANGE_TEXT);
  return null;
}

function newDest(config: DestConfig): DestState {
  return {
    config, activeConns: 0, inactConns: 0, persistConns: 0, overloaded: false, available: true,
    stats: emptyStats(), rates: zeroRates(),
  };
}
