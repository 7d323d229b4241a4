/**
 * Puts a scenario's IPVS rules on a host, as if typed with ipvsadm in order: each service
 * (-A), then its real servers (-a) in the order listed, each one going to the head of the
 * kernel's list. As ipvsadm itself does, a port given for a gate or ipip real server is
 * replaced by the service port without a word; the trace says so, since that is the lesson.
 */
import { formatIpv4, parseIpv4, type Ipv4 } from '../addr/ipv4';
import type { Host, World } from '../sim/world';
import type { ServiceSpec } from '../scenario/types';
import { isUnicastOn } from './dest-addr-type';
import { IpvsDirector } from './ipvs-director';
import type { DestConfig, SchedulerName, ServiceConfig } from './types';

function addr(text: string): Ipv4 {
  const r = parseIpv4(text);
  return r.ok ? r.value : (0 as Ipv4);
}

export function serviceConfigOf(s: ServiceSpec): ServiceConfig {
  return {
    proto: s.proto, vip: addr(s.vip), port: s.port, fwmark: s.fwmark ?? 0,
    scheduler: s.scheduler as SchedulerName, schedFlags: s.schedFlags ?? [],
    ...(s.persistence ? { persistenceS: s.persistence.timeoutS, persistenceMask: addr(s.persistence.netmask ?? '255.255.255.255') } : {}),
  };
}

export function attachDirector(w: World, host: Host, spec: { services: ServiceSpec[] }): void {
  const d = new IpvsDirector(w, { isUnicast: (a) => isUnicastOn(host, a) });
  host.director = d;
  for (const s of spec.services) {
    const cfg = serviceConfigOf(s);
    const svcName = `${s.vip}:${s.port}`;
    const added = d.services.addService(cfg);
    if (!added.ok) {
      w.trace.action(0, host.id, 'ipvsadm-error', { rule: `-A ${svcName}`, message: added.error.message }, 0, { rule: `-A ${svcName}`, message: added.error.message });
      continue;
    }
    for (const ds of s.dests) {
      let port = ds.port;
      if (!cfg.fwmark && ds.method !== 'masq' && port !== cfg.port) {
        w.trace.action(0, host.id, 'ipvsadm-port-replaced', { rs: `${ds.addr}:${ds.port}`, used: `${ds.addr}:${cfg.port}`, method: ds.method }, 0,
          { rs: `${ds.addr}:${ds.port}`, used: `${ds.addr}:${cfg.port}`, method: ds.method });
        port = cfg.port;
      }
      const dc: DestConfig = { addr: addr(ds.addr), port, method: ds.method, weight: ds.weight ?? 1, uThreshold: ds.uThreshold ?? 0, lThreshold: ds.lThreshold ?? 0 };
      const r = d.services.addDest(cfg, dc);
      if (!r.ok) {
        const rule = `-a ${svcName} -r ${formatIpv4(dc.addr)}:${port}`;
        w.trace.action(0, host.id, 'ipvsadm-error', { rule, message: r.error.message }, 0, { rule, message: r.error.message });
      }
    }
  }
}
