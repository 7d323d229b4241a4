import { describe, expect, it } from 'vitest';
import { ip } from '../addr/ipv4';
import { accountTcpStateChange, bindDest, countConn, countIn, countOut, destTotalConns, overloadAfterEdit, unbindDest, type AccountedConn } from './accounting';
import { emptyStats, type DestState, type ServiceState } from './types';

function dest(uThreshold = 0, lThreshold = 0): DestState {
  return {
    config: { addr: ip('10.10.10.12'), port: 80, method: 'masq', weight: 1, uThreshold, lThreshold },
    activeConns: 0, inactConns: 0, persistConns: 0, overloaded: false, available: true,
    stats: emptyStats(), rates: { cps: 0, inpps: 0, outpps: 0, inbps: 0, outbps: 0 },
  };
}

const SVC: ServiceState = {
  config: { proto: 'tcp', vip: ip('20.20.20.11'), port: 80, fwmark: 0, scheduler: 'rr', schedFlags: [] },
  dests: [], stats: emptyStats(), rates: { cps: 0, inpps: 0, outpps: 0, inbps: 0, outbps: 0 }, schedData: undefined,
};

const fresh = (d: DestState, template = false): AccountedConn => ({ template, inactive: true, dest: d, svc: SVC });

describe('bindDest / unbindDest', () => {
  it('counts a new connection in InActConn and a template in PersistConn only', () => {
    const d = dest();
    bindDest(fresh(d));
    bindDest(fresh(d, true));
    expect([d.activeConns, d.inactConns, d.persistConns, destTotalConns(d)]).toEqual([0, 1, 1, 1]);
  });

  it('takes an expired active connection out of ActiveConn', () => {
    const d = dest();
    const c = fresh(d);
    bindDest(c);
    accountTcpStateChange(c, 'SYN_RECV');
    expect([d.activeConns, d.inactConns]).toEqual([1, 0]);
    unbindDest(c);
    expect([d.activeConns, d.inactConns]).toEqual([0, 0]);
  });
});

describe('accountTcpStateChange', () => {
  it('moves a connection between InActConn and ActiveConn with its state', () => {
    const d = dest();
    const c = fresh(d);
    bindDest(c);
    const seen: Array<[number, number]> = [];
    for (const s of ['SYN_RECV', 'ESTABLISHED', 'FIN_WAIT', 'TIME_WAIT', 'SYN_RECV'] as const) {
      accountTcpStateChange(c, s);
      seen.push([d.activeConns, d.inactConns]);
    }
    expect(seen).toEqual([[1, 0], [1, 0], [0, 1], [0, 1], [1, 0]]);
  });
});

describe('the overload flag', () => {
  it('is set when the connections reach the upper threshold', () => {
    const d = dest(2);
    bindDest(fresh(d));
    expect(d.overloaded).toBe(false);
    bindDest(fresh(d));
    expect(d.overloaded).toBe(true);
  });

  it('clears below 3/4 of the upper threshold when there is no lower one', () => {
    const d = dest(4);
    const cs = [1, 2, 3, 4].map(() => fresh(d));
    cs.forEach(bindDest);
    expect(d.overloaded).toBe(true);
    unbindDest(cs[0] as AccountedConn); // 3 * 4 < 4 * 3 is false
    expect(d.overloaded).toBe(true);
    unbindDest(cs[1] as AccountedConn); // 2 * 4 < 12
    expect(d.overloaded).toBe(false);
  });

  it('clears below the lower threshold when one is set', () => {
    const d = dest(4, 2);
    const cs = [1, 2, 3, 4].map(() => fresh(d));
    cs.forEach(bindDest);
    unbindDest(cs[0] as AccountedConn);
    unbindDest(cs[1] as AccountedConn);
    expect(d.overloaded).toBe(true);
    unbindDest(cs[2] as AccountedConn);
    expect(d.overloaded).toBe(false);
  });

  it('does not count templates against the threshold', () => {
    const d = dest(1);
    bindDest(fresh(d, true));
    expect(d.overloaded).toBe(false);
  });

  it('clears on an edit that removes or raises the upper threshold', () => {
    const d = dest(1);
    bindDest(fresh(d));
    expect([overloadAfterEdit(d, 1), overloadAfterEdit(d, 0), overloadAfterEdit(d, 5)]).toEqual([true, false, false]);
  });
});

describe('stats counters', () => {
  it('adds the IP packet length to the server and service byte counters', () => {
    const d = dest();
    const svc: ServiceState = { ...SVC, stats: emptyStats() };
    const c: AccountedConn = { template: false, inactive: true, dest: d, svc };
    countConn(c);
    countIn(c, 60);
    countOut(c, 60);
    countIn(c, 52);
    expect(d.stats).toEqual({ conns: 1, inpkts: 2, outpkts: 1, inbytes: 112, outbytes: 60 });
    expect(svc.stats).toEqual(d.stats);
  });

  it('stops counting packets once the server was deleted', () => {
    const d = dest();
    d.available = false;
    countIn(fresh(d), 60);
    expect(d.stats.inpkts).toBe(0);
  });
});
