/**
 * Why a packet was discarded: a closed set of stable codes (never rename one; add a new one).
 * Each has a note key `drop.<code>` that the UI explains in Chinese and English.
 */
export const DROP_REASONS = [
  'no-route',
  'forwarding-disabled',
  'not-local-address',
  'arp-timeout',
  'rp-filter',
  'martian-source',
  'ttl-exceeded',
  'no-listener',
  'conn-mismatch',
  'iface-down',
  'no-tunnel',
  'proto-unreachable',
  'ipvs-no-dest',
  'neigh-queue-full',
  'tcp-retries-exceeded',
  'not-for-this-host',
  'icmp-unreachable',
] as const;

export type DropReason = (typeof DROP_REASONS)[number];
