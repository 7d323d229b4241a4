/**
 * What `ipvsadm` prints on the director after the course's labs, byte for byte, as ipvsadm
 * v1.31 prints it on Linux 6.1. The column formats are ipvsadm.c's printf()s:
 * - header "IP Virtual Server version %d.%d.%d (size=%d)": IP_VS_VERSION_CODE 1.2.1 and the
 *   connection hash table size 1 << CONFIG_IP_VS_TAB_BITS (12) = 4096;
 * - `-L -n`: service "%s %s" (svc_name "TCP  VIP:port", scheduler), then per real server, sorted
 *   by address, "  -> %-28s %-7s %-6d %-10u %-10u" (trailing spaces included);
 * - `--stats`: "%-33s" / "  -> %-28s" then five print_largenum() "%9llu";
 * - `-c`: /proc/net/ip_vs_conn read back as "%-3s %-6s %-11s %-18s %-18s %s", expire as
 *   "%02d:%02d" of the whole seconds left (jiffies_delta_to_msecs(...) / 1000);
 * - `-S -n`: "-A %s -s %s", "-a %s -r %s %s -w %d" (+ " --tun-type ipip" for -i in v1.31).
 *
 * The counts: each request is one TCP connection, closed by the client. In NAT the director
 * sees both directions: SYN → SYN_RECV, ACK → ESTABLISHED, the client's FIN → CLOSE_WAIT, the
 * server's FIN → TIME_WAIT (2 min, inactive). In DR/TUN it sees the client's side only
 * (INPUT-ONLY table): its FIN → FIN_WAIT (2 min, inactive). Each entry's timer restarts at its
 * last packet; the run ends ~0.1 s later (the client's 100 ms gap), so 119 whole seconds are left.
 * Packets and bytes are the IP packets as they reach the director's hooks (skb->len): per
 * connection the client sends SYN (20 + 20 + 20 bytes of MSS/SACK/TS/WS options = 60), ACK
 * (52: TS option), GET (52 + the request), ACK of the response (52), FIN (52), last ACK (52);
 * a NAT real server sends SYN-ACK (60), ACK of the GET (52), the response (52 + 89), FIN (52).
 * The GET is 75 bytes with "Host: 20.20.20.11" or "Host: 11.22.33.44", 76 with "Host: 10.10.10.100".
 *
 * Connection entries are listed in creation order; the kernel's order depends on its hash seed.
 */
import { describe, expect, it } from 'vitest';
import { getPreset, ipvsadmAtEnd, type Scenario } from '../index';
import { parseRules } from '../ipvs/ipvsadm/parse-rules';
import { applyRulesToSpecs } from '../ipvs/rules-to-specs';
import natLabWlc from './fixtures/nat-lab-wlc-3-1.rules?raw';
import natLabThreshold from './fixtures/nat-lab-threshold.rules?raw';
import badWeight from './fixtures/bad-weight.rules?raw';
import badScheduler from './fixtures/bad-scheduler.rules?raw';
import drLabPort8080 from './fixtures/dr-lab-port-8080.rules?raw';

function preset(id: string): Scenario {
  return getPreset(id) ?? expect.unreachable(`no preset ${id}`);
}

function ipvsadm(s: Scenario, requests: number, ...argv: string[]): string {
  const r = ipvsadmAtEnd(s, { requests }, argv);
  if (!r.ok) throw new Error(r.stderr);
  return r.stdout;
}

/** What `--rules FILE` does (src/cli/load-scenario.ts withRulesFile): the director's rules become FILE's. */
function withRules(s: Scenario, text: string): Scenario {
  const parsed = parseRules(text);
  if (!parsed.ok) throw new Error(`${parsed.line}: ${parsed.error}`);
  const services = applyRulesToSpecs([], parsed.value);
  return { ...s, hosts: s.hosts.map((h) => (h.ipvs ? { ...h, ipvs: { services } } : h)) };
}

const lines = (...l: string[]): string => `${l.join('\n')}\n`;
const VERSION = 'IP Virtual Server version 1.2.1 (size=4096)';
const LIST_HEAD = ['Prot LocalAddress:Port Scheduler Flags', '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn'];
const STATS_HEAD = ['Prot LocalAddress:Port               Conns   InPkts  OutPkts  InBytes OutBytes', '  -> RemoteAddress:Port'];
const CONN_HEAD = ['IPVS connection entries', 'pro expire state       source             virtual            destination'];

describe('nat-lab after 2 requests (rr: RS2 10.10.10.13 first, then RS1)', () => {
  const s = preset('nat-lab');

  it('ipvsadm -L -n', () => {
    expect(ipvsadm(s, 2, '-L', '-n')).toBe(lines(
      VERSION, ...LIST_HEAD,
      'TCP  20.20.20.11:80 rr',
      '  -> 10.10.10.12:80               Masq    1      0          1         ',
      '  -> 10.10.10.13:80               Masq    1      0          1         ',
    ));
  });

  it('ipvsadm -L -n -c: both in TIME_WAIT, 1:59 left', () => {
    expect(ipvsadm(s, 2, '-L', '-n', '-c')).toBe(lines(
      ...CONN_HEAD,
      'TCP 01:59  TIME_WAIT   20.20.20.22:42366  20.20.20.11:80     10.10.10.13:80',
      'TCP 01:59  TIME_WAIT   20.20.20.22:42368  20.20.20.11:80     10.10.10.12:80',
    ));
  });

  it('ipvsadm -L -n --stats: 6 packets in (395 B) and 4 out (305 B) per connection', () => {
    expect(ipvsadm(s, 2, '-L', '-n', '--stats')).toBe(lines(
      VERSION, ...STATS_HEAD,
      'TCP  20.20.20.11:80                      2       12        8      790      610',
      '  -> 10.10.10.12:80                      1        6        4      395      305',
      '  -> 10.10.10.13:80                      1        6        4      395      305',
    ));
  });

  it('ipvsadm -S -n', () => {
    expect(ipvsadm(s, 2, '-S', '-n')).toBe(lines(
      '-A -t 20.20.20.11:80 -s rr',
      '-a -t 20.20.20.11:80 -r 10.10.10.12:80 -m -w 1',
      '-a -t 20.20.20.11:80 -r 10.10.10.13:80 -m -w 1',
    ));
  });
});

describe('dr-lab after 2 requests', () => {
  const s = preset('dr-lab');

  it('ipvsadm -L -n', () => {
    expect(ipvsadm(s, 2, '-L', '-n')).toBe(lines(
      VERSION, ...LIST_HEAD,
      'TCP  10.10.10.100:80 rr',
      '  -> 10.10.10.12:80               Route   1      0          1         ',
      '  -> 10.10.10.13:80               Route   1      0          1         ',
    ));
  });

  it('ipvsadm -L -n -c: FIN_WAIT (the director never sees the replies)', () => {
    expect(ipvsadm(s, 2, '-L', '-n', '-c')).toBe(lines(
      ...CONN_HEAD,
      'TCP 01:59  FIN_WAIT    10.10.10.240:42366 10.10.10.100:80    10.10.10.13:80',
      'TCP 01:59  FIN_WAIT    10.10.10.240:42368 10.10.10.100:80    10.10.10.12:80',
    ));
  });

  it('ipvsadm -L -n --stats: nothing out', () => {
    expect(ipvsadm(s, 2, '-L', '-n', '--stats')).toBe(lines(
      VERSION, ...STATS_HEAD,
      'TCP  10.10.10.100:80                     2       12        0      792        0',
      '  -> 10.10.10.12:80                      1        6        0      396        0',
      '  -> 10.10.10.13:80                      1        6        0      396        0',
    ));
  });

  it('ipvsadm -S -n', () => {
    expect(ipvsadm(s, 2, '-S', '-n')).toBe(lines(
      '-A -t 10.10.10.100:80 -s rr',
      '-a -t 10.10.10.100:80 -r 10.10.10.12:80 -g -w 1',
      '-a -t 10.10.10.100:80 -r 10.10.10.13:80 -g -w 1',
    ));
  });
});

describe('tun-course after 2 requests (RS2 Guangzhou 33.44.55.66 first)', () => {
  const s = preset('tun-course');

  it('ipvsadm -L -n', () => {
    expect(ipvsadm(s, 2, '-L', '-n')).toBe(lines(
      VERSION, ...LIST_HEAD,
      'TCP  11.22.33.44:80 rr',
      '  -> 22.33.44.55:80               Tunnel  1      0          1         ',
      '  -> 33.44.55.66:80               Tunnel  1      0          1         ',
    ));
  });

  it('ipvsadm -L -n -c: FIN_WAIT', () => {
    expect(ipvsadm(s, 2, '-L', '-n', '-c')).toBe(lines(
      ...CONN_HEAD,
      'TCP 01:59  FIN_WAIT    44.55.66.77:42366  11.22.33.44:80     33.44.55.66:80',
      'TCP 01:59  FIN_WAIT    44.55.66.77:42368  11.22.33.44:80     22.33.44.55:80',
    ));
  });

  it('ipvsadm -L -n --stats: bytes as received, before the IP-in-IP header', () => {
    expect(ipvsadm(s, 2, '-L', '-n', '--stats')).toBe(lines(
      VERSION, ...STATS_HEAD,
      'TCP  11.22.33.44:80                      2       12        0      790        0',
      '  -> 22.33.44.55:80                      1        6        0      395        0',
      '  -> 33.44.55.66:80                      1        6        0      395        0',
    ));
  });

  it('ipvsadm -S -n: v1.31 writes --tun-type ipip for every -i server', () => {
    expect(ipvsadm(s, 2, '-S', '-n')).toBe(lines(
      '-A -t 11.22.33.44:80 -s rr',
      '-a -t 11.22.33.44:80 -r 22.33.44.55:80 -i -w 1 --tun-type ipip',
      '-a -t 11.22.33.44:80 -r 33.44.55.66:80 -i -w 1 --tun-type ipip',
    ));
  });
});

describe('--rules: ipvsadm-restore files over a preset', () => {
  it('wlc with weights 3 and 1: the listing and the save show them, and wlc spreads 3:1', () => {
    // List 10.10.10.13 (w 1), 10.10.10.12 (w 3); closed connections are inactive:
    // (0,0) → .13 (tie, first); (1,0) → .12 (1*3 > 0*1); (1,1) → .12 (3 > 1); (1,2) → .12 (3 > 2).
    const s = withRules(preset('nat-lab'), natLabWlc);
    expect(ipvsadm(s, 4, '-L', '-n')).toBe(lines(
      VERSION, ...LIST_HEAD,
      'TCP  20.20.20.11:80 wlc',
      '  -> 10.10.10.12:80               Masq    3      0          3         ',
      '  -> 10.10.10.13:80               Masq    1      0          1         ',
    ));
    expect(ipvsadm(s, 4, '-S', '-n')).toBe(natLabWlc);
  });

  it('-x 1 on 10.10.10.13: overloaded after its first connection; --thresholds shows it, the save drops it', () => {
    // rr from .13 (the last added): .13 (total 1 >= 1: OVERLOAD), .12, then .13 is skipped: .12, .12.
    const s = withRules(preset('nat-lab'), natLabThreshold);
    expect(ipvsadm(s, 4, '-L', '-n', '--thresholds')).toBe(lines(
      VERSION,
      'Prot LocalAddress:Port            Uthreshold Lthreshold ActiveConn InActConn ',
      '  -> RemoteAddress:Port',
      'TCP  20.20.20.11:80 rr',
      '  -> 10.10.10.12:80               0          0          0          3         ',
      '  -> 10.10.10.13:80               1          0          0          1         ',
    ));
    expect(ipvsadm(s, 4, '-S', '-n')).toBe(lines(
      '-A -t 20.20.20.11:80 -s rr',
      '-a -t 20.20.20.11:80 -r 10.10.10.12:80 -m -w 1',
      '-a -t 20.20.20.11:80 -r 10.10.10.13:80 -m -w 1',
    ));
  });

  it('a weight out of range stops at its line with ipvsadm\'s message', () => {
    // Beyond INT_MAX: string_to_number() fails → fail(2, "illegal weight specified"). (The real
    // ipvsadm 1.31 takes -w 70000: oracle capture src/shell/fixtures/oracle/results/ipvsadm-errors.)
    expect(parseRules(badWeight)).toEqual({ ok: false, error: 'illegal weight specified', line: 2 });
  });

  it('an unknown scheduler is the kernel\'s ENOENT, as libipvs words it', () => {
    expect(parseRules(badScheduler)).toEqual({ ok: false, error: 'Scheduler or persistence engine not found', line: 1 });
  });

  it('a -g real server given port 8080 is added with the service port, 80, without a word', () => {
    const s = withRules(preset('dr-lab'), drLabPort8080);
    expect(ipvsadm(s, 2, '-L', '-n')).toBe(lines(
      VERSION, ...LIST_HEAD,
      'TCP  10.10.10.100:80 rr',
      '  -> 10.10.10.12:80               Route   1      0          1         ',
      '  -> 10.10.10.13:80               Route   1      0          1         ',
    ));
  });
});

describe('dr-lab-port-mapping', () => {
  it('lists RS1 as 10.10.10.12:80: ipvsadm replaced the 8080 it was given', () => {
    const s = preset('dr-lab-port-mapping');
    expect(ipvsadm(s, 2, '-L', '-n')).toBe(lines(
      VERSION, ...LIST_HEAD,
      'TCP  10.10.10.100:80 rr',
      '  -> 10.10.10.12:80               Route   1      0          1         ',
      '  -> 10.10.10.13:80               Route   1      0          1         ',
    ));
    expect(ipvsadm(s, 2, '-S', '-n')).toBe(lines(
      '-A -t 10.10.10.100:80 -s rr',
      '-a -t 10.10.10.100:80 -r 10.10.10.12:80 -g -w 1',
      '-a -t 10.10.10.100:80 -r 10.10.10.13:80 -g -w 1',
    ));
  });
});
