/**
 * Kernel modules a lab loads with modprobe. Loading ipip registers the IP-in-IP fallback
 * device tunl0 in every network namespace (ipip_init_net runs for each one), so every host of
 * a lab gets a tunl0, down and without addresses, as the oracle shows. ip_vs and its
 * schedulers are always there in the simulation: loading them changes nothing.
 */
import type { Mac } from '../addr/mac';
import { makeIface } from '../scenario/build';
import type { Host } from '../sim/world';
import { refreshHost } from './host-config';
import type { LiveWorld } from './live-world';

/** The modules modprobe finds, as Debian 12's kernel names them. */
export const KNOWN_MODULES: ReadonlySet<string> = new Set([
  'ipip', 'tunnel4', 'ip_tunnel', 'ip_vs', 'ip_vs_rr', 'ip_vs_wrr', 'ip_vs_lc', 'ip_vs_wlc', 'ip_vs_lblc',
  'ip_vs_lblcr', 'ip_vs_dh', 'ip_vs_sh', 'ip_vs_sed', 'ip_vs_nq', 'ip_vs_fo', 'ip_vs_ovf', 'ip_vs_mh',
  'nf_conntrack', 'nf_defrag_ipv4', 'nf_defrag_ipv6', 'bridge', 'veth',
]);

function addTunl0(live: LiveWorld, host: Host): void {
  if (host.ifByName.has('tunl0')) return;
  const dev = makeIface(host.id, host.index, host.ifaces.length, 'tunl0', 0 as Mac, false);
  host.ifaces.push(dev);
  host.ifByName.set(dev.name, dev);
  (host as { hasIpip: boolean }).hasIpip = true;
  refreshHost(host);
  live.specOf(host.id)?.interfaces.push({ name: 'tunl0', up: false, addrs: [] });
}

/** modprobe NAME: false when no such module exists (modprobe's "not found"). */
export function loadModule(live: LiveWorld, name: string): boolean {
  const mod = name.replace(/-/g, '_');
  if (!KNOWN_MODULES.has(mod)) return false;
  if (mod === 'ipip') for (const host of live.world.hostList) addTunl0(live, host);
  return true;
}
