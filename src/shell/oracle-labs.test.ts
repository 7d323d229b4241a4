/**
 * Whole labs captured on a real Debian 12 kernel, run through the console from their lab
 * folders (Kathará import, startup files, session.txt), each line when it ran on the VM
 * (test/wire-oracle.ts), and compared block by block with the kernel's transcript, masking only what differs between two real runs (test/normalize.ts). Where
 * a lab was run again on the kernel (results/<lab>/reruns), a block also agrees when it equals a
 * later run's, or differs from the runs only in numbers that differ between them and lies within
 * their range (test/real-runs.ts).
 */
import { describe, expect, it } from 'vitest';
import { compareLab } from './test/wire-oracle';
import { agreesWithRealRuns } from './test/real-runs';

/** Blocks that still differ, each with the reason; a new difference, or a fixed one, fails the test. */
const KNOWN: Record<string, readonly string[]> = {
  'dr-course': [],
  mistakes: [],
  'nat-lab': [],
  // Not yet investigated (issue 11): two `ip route get` of redirected destinations differ.
  'icmp-redirect': ['root@C:~# ip route get 10.2.0.10', 'root@C:~# ip route get 10.2.0.11'],
  'arp-fail-forward': [],
  'nat-no-gw-long': [],
  // S read its neighbour 5.0 s after the entry went DELAY, as its 5 s timer was due: the VM's
  // `ip neigh` started later than the line (REACHABLE), ours at once (DELAY). C's entry stayed
  // REACHABLE for the kernel's random reachable_time (15-45 s), longer than our draw.
  'neigh-confirm': ['root@S:~# ip neigh', 'root@C:~# ip neigh'],
  'dr-dead-rs': [],
  // Three real runs each counted different packets here (InPkts 31, 27 and 29, reruns/): the
  // VM's curl sometimes closed more than 40 ms (the delayed-ACK time) after the server's FIN, so
  // the ACK of that FIN went alone; and in tun-lab the timed-out curls left SYN_RECV entries
  // depending on when the SYN's retransmission met the 3 s limit. The blocks that varied are
  // checked against every real run (see above); these need nothing listed.
  'tun-vip': [],
  'tun-lab': [],
  // Recaptured at an interactive console (`bash -i -c`), so bash's messages read as this shell's.
  'bash-forms': [],
  'curl-forms': [],
  'wget-forms': [],
  // Captured at an interactive console (`bash -i -c`), so bash's messages read as this shell's.
  'bash-conditions': [],
  'bash-conditions-more': [],
  // The oracle's console rewrites /var/www/html in any line to its per-host web root, and its
  // hostname is unset inside a backquote (its `hostname` lines are rewritten); a host here has neither.
  'bash-shell': ['root@C:~# f=/var/www/html/index.html; echo ${f##*/} ${f%/*}', 'root@C:~# echo "host: `hostname`"'],
  // Not simulated: `set` and `export -p` list bash's own variables.
  'bash-shell-more': ['root@C:~# export -p | head -n 1', 'root@C:~# set; echo $?'],
  // Captured with mawk and GNU sed added to the oracle (/tmp/oracle-awk). Not simulated: mawk's
  // syntax errors (an lvs-flow message instead) and the body `type` prints for a function.
  'awk-sed': ["root@C:~# echo a | awk '{print $1'", 'root@C:~# f() { :; }; type f'],
  'ip-oneline': [],
  'ipvsadm-forms': [
    // This VM had no /etc/services (netbase), so ipvsadm printed port numbers where Debian names
    // them (the ipvsadm lab, captured with netbase, shows `:http`, `:domain`; so does the shell).
    'root@D:~# ipvsadm -L -u 10.10.10.100:53', 'root@D:~# ipvsadm -L --stats',
    // After `ipvsadm -C` and `-R` re-added the servers while their FIN_WAIT entries were still
    // listed, the kernel counted InActConn 0; the engine takes the servers back from its dest
    // trash with the entries' counts (as ip_vs_trash_get_dest reads). Not explained yet.
    'root@D:~# ipvsadm -Ln', 'root@D:~# cat /proc/net/ip_vs',
  ],
  'net-forms': [
    // Address scopes other than the default (`scope host`) are not simulated.
    'root@RS1:~# ip addr add 10.10.10.101/32 dev lo scope host', 'root@RS1:~# ip -4 addr show dev lo',
    'root@RS1:~# ip addr del 10.10.10.101/32 dev lo',
    // Static neighbour entries (`ip neigh add|replace|del`, `arp -s`) are not simulated (the
    // engine's neighbour table and the scenario have no place for them), nor what lists them after.
    'root@C:~# ip neigh add 10.10.10.50 lladdr 02:00:00:00:09:09 dev eth0', 'root@C:~# ip neigh show',
    'root@C:~# ip neigh replace 10.10.10.50 lladdr 02:00:00:00:09:10 dev eth0 nud reachable',
    'root@C:~# ip neigh show dev eth0', 'root@C:~# ip neigh del 10.10.10.50 dev eth0',
    'root@C:~# ip neigh add 10.10.10.51 lladdr 02:00:00:00:09:11 dev eth0 nud permanent', 'root@C:~# arp -n',
    'root@C:~# arp -s 10.10.10.52 02:00:00:00:09:12', 'root@C:~# arp -a', 'root@C:~# arp -d 10.10.10.52',
    'root@C:~# arp -s 10.10.10.53 02:00:00:00:09:13 temp',
    // The VM's `netstat -r` (no -n) looked network names up by DNS on 127.0.0.1 (its
    // nsswitch.conf has no `networks: files` line, Debian's has): 4 packets on C's lo.
    'root@C:~# netstat -i',
    // Socket listings (netstat -t/-a/-l/-p, ss) are not simulated.
    'root@C:~# netstat -ant', 'root@C:~# netstat -tln', 'root@RS1:~# netstat -tln', 'root@RS1:~# netstat -antp',
    'root@RS1:~# ss -tln', 'root@RS1:~# ss -tn', 'root@C:~# ss -s',
    // A glob in the middle of a path (conf/*/arp_ignore) is not expanded over /proc/sys.
    'root@RS1:~# cat /proc/sys/net/ipv4/conf/*/arp_ignore',
  ],
  'net-forms-traffic': [],
  // ping -I by a device other than the route's is not simulated (lvs-flow says so).
  'ping-forms': ['root@C:~# ping -c 1 -I lo 10.0.0.1'],
  // bash named itself "/usr/bin/bash: line 1:" in the VM (see bash-forms); and busybox httpd sends
  // a body after a HEAD's headers, which curl -v notes ("Excess found") while the simulated
  // request ends at the headers. The ping before the `--connect-timeout 1` curl left an ARP
  // resolution of 10.10.10.99 running (retries at 25.718, 26.731, 27.759 s, failing at most 32 ms
  // after 28.763); the VM's curl got its "No route to host", so its 1 s began after 27.763, later
  // than that 27.759 retry, which the pacing takes for the line's first frame (test/wire-oracle.ts).
  // Paced there, curl's time is up at 28.759, before the engine's failure at 28.784 (retries at
  // 25.717, 26.736, 27.760: as late as the wheel puts them).
  'bash-forms-more': [
    'root@C:~# echo $((1/0))', 'root@C:~# curl -v -I http://10.10.10.12/',
    'root@C:~# curl -sv --connect-timeout 1 http://10.10.10.99/',
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
