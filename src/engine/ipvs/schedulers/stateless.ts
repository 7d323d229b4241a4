/**
 * What the schedulers without private data share: they keep nothing between
 * connections (init_service, add_dest… are NULL in their struct ip_vs_scheduler).
 */
import type { DestState, SchedulerName, ServiceState } from '../types';
import type { SchedInput, Scheduler } from './scheduler';

export function stateless(
  name: SchedulerName,
  pick: (svc: ServiceState, input: SchedInput) => DestState | null,
): Scheduler {
  return {
    name,
    initService: () => null,
    onDestsChanged: () => undefined,
    schedule: pick,
  };
}
