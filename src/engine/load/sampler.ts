/**
 * Samples of the director as ipvsadm shows it: ActiveConn/InActConn per real server at that
 * moment (`-L -n`), and what `--stats` counted since the previous sample (new connections,
 * packets, bytes) per server and for the service.
 */
import type { Ipv4 } from '../addr/ipv4';
import type { IpvsStats, ServiceState, DestState } from '../ipvs/types';
import type { ClientCounts } from './load-clients';
import type { DirectorSample, LoadSample, ServerSample } from './types';

const ZERO: IpvsStats = { conns: 0, inpkts: 0, outpkts: 0, inbytes: 0, outbytes: 0 };

export class Sampler {
  /** What each counter read at the previous sample (a removed server keeps its record in the kernel, and here). */
  private readonly last = new WeakMap<IpvsStats, IpvsStats>();
  private lastCounts: ClientCounts = { requests: 0, ok: 0, failed: 0, kept: 0, reset: 0, lost: 0 };
  /** New connections per server over the run (host id → count). */
  readonly conns = new Map<string, number>();

  constructor(
    private readonly nameOf: (addr: Ipv4) => string,
    private readonly isUp: (id: string) => boolean,
  ) {}

  private since(stats: IpvsStats): IpvsStats {
    const prev = this.last.get(stats) ?? ZERO;
    this.last.set(stats, { ...stats });
    return { conns: stats.conns - prev.conns, inpkts: stats.inpkts - prev.inpkts, outpkts: stats.outpkts - prev.outpkts, inbytes: stats.inbytes - prev.inbytes, outbytes: stats.outbytes - prev.outbytes };
  }

  /**
   * The sample at `t` (the connection table expired up to `t` first). `removed`: servers out of
   * the list now, whose connections made before they left still count in the totals.
   */
  take(t: number, svc: ServiceState, counts: ClientCounts, removed: Iterable<DestState>): LoadSample {
    const servers: Record<string, ServerSample> = {};
    for (const d of svc.dests) servers[this.nameOf(d.config.addr)] = this.server(d);
    for (const d of removed) if (!svc.dests.includes(d)) this.server(d);
    const s = this.since(svc.stats);
    const director: DirectorSample = { inPackets: s.inpkts, outPackets: s.outpkts, inBytes: s.inbytes, outBytes: s.outbytes };
    const p = this.lastCounts;
    this.lastCounts = { ...counts };
    return {
      t, servers, director,
      requests: { started: counts.requests - p.requests, ok: counts.ok - p.ok, failed: counts.failed - p.failed },
      disrupted: { kept: counts.kept, reset: counts.reset, lost: counts.lost },
    };
  }

  private server(d: DestState): ServerSample {
    const id = this.nameOf(d.config.addr);
    const s = this.since(d.stats);
    this.conns.set(id, (this.conns.get(id) ?? 0) + s.conns);
    return {
      active: d.activeConns, inactive: d.inactConns, conns: s.conns, weight: d.config.weight,
      inPackets: s.inpkts, outPackets: s.outpkts, inBytes: s.inbytes, outBytes: s.outbytes, up: this.isUp(id),
    };
  }
}
