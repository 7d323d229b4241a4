/**
 * Whole labs captured on a real Debian 12 kernel, run through the console from their lab
 * folders (Kathará import, startup files, session.txt) and compared block by block with the
 * kernel's transcript, masking only what differs between two real runs (test/normalize.ts). Where
 * a lab was run again on the kernel (results/<lab>/reruns), a block also agrees when it equals a
 * later run's, or differs from the runs only in numbers that differ between them and lies within
 * their range (test/real-runs.ts).
 */
import { describe, expect, it } from 'vitest';
import { compareLab } from './test/oracle-lab';
import { agreesWithRealRuns } from './test/real-runs';

/** Blocks that still differ, each with the reason; a new difference, or a fixed one, fails the test. */
const KNOWN: Record<string, readonly string[]> = {
  'dr-course': [],
  mistakes: [],
  // The neighbour states that follow from the exchange's timing (REACHABLE vs STALE).
  'nat-lab': ['root@D:~# ip neigh show', 'root@RS2:~# ip neigh'],
  // Not yet investigated (issue 11): two `ip route get` of redirected destinations differ.
  'icmp-redirect': ['root@C:~# ip route get 10.2.0.10', 'root@C:~# ip route get 10.2.0.11'],
  'arp-fail-forward': [],
  'nat-no-gw-long': [],
  // The kernel's IPVS counts the director's ICMP host unreachables as OutPkts of the dead server; the engine does not.
  'dr-dead-rs': ['root@D:~# ipvsadm -Ln --stats'],
  // Three real runs each counted different packets here (InPkts 31, 27 and 29, reruns/): the
  // VM's curl sometimes closed more than 40 ms (the delayed-ACK time) after the server's FIN, so
  // the ACK of that FIN went alone; and in tun-lab the timed-out curls left SYN_RECV entries
  // depending on when the SYN's retransmission met the 3 s limit. The blocks that varied are
  // checked against every real run (see above); these need nothing listed.
  'tun-vip': [],
  'tun-lab': [],
  // The oracle VM ran each line as a non-interactive `/usr/bin/bash -c`, so bash named itself
  // "/usr/bin/bash: -c: line 1:" and repeated the line after a syntax error; a Kathará console's
  // interactive bash (and this shell) says only "bash: syntax error …" (bash-conditions-more).
  'bash-forms': ['root@C:~# for i in 1 2; do echo $i', 'root@C:~# for i in 1 2; echo $i; done'],
  // An absent host: how much of the kernel's ARP resolution (3 probes a second apart, then
  // FAILED) was left when each curl started depends on how long the VM took between lines.
  'curl-forms': ['root@C:~# curl --connect-timeout 1 http://10.0.0.99/', 'root@C:~# curl -m 2 http://10.0.0.99/', 'root@C:~# curl -sS -m 1 --connect-timeout 3 http://10.0.0.99/'],
  'wget-forms': [],
  // Captured at an interactive console (`bash -i -c`), so bash's messages read as this shell's.
  'bash-conditions': [],
  // On the kernel `head` exits after two lines and the loop dies of SIGPIPE; here the commands of
  // a pipeline run one after the other, so the loop runs to the round limit and says so.
  'bash-conditions-more': ['root@C:~# while true; do echo y; done | head -n 2'],
  'ip-oneline': [],
  // The engine sends to a subnet's broadcast address as to a host (ARP, then unreachable) where
  // the kernel sends an Ethernet broadcast that every host ignores (icmp_echo_ignore_broadcasts);
  // and ping -I by a device other than the route's is not simulated (lvs-flow says so).
  'ping-forms': ['root@C:~# ping -c 2 -b 10.0.0.255', 'root@C:~# ping -c 1 -I lo 10.0.0.1'],
  // bash named itself "/usr/bin/bash: line 1:" in the VM (see bash-forms); the absent host's ARP
  // timing (see curl-forms); and busybox httpd sends a body after a HEAD's headers, which curl -v
  // notes ("Excess found") while the simulated request ends at the headers.
  'bash-forms-more': [
    'root@C:~# echo $((1/0))',
    'root@C:~# curl -sv --connect-timeout 1 http://10.10.10.99/', 'root@C:~# curl -v -I http://10.10.10.12/',
  ],
};

describe('oracle labs through the console', () => {
  for (const [name, known] of Object.entries(KNOWN)) {
    it(`${name}: every block equals the kernel's but the known ones`, () => {
      const { ours, kernel, reruns } = compareLab(name);
      expect(ours.length).toBe(kernel.length);
      for (const run of reruns) expect(run.length).toBe(kernel.length);
      const agrees = (k: string, i: number): boolean =>
        k === ours[i] || agreesWithRealRuns(ours[i] ?? '', [k, ...reruns.map((r) => r[i] ?? '')]);
      const differing = kernel.filter((k, i) => !agrees(k, i)).map((k) => k.split('\n')[0]);
      expect(new Set(differing)).toEqual(new Set(known));
      if (known.length === 0 && reruns.length === 0) expect(ours).toEqual(kernel);
    });
  }
});
