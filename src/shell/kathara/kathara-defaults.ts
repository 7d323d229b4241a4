/**
 * What Kathará sets on every device before the lab's startup files run (Kathará 3.8,
 * DockerMachine.create and _create_driver_opt): forwarding on, reverse-path filtering off,
 * ICMP errors not rate limited. So a lab behaves as in Kathará, which is not always as on a bare
 * kernel: a real server without the VIP on lo forwards the packet instead of dropping it.
 */
export const KATHARA_DEVICE_SYSCTLS: Readonly<Record<string, number>> = {
  'net.ipv4.conf.all.rp_filter': 0,
  'net.ipv4.conf.default.rp_filter': 0,
  'net.ipv4.conf.lo.rp_filter': 0,
  'net.ipv4.ip_forward': 1,
  'net.ipv4.icmp_ratelimit': 0,
};

/** Kathará turns rp_filter off on each ethN it creates. */
export function katharaIfaceSysctls(names: readonly string[]): Record<string, number> {
  return Object.fromEntries(names.map((n) => [`net.ipv4.conf.${n}.rp_filter`, 0]));
}
