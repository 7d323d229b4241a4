import { describe, expect, it } from 'vitest';
import { ip } from '../addr/ipv4';
import { conn, dest, service } from './ipvsadm/test-builders';
import { formatIpvsProc, servicesInHashOrder } from './proc-net';

describe('/proc/net/ip_vs*', () => {
  it('lists services by hash bucket (newest first within one), servers in list order, persistence in jiffies', () => {
    const http = service('tcp 10.10.10.100:80 rr', [dest('10.10.10.13:80', 'gate'), dest('10.10.10.12:80', 'gate')]);
    const alt = service('tcp 10.10.10.100:8080 rr', [], { persistenceS: 100, persistenceMask: ip('255.255.0.0') });
    const marked = service('fwm 1 rr', [dest('10.10.10.12:0', 'gate')]);
    // 8080 hashes to bucket 0xED, 80 to 0x32; the fwmark table comes after the address table.
    expect(servicesInHashOrder([alt, marked, http]).map((s) => s.config.port)).toEqual([80, 8080, 0]);
    expect(formatIpvsProc('ip_vs', [alt, marked, http], [], 0)).toBe(
      'IP Virtual Server version 1.2.1 (size=4096)\n'
      + 'Prot LocalAddress:Port Scheduler Flags\n'
      + '  -> RemoteAddress:Port Forward Weight ActiveConn InActConn\n'
      + 'TCP  0A0A0A64:0050 rr  \n'
      + '  -> 0A0A0A0D:0050      Route   1      0          0         \n'
      + '  -> 0A0A0A0C:0050      Route   1      0          0         \n'
      + 'TCP  0A0A0A64:1F90 rr  persistent 25000 FFFF0000\n'
      + 'FWM  00000001 rr \n'
      + '  -> 0A0A0A0C:0000      Route   1      0          0         \n',
    );
  });

  it('writes the totals in hexadecimal and each entry with its seconds left', () => {
    const stats = { conns: 2, inpkts: 12, outpkts: 0, inbytes: 792, outbytes: 0 };
    const http = service('tcp 10.10.10.100:80 rr', [dest('10.10.10.12:80', 'gate')], {}, { stats });
    expect(formatIpvsProc('ip_vs_stats', [http], [], 0).split('\n')[2]).toBe('       2        C        0              318                0');
    const c = conn(http, '10.10.10.240:57906', '10.10.10.12:80', 'FIN_WAIT', 119_500);
    expect(formatIpvsProc('ip_vs_conn', [http], [c], 0)).toBe(
      'Pro FromIP   FPrt ToIP     TPrt DestIP   DPrt State       Expires PEName PEData\n'
      + 'TCP 0A0A0AF0 E232 0A0A0A64 0050 0A0A0A0C 0050 FIN_WAIT        119\n',
    );
  });
});
