/**
 * A scheduler's private data lives in svc.schedData (svc->sched_data in the kernel).
 * Each scheduler tags its record with its name, so a service whose scheduler was switched
 * (ipvsadm -E -s) or never initialised gets fresh data, as init_service would make it.
 */
import type { ServiceState } from '../types';

export function ownData<T extends { readonly kind: string }>(
  svc: ServiceState,
  kind: T['kind'],
  init: () => T,
): T {
  const d = svc.schedData as { kind?: unknown } | null | undefined;
  if (d !== null && typeof d === 'object' && d.kind === kind) return d as T;
  const fresh = init();
  svc.schedData = fresh;
  return fresh;
}
