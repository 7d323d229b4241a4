/**
 * The course's names for a scenario's addresses (VIP, DIP, RIP, CIP: the slides' words) and
 * which hosts hold each, so an answer choice reads "192.168.1.100 · VIP · D, RS1, RS2" and a
 * wrong answer can be recognised as a known mistake ("the RIP" where the truth is "the VIP").
 */
import type { Scenario, TraceJson } from '../engine';

export type AddressTerm = 'vip' | 'dip' | 'rip' | 'cip';

export interface AddressInfo {
  ip: string;
  term: AddressTerm | null;
  /** Host ids holding it, in the scenario's order. */
  holders: string[];
  /** "lo:0", "tunl0", "eth0:0" per holder, where the address sits. */
  labels: Record<string, string>;
}

export type AddressBook = ReadonlyMap<string, AddressInfo>;

const bare = (cidr: string): string => cidr.split('/')[0] ?? cidr;

function termOf(ip: string, role: string, vips: ReadonlySet<string>, rips: ReadonlySet<string>): AddressTerm | null {
  if (vips.has(ip)) return 'vip';
  if (rips.has(ip)) return 'rip';
  if (role === 'client') return 'cip';
  if (role === 'director') return 'dip';
  return null;
}

/** Every non-loopback address of the run's hosts, named as the course names it. */
export function addressBook(trace: Pick<TraceJson, 'hosts'>, scenario: Pick<Scenario, 'hosts'>): AddressBook {
  const vips = new Set<string>();
  const rips = new Set<string>();
  for (const h of scenario.hosts) {
    for (const svc of h.ipvs?.services ?? []) {
      if (svc.fwmark === undefined) vips.add(svc.vip);
      for (const d of svc.dests) rips.add(d.addr);
    }
  }
  const roles = new Map(scenario.hosts.map((h) => [h.id, h.role]));
  const book = new Map<string, AddressInfo>();
  for (const [host, h] of Object.entries(trace.hosts)) {
    for (const iface of h.interfaces) {
      for (const cidr of iface.addrs) {
        const ip = bare(cidr);
        if (ip.startsWith('127.')) continue;
        const info = book.get(ip) ?? { ip, term: termOf(ip, roles.get(host) ?? '', vips, rips), holders: [], labels: {} };
        if (!info.holders.includes(host)) info.holders.push(host);
        info.labels[host] = iface.label ?? iface.name;
        // A VIP held by a client-side host still reads VIP; a DIP is only a director's own address.
        if (info.term === null) info.term = termOf(ip, roles.get(host) ?? '', vips, rips);
        book.set(ip, info);
      }
    }
  }
  return book;
}
