/**
 * A world that keeps running while someone types: the scenario is built and its own traffic
 * played, then commands change hosts at the current simulated time (`ip addr add`, `sysctl -w`,
 * `ipvsadm -a`, …) and traffic commands advance time until they finish, as a real shell waits.
 * The scenario (what the editor, topology and links show) follows every change, so the live
 * world and `scenario()` built afresh agree.
 */
import { announceAddresses } from '../arp/garp';
import { attachDirector } from '../ipvs/attach';
import { buildWorld } from '../scenario/build';
import type { Scenario } from '../scenario/types';
import { DEFAULT_MAX_EVENTS, dispatchEvent } from '../sim/run';
import { eventJson, traceJson } from '../sim/to-json';
import type { TraceEventJson, TraceJson } from '../sim/trace-json';
import { worldView } from '../sim/view';
import type { WorldView } from '../sim/world-view';
import { Trace, type TraceEvent } from '../sim/trace';
import { createWorld, type Host, type World } from '../sim/world';

export interface LiveOptions {
  seed?: number;
  /** Keep every event (default) so the session's trace can be shown and stepped. */
  retain?: boolean;
  maxEvents?: number;
}

/** How a bounded run ended: its condition held, time ran out, nothing was left to do, or the event budget was spent. */
export type LiveStop = 'done' | 'time' | 'idle' | 'event-limit';

/** How long the scenario's own traffic may run before the first command (an hour, as `simulate` allows). */
const SCENARIO_TRAFFIC_LIMIT_MS = 3_600_000;

export class LiveWorld {
  readonly world: World;
  private spec: Scenario;
  /** The kernel's ping_port_rover: one counter for every namespace, so pings get identifiers 1, 2, 3, … */
  private pingRover = 0;

  constructor(scenario: Scenario, opts: LiveOptions = {}) {
    this.spec = structuredClone(scenario);
    const trace = new Trace(opts.retain ?? true, opts.maxEvents ?? DEFAULT_MAX_EVENTS);
    this.world = createWorld(opts.seed ?? scenario.seed ?? 1, trace);
    this.world.live = true;
    buildWorld(this.world, this.spec, { attachDirector });
    announceAddresses(this.world);
    for (const host of this.world.hostList) for (const app of host.apps) app.start(this.world, host);
    // The scenario's own clients play first, as the lab's startup files would run before anyone types.
    if (this.world.activeClients > 0) this.runUntil(this.world.now + SCENARIO_TRAFFIC_LIMIT_MS, () => this.world.activeClients === 0 && this.world.inflight === 0);
  }

  get now(): number {
    return this.world.now;
  }

  get trace(): Trace {
    return this.world.trace;
  }

  /** The trace events recorded from index `from` on (a command's own frames and decisions). */
  eventsSince(from: number): readonly TraceEvent[] {
    return this.world.trace.events.slice(from);
  }

  /** The same events in the contract's JSON form (dotted quads, flag names), for readers outside the engine. */
  eventsJsonSince(from: number): TraceEventJson[] {
    return this.world.trace.events.slice(from).map(eventJson);
  }

  /** The whole session's trace in the contract's JSON form, as `simulate` returns a run's: what the app steps through. */
  traceJson(): TraceJson {
    return traceJson(this.spec.id, this.world, this.world.trace.events);
  }

  /** Every host's state now, as the inspector shows it. */
  view(): WorldView {
    return worldView(this.world);
  }

  /** How many trace events are recorded so far: the index the next command's events start at. */
  get eventCount(): number {
    return this.world.trace.events.length;
  }

  /** The scenario as the commands so far have left it (a copy). */
  scenario(): Scenario {
    return structuredClone(this.spec);
  }

  /** The live spec, for the configuration helpers in this folder to keep in step. */
  specOf(hostId: string): Scenario['hosts'][number] | undefined {
    return this.spec.hosts.find((h) => h.id === hostId);
  }

  /** Replaces the whole scenario spec's host list entry order-preserving (used when a change touches every host). */
  allSpecs(): Scenario['hosts'] {
    return this.spec.hosts;
  }

  host(hostId: string): Host | undefined {
    return this.world.hosts.get(hostId);
  }

  hostIds(): string[] {
    return this.world.hostList.map((h) => h.id);
  }

  /**
   * Processes events in time order until `until()` holds, the next event lies after `limitMs`
   * (then the clock stands at `limitMs`), nothing is left, or the trace is full.
   */
  runUntil(limitMs: number, until?: () => boolean): LiveStop {
    const w = this.world;
    const q = w.queue;
    for (;;) {
      if (until?.()) return 'done';
      if (w.trace.full) return 'event-limit';
      const t = q.peekTime();
      if (t > limitMs) {
        if (Number.isFinite(limitMs) && limitMs > w.now) w.now = limitMs;
        return q.size ? 'time' : 'idle';
      }
      const item = q.popItem();
      if (!item) return 'idle';
      w.now = t;
      dispatchEvent(w, item);
    }
  }

  /** Lets `ms` of simulated time pass (`sleep`), everything due in it happening. */
  advance(ms: number): void {
    this.runUntil(this.world.now + Math.max(0, ms));
  }

  /** The identifier the kernel gives the next ICMP datagram (ping) socket (ping_get_port: never 0). */
  nextPingIdent(): number {
    this.pingRover = (this.pingRover % 0xffff) + 1;
    return this.pingRover;
  }

  /** Records a typed command in the trace, so the timeline and step-back see where it ran. */
  noteCommand(hostId: string, line: string, exitCode: number): void {
    const w = this.world;
    w.trace.action(w.now, hostId, 'shell-command', { line, exit: exitCode }, 0, { line, exit: exitCode });
  }
}
