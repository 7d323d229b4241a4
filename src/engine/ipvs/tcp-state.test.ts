import { describe, expect, it } from 'vitest';
import { TCP_ACK, TCP_FIN, TCP_PSH, TCP_RST, TCP_SYN } from '../wire/repr';
import { effectiveDirection, isTcpStateActive, nextTcpState, tcpMayCreateConn, tcpRow, type TcpDirection } from './tcp-state';
import type { IpvsTcpState } from './types';

type Step = readonly [TcpDirection, number, IpvsTcpState];

function run(steps: readonly Step[], from: IpvsTcpState = 'NONE'): IpvsTcpState[] {
  const seen: IpvsTcpState[] = [];
  let s = from;
  for (const [dir, flags, expected] of steps) {
    s = nextTcpState(s, dir, flags);
    seen.push(s);
    expect(s, `${dir} flags=${flags}`).toBe(expected);
  }
  return seen;
}

describe('tcpRow', () => {
  it('picks the row by priority RST > SYN > FIN > ACK', () => {
    expect(tcpRow(TCP_RST | TCP_SYN | TCP_FIN | TCP_ACK)).toBe('rst');
    expect(tcpRow(TCP_SYN | TCP_ACK)).toBe('syn');
    expect(tcpRow(TCP_FIN | TCP_ACK | TCP_PSH)).toBe('fin');
    expect(tcpRow(TCP_ACK | TCP_PSH)).toBe('ack');
    expect(tcpRow(TCP_PSH)).toBeNull();
  });
});

describe('nextTcpState', () => {
  it('follows a NAT connection the server closes first: SYN_RECV, ESTABLISHED, FIN_WAIT, TIME_WAIT', () => {
    run([
      ['input', TCP_SYN, 'SYN_RECV'],
      ['output', TCP_SYN | TCP_ACK, 'SYN_RECV'],
      ['input', TCP_ACK, 'ESTABLISHED'],
      ['input', TCP_PSH | TCP_ACK, 'ESTABLISHED'],
      ['output', TCP_PSH | TCP_ACK, 'ESTABLISHED'],
      ['output', TCP_FIN | TCP_ACK, 'FIN_WAIT'],
      ['input', TCP_ACK, 'FIN_WAIT'],
      ['input', TCP_FIN | TCP_ACK, 'TIME_WAIT'],
      ['output', TCP_ACK, 'TIME_WAIT'],
    ]);
  });

  it('follows a NAT connection the client closes first through CLOSE_WAIT to TIME_WAIT', () => {
    run([
      ['input', TCP_FIN | TCP_ACK, 'CLOSE_WAIT'],
      ['output', TCP_ACK, 'CLOSE_WAIT'],
      ['output', TCP_FIN | TCP_ACK, 'TIME_WAIT'],
      ['input', TCP_ACK, 'TIME_WAIT'],
    ], 'ESTABLISHED');
  });

  it('leaves a DR connection (input only) in FIN_WAIT after the close', () => {
    run([
      ['input-only', TCP_SYN, 'SYN_RECV'],
      ['input-only', TCP_ACK, 'ESTABLISHED'],
      ['input-only', TCP_PSH | TCP_ACK, 'ESTABLISHED'],
      ['input-only', TCP_FIN | TCP_ACK, 'FIN_WAIT'],
      ['input-only', TCP_ACK, 'FIN_WAIT'],
    ]);
  });

  it('closes on RST from either side', () => {
    expect(nextTcpState('ESTABLISHED', 'input', TCP_RST)).toBe('CLOSE');
    expect(nextTcpState('ESTABLISHED', 'output', TCP_RST | TCP_ACK)).toBe('CLOSE');
    expect(nextTcpState('ESTABLISHED', 'input-only', TCP_RST)).toBe('CLOSE');
  });

  it('keeps SYN_RECV on an input RST, as the kernel table does', () => {
    expect(nextTcpState('SYN_RECV', 'input', TCP_RST)).toBe('SYN_RECV');
  });

  it('ignores a server RST in TIME_WAIT but not a client one', () => {
    expect(nextTcpState('TIME_WAIT', 'output', TCP_RST)).toBe('TIME_WAIT');
    expect(nextTcpState('TIME_WAIT', 'input', TCP_RST)).toBe('CLOSE');
  });

  it('sends a segment with none of SYN/FIN/ACK/RST to CLOSE', () => {
    expect(nextTcpState('ESTABLISHED', 'input', TCP_PSH)).toBe('CLOSE');
  });

  it('reopens a TIME_WAIT entry on a new SYN', () => {
    expect(nextTcpState('TIME_WAIT', 'input', TCP_SYN)).toBe('SYN_RECV');
    expect(nextTcpState('FIN_WAIT', 'input-only', TCP_SYN)).toBe('SYN_RECV');
  });

  it('differs between input and input-only only on FIN from ESTABLISHED and RST from SYNACK', () => {
    expect(nextTcpState('ESTABLISHED', 'input', TCP_FIN)).toBe('CLOSE_WAIT');
    expect(nextTcpState('ESTABLISHED', 'input-only', TCP_FIN)).toBe('FIN_WAIT');
    expect(nextTcpState('SYNACK', 'input', TCP_RST)).toBe('SYN_RECV');
    expect(nextTcpState('SYNACK', 'input-only', TCP_RST)).toBe('CLOSE');
  });
});

describe('effectiveDirection', () => {
  it('uses input-only while no output was seen and clears noOutput on the first output', () => {
    expect(effectiveDirection('input', true)).toEqual({ direction: 'input-only', noOutput: true });
    expect(effectiveDirection('output', true)).toEqual({ direction: 'output', noOutput: false });
    expect(effectiveDirection('input', false)).toEqual({ direction: 'input', noOutput: false });
  });
});

describe('isTcpStateActive', () => {
  it('counts the handshake states and ESTABLISHED as active, closing states as inactive', () => {
    const active = (['NONE', 'ESTABLISHED', 'SYN_SENT', 'SYN_RECV', 'FIN_WAIT', 'TIME_WAIT', 'CLOSE', 'CLOSE_WAIT', 'LAST_ACK', 'LISTEN', 'SYNACK'] as const)
      .filter(isTcpStateActive);
    expect(active).toEqual(['ESTABLISHED', 'SYN_SENT', 'SYN_RECV', 'SYNACK']);
  });
});

describe('tcpMayCreateConn', () => {
  it('schedules only on SYN without RST unless sloppy_tcp', () => {
    expect(tcpMayCreateConn(TCP_SYN)).toBe(true);
    expect(tcpMayCreateConn(TCP_SYN | TCP_RST)).toBe(false);
    expect(tcpMayCreateConn(TCP_ACK)).toBe(false);
    expect(tcpMayCreateConn(TCP_ACK, true)).toBe(true);
  });
});
