/**
 * The real servers a load run can drive, read from the scenario the page shows: the first
 * director's first virtual service, each destination named by the host that holds its address
 * (the load run's `servers`, before the worker has started).
 */
import type { Scenario } from '../../engine';

export interface DirectorServer {
  id: string;
  weight: number;
}

export interface DirectorService {
  director: string;
  scheduler: string;
  servers: DirectorServer[];
}

const bare = (cidr: string) => cidr.split('/')[0];

export function directorService(scenario: Scenario): DirectorService | null {
  const director = scenario.hosts.find((h) => h.role === 'director' && (h.ipvs?.services.length ?? 0) > 0);
  const service = director?.ipvs?.services[0];
  if (!director || !service) return null;
  const holder = (addr: string) => scenario.hosts.find((h) => h.id !== director.id && h.interfaces.some((i) => i.addrs.some((a) => bare(a.cidr) === addr)));
  const servers = service.dests.flatMap((d) => {
    const host = holder(d.addr);
    return host ? [{ id: host.id, weight: d.weight ?? 1 }] : [];
  });
  return servers.length ? { director: director.id, scheduler: service.scheduler, servers } : null;
}
