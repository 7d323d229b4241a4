/**
 * The load view's form: what a teacher sets before a run, and the engine's LoadOptions it makes.
 * Numbers are clamped to what the engine accepts (1–1,000 clients) so a half-typed field never
 * starts a run the worker refuses.
 */
import type { HealthCheckSpec, LoadOptions } from '../../engine';

export interface LoadSettings {
  clients: number;
  /** Requests per second, all clients together (Poisson arrivals). */
  ratePerS: number;
  /** How long a client keeps its connection for its next request, ms (0: one request a connection). */
  keepAliveMs: number;
  /** The run stops starting requests after this many… */
  requests: number;
  /** …or at this simulated second, whichever comes first. */
  durationS: number;
  scheduler: string;
  /** Weight per real server id (the scenario's for those not named). */
  weights: Readonly<Record<string, number>>;
  /** A second run with this scheduler, side by side (null: one run). */
  compareWith: string | null;
  /** keepalived-like checker from the start (null: none). */
  health: HealthCheckSpec | null;
  seed: number;
}

export const MAX_CLIENTS = 1000;
export const DEFAULT_HEALTH: HealthCheckSpec = { intervalS: 2, fails: 2, rises: 2, action: 'weight-0' };

export function defaultSettings(scheduler: string): LoadSettings {
  return { clients: 200, ratePerS: 200, keepAliveMs: 2000, requests: 6000, durationS: 40, scheduler, weights: {}, compareWith: null, health: null, seed: 1 };
}

const int = (n: number, lo: number, hi: number) => (Number.isFinite(n) ? Math.min(hi, Math.max(lo, Math.round(n))) : lo);

export function loadOptions(s: LoadSettings, scheduler = s.scheduler): LoadOptions {
  return {
    clients: int(s.clients, 1, MAX_CLIENTS),
    ratePerS: Math.max(0.1, Number.isFinite(s.ratePerS) ? s.ratePerS : 1),
    keepAliveMs: int(s.keepAliveMs, 0, 600_000),
    requests: int(s.requests, 1, 10_000_000),
    durationMs: int(s.durationS, 1, 86_400) * 1000,
    scheduler,
    weights: s.weights,
    seed: int(s.seed, 0, 2 ** 31 - 1),
    sampleMs: 1000,
    ...(s.health ? { health: s.health } : {}),
  };
}
