/**
 * Whole labs compared on the wire: what the engine's trace of a session puts on each collision
 * domain against the real kernel's captures of the same session (one pcap per domain), line by
 * line, as facts two real runs agree on (test/wire-summary.ts): per sender the frames in order,
 * who served each connection, where packets were dropped.
 */
import { describe, expect, it } from 'vitest';
import { wireReruns, wireSummaries } from './test/wire-oracle';

interface Known {
  /** Session lines whose frames still differ (a line typed twice is listed twice). */
  readonly blocks: readonly string[];
  /** The session's neighbour probes differ too. */
  readonly probes?: true;
}

/**
 * Every lab with traffic, and what still differs with the reason; a new difference, or a fixed
 * one, fails the test. `probes`: the session's neighbour re-validation (unicast ARP) differs.
 */
const KNOWN: Record<string, Known> = {
  'bash-conditions': { blocks: [] },
  'awk-sed': { blocks: [] },
  // On the kernel head's exit killed ping (SIGPIPE) at its second reply's line, after 2 requests;
  // the engine runs a ping whole before it prints (engine/live/ping.ts), so all 3 go out.
  'bash-shell-more': { blocks: ['C# ping -c 3 10.0.0.1 | head -n 2'] },
  // The third curl into a `head` that had gone (curl: (23)) closed its connection before busybox
  // httpd's FIN, which the VM sent 120 ms late; the second curl, in the same state, met it in time.
  // S re-validated C once by unicast ARP over the lab's 8 minutes (the engine's S did not).
  'bash-shell': { probes: true, blocks: [
    'C# for i in 1 2 3; do curl -sS http://10.0.0.1/; done | head -n 1',
    'C# for i in 1 2 3; do curl -s http://10.0.0.1/; echo "curl $?" >&2; done | head -n 1',
  ] },
  'dr-course': { blocks: [] },
  'dr-no-arp': { blocks: [] },
  // Not yet investigated (issue 11): these lines' frames still differ from the kernel's.
  'icmp-redirect': { blocks: ['C# curl -s http://10.2.0.10/'], probes: true },
  'arp-fail-forward': { blocks: [] },
  'dr-dead-rs': { blocks: [] },
  'iproute2': { blocks: [] },
  'iproute2-forms': { blocks: [] },
  'iproute2-more': { blocks: [] },
  'ip-oneline': { blocks: [] },
  'ipvsadm': { blocks: [] },
  'ipvsadm-forms': { blocks: [] },
  'net-forms-traffic': { blocks: [] },
  'ipvsadm-live': { blocks: [], probes: true },
  'ipvsadm-persist': { blocks: [], probes: true },
  'kathara-defaults': { blocks: [] },
  // In the TTL loop RS2 sends the client an ICMP redirect (it forwards the SYN out of the interface it came in
  // on), as the kernel does, but a second one too: ip_rt_send_redirect allows the next after 40 ms (20 ms << 1),
  // and the engine's loop lasts about 60 ms (links take 1 ms a hop) where the VM's bridge took 15 ms (0.25 ms a hop).
  'mistakes': { blocks: ['C# curl --max-time 5 http://10.10.10.100/'], probes: true },
  'nat-lab': { blocks: [] },
  // Races the VM's timers decided: RS1's SYN-ACK timer and C's SYN retransmission fall within
  // 1 ms of each other (the kernel fired the timer first, and so backed off further), and the
  // SYN-ACK that met the director's ip_forward=1 arrived while the VM's sysctl was still starting.
  'nat-no-forward': { blocks: ['C# curl -s --max-time 4 http://20.20.20.11/', 'D# ipvsadm -Lnc', 'D# sysctl -w net.ipv4.ip_forward=1', 'C# curl -s --max-time 4 http://20.20.20.11/'], probes: true },
  'nat-no-gw': { blocks: [], probes: true },
  // D's DELAY timer for C fired 5.26 s after the entry went DELAY (a 5 s timer lands on the timer
  // wheel's 256 ms granularity), past the 5 s the last forwarded confirmation covered: D probed C.
  // The engine's fires at 5 s, still covered: no probe.
  'nat-no-gw-long': { blocks: [], probes: true },
  'neigh-confirm': { blocks: [] },
  'nettools': { blocks: [] },
  'nettools-kernel': { blocks: [] },
  'plain-defaults': { blocks: [] },
  'python-http': { blocks: [] },
  'traffic': { blocks: [], probes: true },
  // ARP retries for 10.0.0.99 that ran into the next line's start on the slow VM (in both real runs).
  'traffic-details': { blocks: ['C# curl -m 10 http://10.0.0.99/', 'C# ping -c 5 -W 1 10.0.0.99'], probes: true },
  // Races the VM's timing decided: busybox httpd's last data went with its FIN in one segment
  // (or not); ARP retries for the absent host ran into the next line; after a HEAD's headers
  // busybox sends the body, which came with them (curl reads it as excess and closes with FIN)
  // or after them (curl closes with it unread: RST); wget's 404 body and the server's FIN
  // likewise. The engine does not fragment (ping -s 2000, 65507: one frame where the kernel sends
  // fragments).
  // bash-forms, curl-forms, wget-forms and traffic-details ran again (reruns/): a line that agrees
  // with one of the runs is not listed.
  'bash-forms': { blocks: [] },
  'bash-forms-more': { blocks: ['C# curl -v -I http://10.10.10.12/', "C# curl -s -o /dev/null -w '%{http_code}\\n' http://10.10.10.12/ http://10.10.10.13/", 'C# wget -O - -q http://10.10.10.100/ | tr a-z A-Z'] },
  'curl-forms': { blocks: [
    'C# curl -s -I http://10.0.0.1/missing.html', 'C# curl -sI http://10.0.0.1/ | head -n 1',
  ] },
  'wget-forms': { blocks: [] },
  'ping-forms': { blocks: ['C# ping -c 1 -s 2000 10.0.0.1', 'C# ping -c 1 -s 65507 10.0.0.1'], probes: true },
  'tun-broken': { blocks: [], probes: true },
  'tun-lab': { blocks: [], probes: true },
  'tun-vip': { blocks: [], probes: true },
};

describe('oracle labs on the wire', () => {
  for (const [name, known] of Object.entries(KNOWN)) {
    it(`${name}: every line's frames equal the kernel's but the known ones`, () => {
      const { ours, kernel } = wireSummaries(name);
      expect(ours.blocks.map((b) => b.line)).toEqual(kernel.blocks.map((b) => b.line));
      // Where the lab ran again (results/<lab>/reruns), a line also agrees when the engine, paced
      // as that run, sent what that run sent: the races the VM's timing decided went either way.
      const runs = [{ ours, kernel }, ...wireReruns(name).map((n) => wireSummaries(name, n))];
      const same = (w: (typeof runs)[number], i: number): boolean => w.kernel.blocks[i]?.summary.join('\n') === w.ours.blocks[i]?.summary.join('\n');
      const differing = kernel.blocks.filter((_, i) => !runs.some((w) => same(w, i)));
      expect(differing.map((b) => b.line)).toEqual(known.blocks);
      if (known.probes) expect(ours.probes).not.toEqual(kernel.probes);
      else expect(ours.probes).toEqual(kernel.probes);
    }, 60_000);
  }
});
