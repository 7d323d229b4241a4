import { describe, expect, it } from 'vitest';
import { dropsRequest } from './tcp-stack';

describe('an ICMP error about a half-open connection\'s SYN-ACK (tcp_v4_err → tcp_req_err)', () => {
  it('drops the request for net and host unreachable, time exceeded and a parameter problem', () => {
    expect([dropsRequest(3, 0), dropsRequest(3, 1), dropsRequest(11, 0), dropsRequest(12, 0)]).toEqual([true, true, true, true]);
  });

  it('keeps it (the SYN-ACK is retransmitted) for port, protocol unreachable, fragmentation needed, a redirect, a source quench', () => {
    expect([dropsRequest(3, 3), dropsRequest(3, 2), dropsRequest(3, 4), dropsRequest(5, 1), dropsRequest(4, 0)]).toEqual([false, false, false, false, false]);
  });
});
