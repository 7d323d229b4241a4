import { describe, expect, it } from 'vitest';
import { ip } from '../../addr/ipv4';
import { expireSeconds, formatConns } from './format-conns';
import { conn, dest, service } from './test-builders';

// list_conn(): printf("IPVS connection entries\n") then "pro expire %-11s %-18s %-18s %s\n"
const HEAD =
  'IPVS connection entries\n' +
  'pro expire state       source             virtual            destination\n';

const NOW = 1_000_000;
const web = service('tcp 10.10.10.100:80 rr', [dest('10.10.10.13:80', 'gate'), dest('10.10.10.12:80', 'gate')]);

describe('formatConns (ipvsadm -L -n -c)', () => {
  it('prints only the headings when the table is empty', () => {
    expect(formatConns([], NOW)).toBe(HEAD);
  });

  it('prints each entry with its state and mm:ss left, in the order given', () => {
    const udp = service('udp 10.10.10.100:53 rr', [dest('10.10.10.12:53', 'masq')]);
    const rows = [
      conn(web, '10.10.10.1:34567', '10.10.10.12:80', 'ESTABLISHED', NOW + 899_999),
      conn(web, '10.10.10.1:34568', '10.10.10.13:80', 'FIN_WAIT', NOW + 119_500),
      conn(web, '192.168.100.200:60001', '10.10.10.12:80', 'SYN_RECV', NOW + 59_001),
      conn(web, '10.10.10.1:34569', '10.10.10.13:80', 'TIME_WAIT', NOW - 5),
      conn(udp, '10.10.10.1:5353', '10.10.10.12:53', 'UDP', NOW + 300_000 - 1),
    ];
    expect(formatConns(rows, NOW)).toBe(
      HEAD +
        // "%-3s %-6s %-11s %-18s %-18s %s\n"; the last column is not padded
        'TCP 14:59  ESTABLISHED 10.10.10.1:34567   10.10.10.100:80    10.10.10.12:80\n' +
        'TCP 01:59  FIN_WAIT    10.10.10.1:34568   10.10.10.100:80    10.10.10.13:80\n' +
        // a source wider than 18 characters pushes the next columns along
        'TCP 00:59  SYN_RECV    192.168.100.200:60001 10.10.10.100:80    10.10.10.12:80\n' +
        // an entry past its time (timer about to fire) reads 00:00, never negative
        'TCP 00:00  TIME_WAIT   10.10.10.1:34569   10.10.10.100:80    10.10.10.13:80\n' +
        'UDP 04:59  UDP         10.10.10.1:5353    10.10.10.100:53    10.10.10.12:53\n',
    );
  });

  it('shows persistence templates as NONE, and a -f template with protocol IP and the mark as address', () => {
    const persistent = service('tcp 10.10.10.100:80 rr', [dest('10.10.10.12:80', 'gate')], { persistenceS: 360 });
    const marked = service('fwm 7 rr', [dest('10.10.10.12:0', 'gate')], { persistenceS: 6000 });
    const rows = [
      conn(persistent, '10.10.10.0:0', '10.10.10.12:80', 'NONE', NOW + 360_000, { template: true }),
      conn(marked, '10.10.10.1:0', '10.10.10.12:0', 'NONE', NOW + 6_000_000, {
        template: true, vaddr: ip('0.0.0.7'), vport: 0,
      }),
    ];
    expect(formatConns(rows, NOW)).toBe(
      HEAD +
        'TCP 06:00  NONE        10.10.10.0:0       10.10.10.100:80    10.10.10.12:80\n' +
        // sprintf("%02d:%02d") lets minutes pass 99
        'IP  100:00 NONE        10.10.10.1:0       0.0.0.7:0          10.10.10.12:0\n',
    );
  });

  it('adds the persistence-engine headings with --persistent-conn', () => {
    expect(formatConns([], NOW, { persistentConn: true })).toBe(
      'IPVS connection entries\n' +
        // "pro expire %-11s %-18s %-18s %-18s %-16s %s\n"
        'pro expire state       source             virtual            destination        pe name          pe_data\n',
    );
  });
});

describe('expireSeconds', () => {
  it('rounds the time left down to whole seconds, as jiffies_delta_to_msecs(…) / 1000 does', () => {
    const c = conn(web, '10.10.10.1:1', '10.10.10.12:80', 'ESTABLISHED', 10_999);
    expect(expireSeconds(c, 0)).toBe(10);
    expect(expireSeconds(c, 10_000)).toBe(0);
    expect(expireSeconds(c, 20_000)).toBe(0);
  });
});
