import { describe, expect, it } from 'vitest';
import { ip } from '../../addr/ipv4';
import { formatSave } from './format-save';
import { parseRules } from './parse-rules';
import { dest, service } from './test-builders';

describe('formatSave (ipvsadm-save -n)', () => {
  it('prints nothing for an empty table', () => {
    expect(formatSave([])).toBe('');
  });

  it('writes one -A line and one -a line per real server, sorted, for each forwarding method', () => {
    const table = [
      service('tcp 10.10.10.100:80 rr', [dest('10.10.10.13:80', 'gate', 2), dest('10.10.10.12:80', 'gate')]),
      service('tcp 10.10.10.100:8080 wlc', [dest('192.168.10.2:80', 'masq', 3)]),
      service('tcp 172.16.0.100:80 rr', [dest('10.10.20.2:80', 'ipip', 1)]),
    ];
    expect(formatSave(table)).toBe(
      // 0xac100064 - 0x0a0a0a64 wraps to a negative int: 172.16.0.100 sorts before 10.10.10.100
      '-A -t 172.16.0.100:80 -s rr\n' +
        // print_tunnel_rule(), IP_VS_CONN_F_TUNNEL_TYPE_IPIP: "-a %s -r %s %s -w %d --tun-type %s\n"
        '-a -t 172.16.0.100:80 -r 10.10.20.2:80 -i -w 1 --tun-type ipip\n' +
        // printf("-A %s -s %s", svc_name, sched_name) with svc_name = "-t addr:port"
        '-A -t 10.10.10.100:80 -s rr\n' +
        // printf("-a %s -r %s %s -w %d\n", svc_name, dname, fwd_switch, weight)
        '-a -t 10.10.10.100:80 -r 10.10.10.12:80 -g -w 1\n' +
        '-a -t 10.10.10.100:80 -r 10.10.10.13:80 -g -w 2\n' +
        '-A -t 10.10.10.100:8080 -s wlc\n' +
        '-a -t 10.10.10.100:8080 -r 192.168.10.2:80 -m -w 3\n',
    );
  });

  it('writes -p and -M for persistence and -b for scheduler flags, but never -x or -y', () => {
    const table = [
      service('udp 10.10.10.100:53 sh', [dest('10.10.10.12:53', 'masq', 1, { uThreshold: 100, lThreshold: 10 })], {
        persistenceS: 360,
        persistenceMask: ip('255.255.255.0'),
        schedFlags: ['sh-port'],
      }),
      service('sctp 10.10.10.100:9 rr', [], { persistenceS: 60, persistenceMask: ip('255.255.255.255') }),
      service('fwm 42 lc', [dest('10.10.10.12:0', 'gate')]),
    ];
    expect(formatSave(table)).toBe(
      // " -p %u", " -M %s" (only when not 255.255.255.255), " -b " + print_sched_flags()
      '-A -u 10.10.10.100:53 -s sh -p 360 -M 255.255.255.0 -b sh-port\n' +
        '-a -u 10.10.10.100:53 -r 10.10.10.12:53 -m -w 1\n' +
        '-A --sctp-service 10.10.10.100:9 -s rr -p 60\n' +
        // sprintf(svc_name, "-f %u", fwmark); fwmark services sort after the others
        '-A -f 42 -s lc\n' +
        '-a -f 42 -r 10.10.10.12:0 -g -w 1\n',
    );
  });

  it('reads back through parseRules into the same configuration', () => {
    const table = [
      service('tcp 10.10.10.100:80 wrr', [dest('10.10.10.12:80', 'masq', 5)], { persistenceS: 300 }),
    ];
    const parsed = parseRules(formatSave(table));
    expect(parsed.ok && parsed.value.map((c) => ('config' in c ? c.config : null))).toEqual([
      table[0]?.config,
      table[0]?.dests[0]?.config,
    ]);
  });
});
