import { describe, expect, it } from 'vitest';
import { ip } from '../addr/ipv4';
import { DEFAULT_TIMEOUTS, templateTimeoutMs, timeoutsForList, withSetTimeouts } from './timeouts';

describe('DEFAULT_TIMEOUTS', () => {
  it('lists as ipvsadm -L --timeout prints a fresh kernel: 900 120 300', () => {
    expect(timeoutsForList(DEFAULT_TIMEOUTS)).toEqual({ tcpS: 900, tcpFinS: 120, udpS: 300 });
  });

  it('keeps a closed connection 2 min in TIME_WAIT and 10 s in CLOSE', () => {
    expect([DEFAULT_TIMEOUTS.tcp.TIME_WAIT, DEFAULT_TIMEOUTS.tcp.CLOSE, DEFAULT_TIMEOUTS.tcp.SYN_RECV]).toEqual([120_000, 10_000, 60_000]);
  });
});

describe('withSetTimeouts', () => {
  it('sets ESTABLISHED, FIN_WAIT and UDP, leaving a 0 unchanged and TIME_WAIT alone', () => {
    const t = withSetTimeouts(DEFAULT_TIMEOUTS, { tcpS: 60, tcpFinS: 30, udpS: 0 });
    expect([t.tcp.ESTABLISHED, t.tcp.FIN_WAIT, t.tcp.TIME_WAIT, t.udp]).toEqual([60_000, 30_000, 120_000, 300_000]);
  });
});

describe('templateTimeoutMs', () => {
  it('is the service\'s -p seconds', () => {
    const svc = { proto: 'tcp', vip: ip('1.1.1.1'), port: 80, fwmark: 0, scheduler: 'rr', schedFlags: [], persistenceS: 360 } as const;
    expect(templateTimeoutMs(svc)).toBe(360_000);
  });
});
