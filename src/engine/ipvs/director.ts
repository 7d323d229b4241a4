/**
 * IPVS on a host, attached where netfilter's hooks are: LOCAL_IN (ip_vs_remote_request4) sees a
 * packet routed to a local address and may schedule it to a real server and transmit it
 * itself; FORWARD (ip_vs_reply4) sees packets routed through the host, where NAT replies are
 * rewritten back to the virtual service.
 */
import type { Iface } from '../host/iface';
import type { Host, World } from '../sim/world';
import type { IcmpRepr, Ipv4Repr } from '../wire/repr';
import type { IpvsadmOutput } from './ipvsadm/run';
import type { IpvsProcFile } from './proc-net';

export type IpvsadmView = 'list' | 'conns' | 'stats' | 'rate' | 'save';

export interface Director {
  /** True if IPVS took the packet (NF_STOLEN); false lets it continue to local delivery. */
  localIn(w: World, host: Host, dev: Iface, ip: Ipv4Repr, conn: number): boolean;
  /**
   * The packet after IPVS's FORWARD hook (SNAT of a NAT reply, or unchanged): `ip` as received,
   * `ttl` its decremented TTL; returns a copy carrying that TTL (as withTtl() would make).
   */
  forward(w: World, host: Host, ip: Ipv4Repr, ttl: number, conn: number): Ipv4Repr;
  /** IPVS's LOCAL_OUT hook seeing an ICMP error this host itself sends (`icmp` is its payload). */
  localIcmpError(icmp: IcmpRepr): void;
  /** What `ipvsadm` prints on this host now. */
  ipvsadm(w: World, view: IpvsadmView): string;
  /** `ipvsadm <argv>` run on this host now. */
  runIpvsadm(w: World, argv: readonly string[]): IpvsadmOutput;
  /** What `cat /proc/net/ip_vs`, `ip_vs_stats` or `ip_vs_conn` prints on this host now. */
  procNet(w: World, file: IpvsProcFile): string;
}
