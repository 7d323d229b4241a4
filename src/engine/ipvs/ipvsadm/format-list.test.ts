import { describe, expect, it } from 'vitest';
import { ip } from '../../addr/ipv4';
import { formatList, formatListService, printLargenum } from './format-list';
import { dest, service } from './test-builders';

// list_all(): printf("IP Virtual Server version %d.%d.%d (size=%d)\n", NVERSION(...), size)
const HEADER = 'IP Virtual Server version 1.2.1 (size=4096)\n';
// print_title() without flags: two literal lines; the second has no trailing space.
const TITLE =
  'Prot LocalAddress:Port Scheduler Flags\n' +
  '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n';

describe('formatList (ipvsadm -L -n)', () => {
  it('prints only the header and titles for an empty table', () => {
    expect(formatList([])).toBe(HEADER + TITLE);
  });

  it('lists a direct-routing service with its real servers sorted by address', () => {
    // Kernel order is newest first (RS2 was added after RS1); ipvsadm sorts them back.
    const svc = service('tcp 10.10.10.100:80 rr', [
      dest('10.10.10.13:80', 'gate', 1, { activeConns: 2, inactConns: 17 }),
      dest('10.10.10.12:80', 'gate', 1, { activeConns: 3, inactConns: 16 }),
    ]);
    expect(formatList([svc])).toBe(
      HEADER + TITLE +
        // printf("%s %s", svc_name, sched_name) with svc_name = "%-4s %s"
        'TCP  10.10.10.100:80 rr\n' +
        // "  -> %-28s %-7s %-6d %-10u %-10u\n": %-10u leaves trailing spaces
        '  -> 10.10.10.12:80               Route   1      3          16        \n' +
        '  -> 10.10.10.13:80               Route   1      2          17        \n',
    );
  });

  it('names each forwarding method as ipvsadm does: Masq, Route, Tunnel', () => {
    const svc = service('tcp 192.168.1.100:80 wrr', [
      dest('10.10.20.3:80', 'ipip', 2),
      dest('10.10.20.2:80', 'gate', 0),
      dest('10.10.10.11:8080', 'masq', 65535),
    ]);
    expect(formatList([svc])).toBe(
      HEADER + TITLE +
        'TCP  192.168.1.100:80 wrr\n' +
        '  -> 10.10.10.11:8080             Masq    65535  0          0         \n' +
        '  -> 10.10.20.2:80                Route   0      0          0         \n' +
        '  -> 10.10.20.3:80                Tunnel  2      0          0         \n',
    );
  });

  it('appends persistence, its mask, and scheduler flags to the service line', () => {
    const persistent = service('udp 10.10.10.100:53 wlc', [dest('10.10.10.12:53', 'masq')], {
      persistenceS: 360,
      persistenceMask: ip('255.255.255.0'),
    });
    // A /32 mask is the default and is not printed.
    const full = service('tcp 10.10.10.100:443 sh', [], {
      persistenceS: 300,
      persistenceMask: ip('255.255.255.255'),
      schedFlags: ['sh-fallback', 'sh-port'],
    });
    expect(formatList([full, persistent])).toBe(
      HEADER + TITLE +
        // " (%s)" from print_sched_flags, then " persistent %u", then " mask %s"
        'TCP  10.10.10.100:443 sh (sh-fallback,sh-port) persistent 300\n' +
        'UDP  10.10.10.100:53 wlc persistent 360 mask 255.255.255.0\n' +
        '  -> 10.10.10.12:53               Masq    1      0          0         \n',
    );
  });

  it('sorts services by fwmark, protocol, address, port, with 192.168 before 10.10 (wrapping int compare)', () => {
    const table = [
      service('fwm 7 rr'),
      service('udp 10.10.10.100:53 rr'),
      service('tcp 10.10.10.100:443 rr'),
      service('tcp 10.10.10.100:80 rr'),
      service('tcp 192.168.1.100:80 rr'),
    ];
    expect(formatList(table)).toBe(
      HEADER + TITLE +
        // ntohl(a) - ntohl(b) stored in an int: 0x0a0a0a64 - 0xc0a80164 wraps positive
        'TCP  192.168.1.100:80 rr\n' +
        'TCP  10.10.10.100:80 rr\n' +
        'TCP  10.10.10.100:443 rr\n' +
        'UDP  10.10.10.100:53 rr\n' +
        // sprintf(svc_name, "FWM  %u", fwmark)
        'FWM  7 rr\n',
    );
  });

  it('depends on the kernel order when the comparator cycles, as glibc merge sort does', () => {
    // 10.0.0.1 < 100.0.0.1 < 192.168.0.1 < 10.0.0.1 under the wrapping compare.
    const a = service('tcp 10.0.0.1:80 rr');
    const b = service('tcp 100.0.0.1:80 rr');
    const c = service('tcp 192.168.0.1:80 rr');
    const order = (list: typeof a[]): string =>
      formatList(list).split('\n').slice(3, 6).map((l) => l.split(' ')[2]).join(' ');
    expect(order([a, b, c])).toBe('10.0.0.1:80 100.0.0.1:80 192.168.0.1:80');
    expect(order([c, b, a])).toBe('192.168.0.1:80 10.0.0.1:80 100.0.0.1:80');
  });

  it('keeps the kernel order with --nosort and hides destinations already removed', () => {
    const svc = service('tcp 10.10.10.100:80 rr', [
      dest('10.10.10.13:80', 'gate'),
      dest('10.10.10.14:80', 'gate', 1, { available: false }),
      dest('10.10.10.12:80', 'gate'),
    ]);
    expect(formatList([svc], { nosort: true })).toBe(
      HEADER + TITLE +
        'TCP  10.10.10.100:80 rr\n' +
        '  -> 10.10.10.13:80               Route   1      0          0         \n' +
        '  -> 10.10.10.12:80               Route   1      0          0         \n',
    );
  });

  it('prints the table size it is given', () => {
    expect(formatList([], { tableSize: 1048576 }).split('\n')[0]).toBe(
      'IP Virtual Server version 1.2.1 (size=1048576)',
    );
  });
});

describe('formatList --stats', () => {
  it('scales counters of 100 million and more to K, M, G and T', () => {
    const big = { conns: 123456789, inpkts: 98765432101, outpkts: 99999999, inbytes: 12345678901234, outbytes: 123456000000000000 };
    const svc = service('tcp 10.10.10.100:80 rr', [
      dest('10.10.10.12:80', 'gate', 1, { stats: { conns: 5, inpkts: 42, outpkts: 0, inbytes: 2520, outbytes: 0 } }),
    ], {}, { stats: big });
    expect(formatList([svc], { stats: true })).toBe(
      HEADER +
        // "%-33s %8s %8s %8s %8s %8s\n  -> RemoteAddress:Port\n"
        'Prot LocalAddress:Port               Conns   InPkts  OutPkts  InBytes OutBytes\n' +
        '  -> RemoteAddress:Port\n' +
        // "%-33s" then print_largenum(): "%8lluK" of /1000, "%8lluM" of /1e6, "%9llu" below 1e8, …
        'TCP  10.10.10.100:80               123456K   98765M 99999999   12345G  123456T\n' +
        // "  -> %-28s" then five print_largenum()
        '  -> 10.10.10.12:80                      5       42        0     2520        0\n',
    );
  });

  it('prints whole numbers with --exact', () => {
    const svc = service('tcp 10.10.10.100:80 rr', [], {}, {
      stats: { conns: 123456789, inpkts: 7, outpkts: 0, inbytes: 12345678901, outbytes: 1 },
    });
    expect(formatList([svc], { stats: true, exact: true }).split('\n')[3]).toBe(
      // printf("%*llu", len <= 8 ? 9 : len + 1, i)
      'TCP  10.10.10.100:80              123456789        7        0 12345678901        1',
    );
  });
});

describe('formatList --rate', () => {
  it('prints the service rates with print_largenum and the destination packet rates with plain %8llu', () => {
    const svc = service('tcp 10.10.10.100:80 rr', [
      dest('10.10.10.12:80', 'masq', 1, { rates: { cps: 123456789, inpps: 40, outpps: 38, inbps: 250000000, outbps: 3000 } }),
    ], {}, { rates: { cps: 3, inpps: 40, outpps: 38, inbps: 250000000, outbps: 3000 } });
    expect(formatList([svc], { rate: true })).toBe(
      HEADER +
        'Prot LocalAddress:Port                 CPS    InPPS   OutPPS    InBPS   OutBPS\n' +
        '  -> RemoteAddress:Port\n' +
        'TCP  10.10.10.100:80                     3       40       38  250000K     3000\n' +
        // "  -> %-28s %8llu %8llu %8llu": a 9-digit CPS just widens the column
        '  -> 10.10.10.12:80               123456789       40       38  250000K     3000\n',
    );
  });
});

describe('formatList --thresholds, --persistent-conn, --tun-info', () => {
  const svc = service('tcp 10.10.10.100:80 wlc', [
    dest('10.10.10.12:80', 'ipip', 3, { uThreshold: 100, lThreshold: 50, activeConns: 4, inactConns: 1, persistConns: 2 }),
  ]);

  it('shows the upper and lower thresholds', () => {
    expect(formatList([svc], { thresholds: true })).toBe(
      HEADER +
        // "%-33s %-10s %-10s %-10s %-10s\n": "InActConn" padded to 10 leaves one trailing space
        'Prot LocalAddress:Port            Uthreshold Lthreshold ActiveConn InActConn \n' +
        '  -> RemoteAddress:Port\n' +
        'TCP  10.10.10.100:80 wlc\n' +
        // "  -> %-28s %-10u %-10u %-10u %-10u\n"
        '  -> 10.10.10.12:80               100        50         4          1         \n',
    );
  });

  it('shows the persistent connection count', () => {
    expect(formatList([svc], { persistentConn: true })).toBe(
      HEADER +
        // "%-33s %-9s %-11s %-10s %-10s\n"
        'Prot LocalAddress:Port            Weight    PersistConn ActiveConn InActConn \n' +
        '  -> RemoteAddress:Port\n' +
        'TCP  10.10.10.100:80 wlc\n' +
        // "  -> %-28s %-9u %-11u %-10u %-10u\n"
        '  -> 10.10.10.12:80               3         2           4          1         \n',
    );
  });

  it('shows the tunnel type', () => {
    expect(formatList([svc], { tunInfo: true })).toBe(
      HEADER +
        'Prot LocalAddress:Port Scheduler Flags\n' +
        '  -> RemoteAddress:Port           Forward TunnelInfo    Weight ActiveConn InActConn\n' +
        'TCP  10.10.10.100:80 wlc\n' +
        // "  -> %-28s %-7s %-13s %-6d %-10u %-10u\n"
        '  -> 10.10.10.12:80               Tunnel  ipip          3      4          1         \n',
    );
  });
});

describe('formatListService (ipvsadm -L -n -t VIP:port)', () => {
  it('prints the titles and that service, without the version header', () => {
    const svc = service('tcp 10.10.10.100:80 rr', [dest('10.10.10.12:80', 'gate')]);
    expect(formatListService(svc)).toBe(
      TITLE + 'TCP  10.10.10.100:80 rr\n' + '  -> 10.10.10.12:80               Route   1      0          0         \n',
    );
  });
});

describe('printLargenum', () => {
  it('switches unit at each boundary exactly as print_largenum does', () => {
    expect(printLargenum(99999999)).toBe(' 99999999');
    expect(printLargenum(100000000)).toBe('  100000K');
    expect(printLargenum(999999999)).toBe('  999999K');
    expect(printLargenum(1000000000)).toBe('    1000M');
    expect(printLargenum(99999999999)).toBe('   99999M');
    expect(printLargenum(100000000000)).toBe('     100G');
    expect(printLargenum(100000000000000)).toBe('     100T');
  });
});
