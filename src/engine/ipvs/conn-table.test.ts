import { describe, expect, it } from 'vitest';
import { ip } from '../addr/ipv4';
import { TCP_ACK, TCP_FIN, TCP_PSH, TCP_RST, TCP_SYN } from '../wire/repr';
import { ConnTable, procProtoName, procStateName, type ConnEntry, type NewConn } from './conn-table';
import { emptyStats, type DestState, type ForwardMethod, type ServiceState } from './types';

const CIP = ip('10.11.12.13');
const VIP = ip('11.12.13.14');
const RIP = ip('192.168.1.11');

function dest(method: ForwardMethod, over: Partial<DestState['config']> = {}): DestState {
  return {
    config: { addr: RIP, port: 80, method, weight: 1, uThreshold: 0, lThreshold: 0, ...over },
    activeConns: 0, inactConns: 0, persistConns: 0, overloaded: false, available: true,
    stats: emptyStats(), rates: { cps: 0, inpps: 0, outpps: 0, inbps: 0, outbps: 0 },
  };
}

function service(d: DestState, proto: 'tcp' | 'udp' = 'tcp'): ServiceState {
  return {
    config: { proto, vip: VIP, port: 80, fwmark: 0, scheduler: 'rr', schedFlags: [] },
    dests: [d], stats: emptyStats(), rates: { cps: 0, inpps: 0, outpps: 0, inbps: 0, outbps: 0 }, schedData: undefined,
  };
}

const conn = (cport: number, proto: 'tcp' | 'udp' = 'tcp'): NewConn => ({
  proto, caddr: CIP, cport, vaddr: VIP, vport: 80, daddr: RIP, dport: 80, traceConn: cport,
});

const counters = (d: DestState): [number, number] => [d.activeConns, d.inactConns];

describe('ConnTable.createConn', () => {
  it('starts a connection in NONE, counted in InActConn, armed for 3 s', () => {
    const d = dest('masq');
    const t = new ConnTable();
    const c = t.createConn(service(d), d, conn(40000), 1000);
    expect(c.state).toBe('NONE');
    expect(c.inactive).toBe(true);
    expect(counters(d)).toEqual([0, 1]);
    expect(c.expiresAt).toBe(4000);
    expect(d.stats.conns).toBe(1);
  });

  it('marks DR and TUN entries noOutput but not NAT ones', () => {
    const t = new ConnTable();
    for (const m of ['gate', 'ipip', 'masq'] as const) {
      const d = dest(m);
      expect(t.createConn(service(d), d, conn(40000 + t.size), 0).noOutput).toBe(m !== 'masq');
    }
  });
});

describe('ConnTable.setState', () => {
  it('counts a NAT connection active from its SYN until its close, then inactive in TIME_WAIT', () => {
    const d = dest('masq');
    const t = new ConnTable();
    const c = t.createConn(service(d), d, conn(40000), 0);
    const steps: Array<[ 'input' | 'output', number, string, [number, number], number]> = [
      ['input', TCP_SYN, 'SYN_RECV', [1, 0], 60_000],
      ['output', TCP_SYN | TCP_ACK, 'SYN_RECV', [1, 0], 60_000],
      ['input', TCP_ACK, 'ESTABLISHED', [1, 0], 900_000],
      ['input', TCP_PSH | TCP_ACK, 'ESTABLISHED', [1, 0], 900_000],
      ['output', TCP_FIN | TCP_ACK, 'FIN_WAIT', [0, 1], 120_000],
      ['input', TCP_FIN | TCP_ACK, 'TIME_WAIT', [0, 1], 120_000],
      ['output', TCP_ACK, 'TIME_WAIT', [0, 1], 120_000],
    ];
    let now = 0;
    for (const [dir, flags, state, count, timeout] of steps) {
      now += 10;
      t.setState(c, dir, flags, now);
      expect(c.state, state).toBe(state);
      expect(counters(d), state).toEqual(count);
      expect(c.expiresAt).toBe(now + timeout);
    }
  });

  it('runs a DR connection through the input-only table and leaves it in FIN_WAIT', () => {
    const d = dest('gate');
    const t = new ConnTable();
    const c = t.createConn(service(d), d, conn(40000), 0);
    for (const f of [TCP_SYN, TCP_ACK, TCP_PSH | TCP_ACK, TCP_FIN | TCP_ACK, TCP_ACK]) t.setState(c, 'input', f, 1);
    expect(c.state).toBe('FIN_WAIT');
    expect(c.noOutput).toBe(true);
    expect(counters(d)).toEqual([0, 1]);
  });

  it('switches a DR entry to the two-sided tables once a reply passes the director', () => {
    const d = dest('gate');
    const t = new ConnTable();
    const c = t.createConn(service(d), d, conn(40000), 0);
    t.setState(c, 'input', TCP_SYN, 0);
    t.setState(c, 'output', TCP_SYN | TCP_ACK, 0);
    expect(c.noOutput).toBe(false);
    t.setState(c, 'input', TCP_ACK, 0);
    t.setState(c, 'input', TCP_FIN | TCP_ACK, 0);
    expect(c.state).toBe('CLOSE_WAIT');
  });

  it('moves an established entry to CLOSE with a 10 s timeout on RST', () => {
    const d = dest('masq');
    const t = new ConnTable();
    const c = t.createConn(service(d), d, conn(40000), 0);
    t.setState(c, 'input', TCP_SYN, 0);
    t.setState(c, 'input', TCP_ACK, 0);
    t.setState(c, 'input', TCP_RST, 5);
    expect([c.state, c.expiresAt, ...counters(d)]).toEqual(['CLOSE', 10_005, 0, 1]);
  });

  it('keeps UDP entries in state UDP and InActConn with a 5 min timeout', () => {
    const d = dest('masq');
    const t = new ConnTable();
    const c = t.createConn(service(d, 'udp'), d, conn(5353, 'udp'), 0);
    t.setState(c, 'input', 0, 7);
    t.setState(c, 'output', 0, 8);
    expect([c.state, c.expiresAt, ...counters(d)]).toEqual(['UDP', 300_008, 0, 1]);
    expect(procStateName(c)).toBe('UDP');
    expect(procProtoName(c)).toBe('UDP');
  });
});

describe('ConnTable lookups', () => {
  it('finds a NAT entry from the client side and from the real server reply', () => {
    const d = dest('masq', { port: 8080 });
    const t = new ConnTable();
    const c = t.createConn(service(d), d, { ...conn(40000), dport: 8080 }, 0);
    expect(t.lookupIn('tcp', CIP, 40000, VIP, 80)).toBe(c);
    expect(t.lookupIn('udp', CIP, 40000, VIP, 80)).toBeUndefined();
    expect(t.lookupOut('tcp', RIP, 8080, CIP, 40000)).toBe(c);
    expect(t.lookupOut('tcp', VIP, 80, CIP, 40000)).toBeUndefined();
  });

  it('matches a DR entry on a reply from the VIP, not from the real server', () => {
    const d = dest('gate');
    const t = new ConnTable();
    const c = t.createConn(service(d), d, conn(40000), 0);
    expect(t.lookupOut('tcp', VIP, 80, CIP, 40000)).toBe(c);
    expect(t.lookupOut('tcp', RIP, 80, CIP, 40000)).toBeUndefined();
  });

  it('lets a newer entry with the same key shadow an older one until it goes', () => {
    const d = dest('masq');
    const t = new ConnTable();
    const old = t.createConn(service(d), d, conn(40000), 0);
    const fresh = t.createConn(service(d), d, conn(40000), 0);
    expect(t.lookupIn('tcp', CIP, 40000, VIP, 80)).toBe(fresh);
    t.expireNow(fresh, 1);
    t.expire(1);
    expect(t.lookupIn('tcp', CIP, 40000, VIP, 80)).toBe(old);
  });
});

describe('ConnTable.expire', () => {
  it('removes entries whose timer ran out and unbinds them from their server', () => {
    const d = dest('masq');
    const t = new ConnTable();
    const a = t.createConn(service(d), d, conn(40000), 0);
    const b = t.createConn(service(d), d, conn(40001), 0);
    t.setState(a, 'input', TCP_SYN, 0);
    t.setState(b, 'input', TCP_SYN, 1000);
    expect(t.nextExpiry()).toBe(60_000);
    expect(t.expire(59_999)).toEqual([]);
    expect(t.expire(60_000)).toEqual([a]);
    expect(counters(d)).toEqual([1, 0]);
    expect(t.nextExpiry()).toBe(61_000);
    expect(t.expire(100_000)).toEqual([b]);
    expect([t.size, t.nextExpiry(), ...counters(d)]).toEqual([0, null, 0, 0]);
  });

  it('restarts the timer on every packet, so only idle entries expire', () => {
    const d = dest('masq');
    const t = new ConnTable();
    const c = t.createConn(service(d), d, conn(40000), 0);
    t.setState(c, 'input', TCP_SYN, 0);
    t.setState(c, 'input', TCP_SYN, 50_000);
    expect(t.expire(60_000)).toEqual([]);
    expect(t.nextExpiry()).toBe(110_000);
  });

  it('keeps a template that still controls connections and re-arms it for 60 s', () => {
    const d = dest('masq');
    const svc = service(d);
    const t = new ConnTable();
    const ct = t.createTemplate(svc, d, { proto: 'tcp', caddr: CIP, vaddr: VIP, vport: 80 }, 80, 0, 30_000);
    const c: ConnEntry = t.createConn(svc, d, conn(40000), 0, ct);
    t.setState(c, 'input', TCP_SYN, 0);
    t.setState(c, 'input', TCP_ACK, 0);
    expect(procStateName(ct)).toBe('ASSURED');
    expect(t.expire(30_000)).toEqual([]);
    expect([ct.expiresAt, ct.timeoutMs]).toEqual([90_000, 60_000]);
    t.expireNow(c, 40_000);
    expect(t.expire(40_000)).toEqual([c]);
    expect(ct.nControl).toBe(0);
    expect(t.expire(90_000)).toEqual([ct]);
    expect(d.persistConns).toBe(0);
  });

  it('keeps its heap small however many packets restart timers', () => {
    const d = dest('masq');
    const t = new ConnTable();
    const c = t.createConn(service(d), d, conn(40000), 0);
    for (let i = 0; i < 10_000; i++) t.setState(c, 'input', TCP_ACK, i);
    expect(t.nextExpiry()).toBe(9_999 + 900_000);
    expect((t as unknown as { heap: { size: number } }).heap.size).toBeLessThan(100);
  });
});

describe('ConnTable.invalidateTemplate', () => {
  it('rehashes the template with ports 65535 so lookups miss it but it stays listed', () => {
    const d = dest('masq');
    const t = new ConnTable();
    const k = { proto: 'tcp', caddr: CIP, vaddr: VIP, vport: 80 } as const;
    const ct = t.createTemplate(service(d), d, k, 80, 0, 300_000);
    expect(t.lookupTemplate(k)).toBe(ct);
    t.invalidateTemplate(ct);
    expect(t.lookupTemplate(k)).toBeUndefined();
    expect([ct.cport, ct.vport, ct.dport]).toEqual([0, 0xffff, 0xffff]);
    expect([...t.entries()]).toEqual([ct]);
    expect(t.expire(300_000)).toEqual([ct]);
  });
});
