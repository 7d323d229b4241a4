/**
 * ipvsadm-restore lines applied to a scenario's service list, so `--rules FILE` (and the app's
 * rule editor) change the scenario itself: what is exported, linked and simulated is the same.
 */
import { formatIpv4 } from '../addr/ipv4';
import type { DestSpec, ServiceSpec } from '../scenario/types';
import type { RuleCommand, ServiceKey } from './ipvsadm/parse-rules';
import type { DestConfig, ServiceConfig } from './types';

function sameService(s: ServiceSpec, k: ServiceKey): boolean {
  if (k.fwmark) return (s.fwmark ?? 0) === k.fwmark;
  return !s.fwmark && s.proto === k.proto && s.vip === formatIpv4(k.vip) && s.port === k.port;
}

function serviceSpecOf(c: ServiceConfig, dests: DestSpec[]): ServiceSpec {
  return {
    proto: c.proto === 'udp' ? 'udp' : 'tcp', vip: formatIpv4(c.vip), port: c.port, scheduler: c.scheduler, dests,
    ...(c.fwmark ? { fwmark: c.fwmark } : {}),
    ...(c.schedFlags.length ? { schedFlags: [...c.schedFlags] } : {}),
    ...(c.persistenceS !== undefined ? { persistence: { timeoutS: c.persistenceS, ...(c.persistenceMask !== undefined ? { netmask: formatIpv4(c.persistenceMask) } : {}) } } : {}),
  };
}

function destSpecOf(d: DestConfig, requestedPort?: number): DestSpec {
  return {
    addr: formatIpv4(d.addr), port: requestedPort ?? d.port, method: d.method, weight: d.weight,
    ...(d.uThreshold ? { uThreshold: d.uThreshold } : {}), ...(d.lThreshold ? { lThreshold: d.lThreshold } : {}),
  };
}

export function applyRulesToSpecs(start: readonly ServiceSpec[], commands: readonly RuleCommand[]): ServiceSpec[] {
  let specs: ServiceSpec[] = start.map((s) => ({ ...s, dests: [...s.dests] }));
  for (const c of commands) {
    switch (c.op) {
      case 'clear':
        specs = [];
        break;
      case 'add-service':
        specs.push(serviceSpecOf(c.config, []));
        break;
      case 'edit-service':
        specs = specs.map((s) => (sameService(s, c.config) ? serviceSpecOf(c.config, s.dests) : s));
        break;
      case 'delete-service':
        specs = specs.filter((s) => !sameService(s, c.service));
        break;
      case 'add-dest':
      case 'edit-dest':
      case 'delete-dest': {
        const svc = specs.find((s) => sameService(s, c.service));
        if (!svc) break;
        const addr = formatIpv4(c.op === 'delete-dest' ? c.addr : c.config.addr);
        const port = c.op === 'delete-dest' ? c.port : c.config.port;
        const i = svc.dests.findIndex((d) => d.addr === addr && (d.port === port || d.method !== 'masq'));
        if (c.op === 'add-dest') svc.dests.push(destSpecOf(c.config, c.requestedPort));
        else if (c.op === 'edit-dest' && i >= 0) svc.dests[i] = destSpecOf(c.config, c.requestedPort);
        else if (c.op === 'delete-dest' && i >= 0) svc.dests.splice(i, 1);
        break;
      }
      default: {
        const never: never = c;
        return never;
      }
    }
  }
  return specs;
}
