/**
 * A load run's options checked and completed with their defaults. A problem is one line that
 * starts with the option's name and says what was expected, so the CLI can name its flag.
 */
import { SCHEDULER_NAMES } from '../ipvs/types';
import type { HealthCheckSpec, LoadChange, LoadClientSpec, LoadOptions, TimedLoadChange } from './types';

export const MAX_CLIENTS = 1000;
export const DEFAULT_RATE_PER_S = 100;
export const DEFAULT_SAMPLE_MS = 1000;
export const DEFAULT_TIMEOUT_MS = 10_000;
/** ip_vs_ctl.c refuses a weight below 0 or above INT_MAX. */
const MAX_WEIGHT = 2_147_483_647;

export interface ResolvedLoadOptions {
  readonly clients: readonly LoadClientSpec[];
  readonly maxRequests: number;
  readonly untilMs: number;
  readonly seed: number;
  readonly scheduler: string | undefined;
  readonly weights: Readonly<Record<string, number>> | undefined;
  readonly sampleMs: number;
  readonly timeoutMs: number;
  readonly changes: readonly TimedLoadChange[];
  readonly health: HealthCheckSpec | undefined;
  readonly director: string | undefined;
}

const isInt = (x: unknown, lo: number, hi: number): x is number => typeof x === 'number' && Number.isInteger(x) && x >= lo && x <= hi;
const isPos = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0;
const isNonNeg = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;

export function checkHealth(h: HealthCheckSpec, name = 'health'): string | undefined {
  if (!isPos(h.intervalS)) return `${name}: expected an interval above 0 seconds, found ${String(h.intervalS)}`;
  if (!isInt(h.fails, 1, 1_000_000)) return `${name}: expected failures (a whole number, 1 or more), found ${String(h.fails)}`;
  if (!isInt(h.rises, 1, 1_000_000)) return `${name}: expected successes (a whole number, 1 or more), found ${String(h.rises)}`;
  if (h.action !== 'weight-0' && h.action !== 'remove') return `${name}: expected the action weight-0 or remove, found ${String(h.action)}`;
  if (h.timeoutS !== undefined && !isPos(h.timeoutS)) return `${name}: expected a timeout above 0 seconds, found ${String(h.timeoutS)}`;
  return undefined;
}

/** A change's own shape (whether its server exists is the run's to say). */
export function checkChange(c: LoadChange): string | undefined {
  if (c.kind === 'weight' && !isInt(c.weight, 0, MAX_WEIGHT)) return `weight: expected a whole number from 0 to ${MAX_WEIGHT}, found ${String(c.weight)}`;
  if (c.kind === 'add-server' && c.weight !== undefined && !isInt(c.weight, 0, MAX_WEIGHT)) return `weight: expected a whole number from 0 to ${MAX_WEIGHT}, found ${String(c.weight)}`;
  if (c.kind === 'health' && c.health !== null) return checkHealth(c.health);
  return undefined;
}

export function resolveLoadOptions(o: LoadOptions, scenarioSeed: number | undefined): ResolvedLoadOptions | string {
  if (!isInt(o.clients, 1, MAX_CLIENTS)) return `clients: expected a whole number from 1 to ${MAX_CLIENTS}, found ${String(o.clients)}`;
  if (o.requests === undefined && o.durationMs === undefined) return 'requests: expected a number of requests or a duration, found neither';
  if (o.requests !== undefined && !isInt(o.requests, 1, Number.MAX_SAFE_INTEGER)) return `requests: expected a whole number, 1 or more, found ${String(o.requests)}`;
  if (o.durationMs !== undefined && !isPos(o.durationMs)) return `durationMs: expected a duration above 0 ms, found ${String(o.durationMs)}`;
  const rate = o.ratePerS ?? DEFAULT_RATE_PER_S;
  if (!isPos(rate)) return `ratePerS: expected requests per second above 0, found ${String(o.ratePerS)}`;
  const keep = o.keepAliveMs ?? 0;
  if (!isNonNeg(keep)) return `keepAliveMs: expected 0 ms or more, found ${String(o.keepAliveMs)}`;
  const seed = o.seed ?? scenarioSeed ?? 1;
  if (!isInt(seed, 0, 0xffffffff)) return `seed: expected a whole number from 0 to 4294967295, found ${String(o.seed)}`;
  if (o.scheduler !== undefined && !(SCHEDULER_NAMES as readonly string[]).includes(o.scheduler)) return `scheduler: expected one of ${SCHEDULER_NAMES.join(', ')}, found ${o.scheduler}`;
  for (const [id, w] of Object.entries(o.weights ?? {})) if (!isInt(w, 0, MAX_WEIGHT)) return `weights: expected ${id}'s weight as a whole number from 0 to ${MAX_WEIGHT}, found ${String(w)}`;
  const sampleMs = o.sampleMs ?? DEFAULT_SAMPLE_MS;
  if (!isPos(sampleMs)) return `sampleMs: expected a sampling interval above 0 ms, found ${String(o.sampleMs)}`;
  const timeoutMs = o.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!isPos(timeoutMs)) return `requestTimeoutMs: expected a time above 0 ms, found ${String(o.requestTimeoutMs)}`;
  const clients: LoadClientSpec[] = [];
  for (let i = 0; i < o.clients; i++) {
    const own = o.perClient?.[i];
    if (own && (!isNonNeg(own.ratePerS) || !isNonNeg(own.keepAliveMs))) return `perClient: expected client ${i}'s rate and keep-alive as numbers 0 or more`;
    clients.push(own ?? { ratePerS: rate / o.clients, keepAliveMs: keep });
  }
  if (!clients.some((c) => c.ratePerS > 0)) return 'perClient: expected at least one client with a rate above 0';
  for (const c of o.changes ?? []) {
    if (!isNonNeg(c.atMs)) return `changes: expected a time of 0 ms or more, found ${String(c.atMs)}`;
    const bad = checkChange(c.change);
    if (bad) return bad;
  }
  if (o.health) {
    const bad = checkHealth(o.health);
    if (bad) return bad;
  }
  return {
    clients, maxRequests: o.requests ?? Number.MAX_SAFE_INTEGER, untilMs: o.durationMs ?? Infinity, seed, scheduler: o.scheduler,
    weights: o.weights, sampleMs, timeoutMs, changes: [...(o.changes ?? [])].sort((a, b) => a.atMs - b.atMs), health: o.health, director: o.director,
  };
}
