/**
 * Lookups derived once per trace: which host owns a MAC, which hosts hold an IP (a VIP is held
 * by several in DR and TUN), and each host's display name in either language.
 */
import type { Scenario, TraceJson } from '../../engine';
import { textIn, type Lang } from '../i18n/i18n';

export interface HostIndex {
  macOwner: ReadonlyMap<string, string>;
  ipOwners: ReadonlyMap<string, readonly string[]>;
  name(hostId: string, lang: Lang): string;
  /** The course's short form where space is tight (`DMAC: RS1`): the id when the name starts with it. */
  short(hostId: string, lang: Lang): string;
}

const bareIp = (cidr: string): string => cidr.split('/')[0] ?? cidr;

export function buildHostIndex(scenario: Scenario, trace: TraceJson): HostIndex {
  const macOwner = new Map<string, string>();
  const ipOwners = new Map<string, string[]>();
  for (const [hostId, h] of Object.entries(trace.hosts)) {
    for (const i of h.interfaces) {
      // lo has an all-zero MAC on every host: it names nobody.
      if (i.name !== 'lo' && !/^(00:){5}00$/.test(i.mac)) macOwner.set(i.mac, hostId);
      for (const a of i.addrs) {
        const ip = bareIp(a);
        if (ip.startsWith('127.')) continue;
        const owners = ipOwners.get(ip) ?? [];
        if (!owners.includes(hostId)) owners.push(hostId);
        ipOwners.set(ip, owners);
      }
    }
  }
  const specs = new Map(scenario.hosts.map((h) => [h.id, h]));
  const name = (hostId: string, lang: Lang) => {
    const n = specs.get(hostId)?.name;
    return n ? textIn(lang, n) : hostId;
  };
  return {
    macOwner,
    ipOwners,
    name,
    short: (hostId, lang) => {
      const n = name(hostId, lang);
      return n.startsWith(`${hostId} `) ? hostId : n;
    },
  };
}
