/**
 * The health checker's decision for one real server, as keepalived's TCP_CHECK makes it: a
 * server in service is taken out after `fails` failed checks in a row, and a server taken out
 * is put back after `rises` successful checks in a row. A pure kernel: the checker
 * (health-checker.ts) runs the checks and applies the action.
 */
export interface HealthState {
  /** In service (as far as the checker is concerned). */
  readonly up: boolean;
  /** Checks in a row that went against the current state: failures while up, successes while down. */
  readonly streak: number;
}

export type HealthAction = 'none' | 'take-out' | 'put-back';

export const HEALTHY: HealthState = { up: true, streak: 0 };

export function healthStep(s: HealthState, ok: boolean, limits: { readonly fails: number; readonly rises: number }): { state: HealthState; action: HealthAction } {
  if (ok === s.up) return { state: s.streak === 0 ? s : { up: s.up, streak: 0 }, action: 'none' };
  const streak = s.streak + 1;
  if (s.up && streak >= limits.fails) return { state: { up: false, streak: 0 }, action: 'take-out' };
  if (!s.up && streak >= limits.rises) return { state: { up: true, streak: 0 }, action: 'put-back' };
  return { state: { up: s.up, streak }, action: 'none' };
}
