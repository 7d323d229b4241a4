/**
 * Whole labs captured on a real Debian 12 kernel, run through the console from their lab
 * folders (Kathará import, startup files, session.txt) and compared block by block with the
 * kernel's transcript, masking only what differs between two real runs (test/normalize.ts).
 */
import { describe, expect, it } from 'vitest';
import { compareLab } from './test/oracle-lab';

/** Blocks that still differ, each with the reason; a new difference, or a fixed one, fails the test. */
const KNOWN: Record<string, readonly string[]> = {
  'dr-course': [],
  mistakes: [],
  // The neighbour states that follow from the exchange's timing (REACHABLE vs STALE).
  'nat-lab': ['root@D:~# ip neigh show', 'root@RS2:~# ip neigh'],
  // The VM's curl closed more than 40 ms (the delayed-ACK time) after the server's FIN, so the
  // ACK of that FIN went alone: one more inbound packet per request (it varies between runs: in
  // nat-lab the same VM's curl closed within 12 ms), in the director's counters and on tunl0; and
  // in tun-lab the kernel's SYN_RECV entries of the timed-out curls.
  'tun-vip': ['root@D:~# ipvsadm -Ln --stats', 'root@R:~# arp -n'],
  // Not yet investigated (issue 11): two `ip route get` of redirected destinations differ.
  'icmp-redirect': ['root@C:~# ip route get 10.2.0.10', 'root@C:~# ip route get 10.2.0.11'],
  'arp-fail-forward': [],
  // The kernel's IPVS counts the director's ICMP host unreachables as OutPkts of the dead server; the engine does not.
  'dr-dead-rs': ['root@D:~# ipvsadm -Ln --stats'],
  'tun-lab': ['root@D:~# ipvsadm -Ln --stats', 'root@D:~# ipvsadm -Ln', 'root@D:~# ipvsadm -Lnc', 'root@RS1:~# ifconfig tunl0'],
};

describe('oracle labs through the console', () => {
  for (const [name, known] of Object.entries(KNOWN)) {
    it(`${name}: every block equals the kernel's but the known ones`, () => {
      const { ours, kernel } = compareLab(name);
      expect(ours.length).toBe(kernel.length);
      const differing = kernel.filter((k, i) => k !== ours[i]).map((k) => k.split('\n')[0]);
      expect(new Set(differing)).toEqual(new Set(known));
      if (known.length === 0) expect(ours).toEqual(kernel);
    });
  }
});
