/**
 * startLoadRun: many clients through a scenario's director on the engine every run uses, driven
 * the way the streaming runs are (no events kept, the same loop over the event queue), in
 * slices of simulated time. Samples fall on multiples of sampleMs and see every event up to
 * their time; timed changes apply before the events at their time. Slicing never changes what
 * happens: the same options give the same samples however advance() is called.
 */
import { dispatchEvent } from '../sim/run';
import { createPrng } from '../sim/prng';
import type { Scenario } from '../scenario/types';
import { formatConns } from '../ipvs/ipvsadm/format-conns';
import type { IpvsadmOutput } from '../ipvs/ipvsadm/run';
import { HealthChecker } from './health-checker';
import { LoadClients } from './load-clients';
import { checkChange, resolveLoadOptions, type ResolvedLoadOptions } from './load-options';
import { buildLoadWorld, type LoadWorld } from './load-world';
import { Sampler } from './sampler';
import { ServerControl } from './server-control';
import type { HealthCheckSpec, LoadChange, LoadOptions, LoadRun, LoadSample, LoadStart, LoadTotals, TimedLoadChange } from './types';

class Run implements LoadRun {
  private readonly clients: LoadClients;
  private readonly control: ServerControl;
  private readonly checker: HealthChecker;
  private readonly sampler: Sampler;
  private readonly changes: TimedLoadChange[];
  private nextSampleMs: number;
  private ended = false;
  /** Servers the checker watches: those the operator has in the service (the checker's own removals stay watched). */
  private readonly watched = new Set<string>();
  private health: HealthCheckSpec | null;

  constructor(private readonly lw: LoadWorld, private readonly o: ResolvedLoadOptions) {
    const w = lw.world;
    this.health = o.health ?? null;
    this.clients = new LoadClients({
      host: lw.client, addrs: lw.clientAddrs, vip: lw.service.vip, vport: lw.service.port, specs: o.clients,
      prng: createPrng(o.seed, 'load-arrivals'), maxRequests: o.maxRequests, untilMs: o.untilMs, timeoutMs: o.timeoutMs,
    });
    this.control = new ServerControl(lw, this.clients);
    for (const id of this.control.dests.keys()) this.watched.add(id);
    this.checker = new HealthChecker(lw.director, () => [...this.watched].map((id) => lw.servers.get(id)).filter((s) => s !== undefined), (_w, s, action) => {
      const remove = this.health?.action === 'remove';
      if (action === 'take-out') {
        if (remove) this.control.remove(s);
        else this.control.setWeight(s, 0, false);
      } else if (remove) this.control.add(s);
      else this.control.setWeight(s, this.control.weightOf(s.id), false);
    });
    this.sampler = new Sampler((a) => this.control.nameOf(a), (id) => this.control.isUp(id));
    this.changes = [...o.changes];
    this.nextSampleMs = o.sampleMs;
    // The director's rate estimator ticks while a client is active (ipvs-director.ts).
    w.activeClients++;
    this.clients.start(w);
    if (o.health) this.checker.configure(w, o.health);
  }


  get nowMs(): number {
    return this.lw.world.now;
  }

  get done(): boolean {
    return this.ended;
  }

  get servers(): readonly string[] {
    return [...this.lw.servers.keys()];
  }

  get hops(): number {
    return this.lw.world.trace.stats.frames;
  }

  advance(untilMs: number): LoadSample[] {
    const out: LoadSample[] = [];
    const w = this.lw.world;
    const q = w.queue;
    const clients = this.clients;
    while (!this.ended) {
      const t = q.peekTime();
      const change = this.changes[0];
      if (change !== undefined && change.atMs <= t && change.atMs <= untilMs && change.atMs <= this.nextSampleMs) {
        this.changes.shift();
        w.now = Math.max(w.now, change.atMs);
        this.apply(change.change);
        continue;
      }
      if (t > this.nextSampleMs && this.nextSampleMs <= untilMs) {
        out.push(this.sample(this.nextSampleMs));
        this.nextSampleMs += this.o.sampleMs;
        continue;
      }
      if (t > untilMs) break;
      const item = q.popItem();
      if (!item) break;
      w.now = t;
      dispatchEvent(w, item);
      if (clients.finished) {
        this.ended = true;
        w.activeClients--;
        out.push(this.sample(w.now));
      }
    }
    if (!this.ended && w.now < untilMs && Number.isFinite(untilMs)) w.now = untilMs;
    return out;
  }

  private sample(t: number): LoadSample {
    const w = this.lw.world;
    w.now = Math.max(w.now, t);
    this.lw.ipvs.conns.expire(t);
    return this.sampler.take(t, this.control.svc(), this.clients.counts, this.control.dests.values());
  }

  apply(change: LoadChange): string | undefined {
    const bad = checkChange(change);
    if (bad) return bad;
    const w = this.lw.world;
    if (change.kind === 'health') {
      this.health = change.health;
      this.checker.configure(w, change.health);
      return undefined;
    }
    const s = this.lw.servers.get(change.server);
    if (!s) return `${change.kind}: ${change.server} is not a real server of this run (${this.servers.join(', ')})`;
    switch (change.kind) {
      case 'weight':
        // A server the checker holds out takes the new weight when it is put back.
        return this.control.setWeight(s, this.checker.isOut(s.id) ? 0 : change.weight, true, change.weight);
      case 'add-server':
        this.watched.add(s.id);
        return this.control.add(s, change.weight);
      case 'remove-server':
        this.watched.delete(s.id);
        this.checker.forget(s.id);
        return this.control.remove(s);
      case 'fail':
        this.control.fail(s);
        return undefined;
      case 'restore':
        this.control.restore(s);
        return undefined;
      default: {
        const never: never = change;
        return never;
      }
    }
  }

  totals(): LoadTotals {
    const c = this.clients.counts;
    const st = this.control.svc().stats;
    const servers: Record<string, { conns: number }> = {};
    for (const id of this.lw.servers.keys()) {
      const n = this.sampler.conns.get(id);
      if (n !== undefined) servers[id] = { conns: n };
    }
    return {
      requests: c.requests, ok: c.ok, failed: c.failed, servers,
      director: { conns: st.conns, inPackets: st.inpkts, outPackets: st.outpkts, inBytes: st.inbytes, outBytes: st.outbytes },
      disrupted: { kept: c.kept, reset: c.reset, lost: c.lost },
    };
  }

  ipvsadm(argv: readonly string[]): IpvsadmOutput {
    return this.lw.ipvs.runIpvsadm(this.lw.world, argv);
  }

  connTableHead(lines: number): { head: string; entries: number } {
    const conns = this.lw.ipvs.conns;
    // As runIpvsadm: entries past their timeout are gone before the table is read.
    conns.expire(this.lw.world.now);
    const first = [];
    for (const c of conns.entries()) {
      if (first.length >= lines) break;
      first.push(c);
    }
    return { head: formatConns(first, this.lw.world.now).slice(0, -1), entries: conns.size };
  }
}

/**
 * Starts a load run; nothing runs until the first advance().
 * @example
 * const r = startLoadRun(getPreset('nat-lab')!, { clients: 100, requests: 1000, scheduler: 'wlc' });
 * if (r.ok) while (!r.run.done) chart(r.run.advance(r.run.nowMs + 5000));
 */
export function startLoadRun(scenario: Scenario, options: LoadOptions): LoadStart {
  const o = resolveLoadOptions(options, scenario.seed);
  if (typeof o === 'string') return { ok: false, message: o };
  for (const c of o.changes) {
    const id = 'server' in c.change ? c.change.server : undefined;
    if (id !== undefined && !scenario.hosts.some((h) => h.id === id)) return { ok: false, message: `changes: ${id} is not a host of ${scenario.id}` };
  }
  const lw = buildLoadWorld(scenario, { clients: o.clients.length, seed: o.seed, scheduler: o.scheduler, weights: o.weights, director: o.director });
  if (typeof lw === 'string') return { ok: false, message: lw };
  for (const c of o.changes) {
    const id = 'server' in c.change ? c.change.server : undefined;
    if (id !== undefined && !lw.servers.has(id)) return { ok: false, message: `changes: ${id} is not a real server of this run (${[...lw.servers.keys()].join(', ')})` };
  }
  return { ok: true, run: new Run(lw, o) };
}
