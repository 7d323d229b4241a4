/**
 * IPVS rules changed on a running director, as `ipvsadm` changes them in the kernel: existing
 * connections keep their real server, a deleted server's connections finish, a new service
 * starts with its scheduler's state fresh. The first rule on a host loads IPVS there (as the
 * ip_vs module's first use does). The host's scenario spec follows the table.
 */
import { formatIpv4, type Ipv4 } from '../addr/ipv4';
import { attachDirector } from '../ipvs/attach';
import type { IpvsDirector } from '../ipvs/ipvs-director';
import { checkScheduler } from '../ipvs/ipvsadm/kernel-errors';
import type { RuleCommand } from '../ipvs/ipvsadm/parse-rules';
import type { IpvsResult } from '../ipvs/service-table';
import { withSetTimeouts } from '../ipvs/timeouts';
import type { ServiceState } from '../ipvs/types';
import type { ServiceSpec } from '../scenario/types';
import type { Host } from '../sim/world';
import type { LiveWorld } from './live-world';

/** The host's IPVS, loaded on first use when `load` is set. */
export function ipvsOf(live: LiveWorld, host: Host, load: boolean): IpvsDirector | undefined {
  if (!host.director && load) attachDirector(live.world, host, { services: [] });
  return host.director as IpvsDirector | undefined;
}

/** `apply` unless the console's kernel (6.1) has no module for the scheduler (checkScheduler). */
function withKernelScheduler(name: string, apply: () => IpvsResult<unknown>): IpvsResult<unknown> {
  const missing = checkScheduler(name);
  return missing ? { ok: false, error: { errno: 'ENOENT', message: missing } } : apply();
}

/** Applies one parsed ipvsadm command; the error carries the kernel's message as ipvsadm prints it. */
export function applyRule(live: LiveWorld, host: Host, rule: RuleCommand): IpvsResult<unknown> {
  const d = ipvsOf(live, host, true) as IpvsDirector;
  const t = d.services;
  let r: IpvsResult<unknown>;
  switch (rule.op) {
    // The kernel finds the service first (EEXIST for -A, ESRCH for -E), then the scheduler's module.
    case 'add-service':
      r = t.find(rule.config) ? t.addService(rule.config) : withKernelScheduler(rule.config.scheduler, () => t.addService(rule.config));
      break;
    case 'edit-service':
      r = t.find(rule.config) ? withKernelScheduler(rule.config.scheduler, () => t.editService(rule.config)) : t.editService(rule.config);
      break;
    case 'delete-service':
      r = t.deleteService(rule.service);
      break;
    case 'add-dest':
      r = t.addDest(rule.service, rule.config);
      break;
    case 'edit-dest':
      r = t.editDest(rule.service, rule.config);
      break;
    case 'delete-dest':
      r = t.deleteDest(rule.service, rule.addr, rule.port);
      break;
    case 'clear':
      t.flush();
      r = { ok: true, value: undefined };
      break;
    default: {
      const never: never = rule;
      return never;
    }
  }
  if (r.ok) syncIpvsSpec(live, host, t.services());
  return r;
}

/** `ipvsadm -Z [service]`. */
export function zeroCounters(live: LiveWorld, host: Host, service?: { proto: 'tcp' | 'udp' | 'sctp'; vip: Ipv4; port: number; fwmark: number }): IpvsResult<void> {
  const d = ipvsOf(live, host, true) as IpvsDirector;
  return d.services.zero(service);
}

/**
 * `ipvsadm --set tcp tcpfin udp` (seconds; 0 keeps a value): entries take the new timeouts at
 * their next state change, as the kernel's do. The scenario has no place for them.
 */
export function setIpvsTimeouts(live: LiveWorld, host: Host, t: { tcpS: number; tcpFinS: number; udpS: number }): void {
  const d = ipvsOf(live, host, true) as IpvsDirector;
  d.conns.timeouts = withSetTimeouts(d.conns.timeouts, t);
}

/** The scenario's form of the table: services in kernel order, servers in the order they were added. */
function specOfService(s: ServiceState): ServiceSpec {
  const c = s.config;
  return {
    proto: c.proto === 'udp' ? 'udp' : 'tcp',
    vip: formatIpv4(c.vip),
    port: c.port,
    ...(c.fwmark ? { fwmark: c.fwmark } : {}),
    scheduler: c.scheduler,
    ...(c.schedFlags.length ? { schedFlags: [...c.schedFlags] } : {}),
    ...(c.persistenceS !== undefined ? {
      persistence: { timeoutS: c.persistenceS, ...(c.persistenceMask !== undefined && c.persistenceMask !== 0xffffffff ? { netmask: formatIpv4(c.persistenceMask) } : {}) },
    } : {}),
    // The kernel's list has the newest server first; a scenario lists them in `ipvsadm -a` order.
    dests: [...s.dests].reverse().map((d) => ({
      addr: formatIpv4(d.config.addr), port: d.config.port, method: d.config.method,
      ...(d.config.weight !== 1 ? { weight: d.config.weight } : {}),
      ...(d.config.uThreshold ? { uThreshold: d.config.uThreshold } : {}),
      ...(d.config.lThreshold ? { lThreshold: d.config.lThreshold } : {}),
    })),
  };
}

function syncIpvsSpec(live: LiveWorld, host: Host, services: readonly ServiceState[]): void {
  const spec = live.specOf(host.id);
  if (!spec) return;
  spec.ipvs = { services: services.map(specOfService) };
}
