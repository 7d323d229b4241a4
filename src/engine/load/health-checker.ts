/**
 * A keepalived-like checker on the director: every `intervalS` it opens a TCP connection from
 * the director to each real server it watches (RIP:port, not through the virtual service) and
 * closes it once connected; no answer within the timeout (or a refusal) is a failure. What the
 * results mean is healthStep's (health.ts); what is done about them, the caller's `act`.
 */
import type { Host, World } from '../sim/world';
import type { TcpSocket } from '../tcp/tcp-socket';
import { HEALTHY, healthStep, type HealthAction, type HealthState } from './health';
import type { LoadServer } from './load-world';
import type { HealthCheckSpec } from './types';

/** A connect not answered within this many seconds fails, unless the spec says otherwise (or the interval is shorter). */
export const DEFAULT_CHECK_TIMEOUT_S = 3;

export class HealthChecker {
  private readonly states = new Map<string, HealthState>();
  private gen = 0;
  private spec: HealthCheckSpec | null = null;

  constructor(
    private readonly director: Host,
    /** The servers to check now (the checker's configuration). */
    private readonly watched: () => Iterable<LoadServer>,
    private readonly act: (w: World, server: LoadServer, action: Exclude<HealthAction, 'none'>) => void,
  ) {}

  /** Whether the checker has taken `id` out. */
  isOut(id: string): boolean {
    return this.states.get(id)?.up === false;
  }

  /** Starts (or restarts with new settings, or with null stops) the checks, the first one interval from now. */
  configure(w: World, spec: HealthCheckSpec | null): void {
    this.spec = spec;
    const gen = ++this.gen;
    if (spec === null) return;
    const every = spec.intervalS * 1000;
    const round = (): void => {
      if (gen !== this.gen) return;
      for (const s of this.watched()) this.check(w, s, spec);
      w.queue.pushAfter(w.now, every, { k: 'timer', fire: round });
    };
    w.queue.pushAfter(w.now, every, { k: 'timer', fire: round });
  }

  /** Forgets a server's history (it left the checker's configuration). */
  forget(id: string): void {
    this.states.delete(id);
  }

  private check(w: World, server: LoadServer, spec: HealthCheckSpec): void {
    let settled = false;
    // Set once connect() returns: a result can only come later, from the queue.
    const open: { sock: TcpSocket | undefined } = { sock: undefined };
    const settle = (ok: boolean): void => {
      if (settled) return;
      settled = true;
      if (open.sock !== undefined) this.director.tcp.close(w, open.sock);
      this.result(w, server, ok);
    };
    const sock = this.director.tcp.connect(w, server.addr, server.port, w.nextConnId++, {
      onConnected: () => settle(true),
      onClosed: () => settle(false),
    });
    if (sock === undefined) return settle(false);
    open.sock = sock;
    const timeoutMs = Math.min(spec.timeoutS ?? DEFAULT_CHECK_TIMEOUT_S, spec.intervalS) * 1000;
    w.queue.pushAfter(w.now, timeoutMs, { k: 'timer', fire: () => settle(false) });
  }

  private result(w: World, server: LoadServer, ok: boolean): void {
    const spec = this.spec;
    if (spec === null) return;
    const step = healthStep(this.states.get(server.id) ?? HEALTHY, ok, spec);
    this.states.set(server.id, step.state);
    if (step.action !== 'none') this.act(w, server, step.action);
  }
}
