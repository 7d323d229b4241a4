/**
 * The oracle's iproute2 labs as a scenario: A with eth0 on `lan` and eth1 on `side`, B with
 * eth0 on `lan` holding 10.0.0.2/24 (its startup line), MACs as the lab.conf gives them.
 * Kathará leaves every device up with no address and sets its sysctls (the oracle README;
 * icmp_ratelimit, which the scenario format does not carry, changes nothing `ip` shows).
 */
import type { Scenario } from '../../../../engine';

const KATHARA_SYSCTLS = {
  'net.ipv4.ip_forward': 1, 'net.ipv4.conf.all.rp_filter': 0, 'net.ipv4.conf.default.rp_filter': 0,
  'net.ipv4.conf.lo.rp_filter': 0,
};

export function iproute2Lab(): Scenario {
  return {
    version: 1,
    id: 'iproute2-lab',
    title: { en: 'iproute2 lab', zh: 'iproute2 实验' },
    summary: { en: 'A and B on one LAN; A also on a second segment', zh: 'A 与 B 同一网段；A 另有一个网段' },
    hosts: [
      {
        id: 'A', role: 'client', sysctl: { ...KATHARA_SYSCTLS, 'net.ipv4.conf.eth0.rp_filter': 0, 'net.ipv4.conf.eth1.rp_filter': 0 },
        interfaces: [{ name: 'eth0', mac: '02:00:00:00:01:00', addrs: [] }, { name: 'eth1', mac: '02:00:00:00:01:01', addrs: [] }],
      },
      {
        id: 'B', role: 'server', sysctl: { ...KATHARA_SYSCTLS, 'net.ipv4.conf.eth0.rp_filter': 0 },
        interfaces: [{ name: 'eth0', mac: '02:00:00:00:02:00', addrs: [{ cidr: '10.0.0.2/24' }] }],
      },
    ],
    segments: [
      { id: 'lan', kind: 'switch', ports: [{ host: 'A', if: 'eth0' }, { host: 'B', if: 'eth0' }] },
      { id: 'side', kind: 'switch', ports: [{ host: 'A', if: 'eth1' }] },
    ],
  };
}
