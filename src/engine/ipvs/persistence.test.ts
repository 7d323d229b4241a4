import { describe, expect, it } from 'vitest';
import { formatIpv4, ip, type Ipv4 } from '../addr/ipv4';
import { TCP_ACK, TCP_FIN, TCP_SYN } from '../wire/repr';
import { ConnTable, procProtoName, procStateName } from './conn-table';
import { DEFAULT_SYSCTLS, inConnVerdict, scheduleConn, templateKeyFor, type SchedPacket } from './persistence';
import { emptyStats, type DestState, type ServiceConfig, type ServiceState } from './types';

const VIP = ip('10.10.10.100');
const RS1 = ip('10.10.10.12');
const RS2 = ip('10.10.10.13');

function dest(addr: Ipv4, weight = 1): DestState {
  return {
    config: { addr, port: 80, method: 'gate', weight, uThreshold: 0, lThreshold: 0 },
    activeConns: 0, inactConns: 0, persistConns: 0, overloaded: false, available: true,
    stats: emptyStats(), rates: { cps: 0, inpps: 0, outpps: 0, inbps: 0, outbps: 0 },
  };
}

function service(over: Partial<ServiceConfig> = {}): ServiceState {
  const config: ServiceConfig = { proto: 'tcp', vip: VIP, port: 80, fwmark: 0, scheduler: 'rr', schedFlags: [], ...over };
  return { config, dests: [dest(RS2), dest(RS1)], stats: emptyStats(), rates: { cps: 0, inpps: 0, outpps: 0, inbps: 0, outbps: 0 }, schedData: undefined };
}

/** A round-robin stand-in over the service's list, to see when the scheduler is asked. */
function roundRobin(svc: ServiceState): { pick: () => DestState | null; calls: () => number } {
  let n = 0;
  return {
    pick: () => svc.dests.filter((d) => d.config.weight > 0)[n++ % svc.dests.length] ?? null,
    calls: () => n,
  };
}

const pkt = (client: string, cport: number, vport = 80): SchedPacket => ({
  proto: 'tcp', caddr: ip(client), cport, vaddr: VIP, vport, traceConn: cport,
});

describe('scheduleConn without persistence', () => {
  it('asks the scheduler for every connection and counts it on the server', () => {
    const svc = service();
    const t = new ConnTable();
    const rr = roundRobin(svc);
    const a = scheduleConn(t, svc, pkt('10.10.10.240', 40000), 0, rr.pick);
    const b = scheduleConn(t, svc, pkt('10.10.10.240', 40001), 0, rr.pick);
    expect(a.kind === 'created' && formatIpv4(a.conn.daddr)).toBe('10.10.10.13');
    expect(b.kind === 'created' && formatIpv4(b.conn.daddr)).toBe('10.10.10.12');
    expect([rr.calls(), svc.stats.conns, t.size]).toEqual([2, 2, 2]);
  });

  it('refuses a packet for another port of a non-persistent service and reports no server', () => {
    const svc = service();
    expect(scheduleConn(new ConnTable(), svc, pkt('10.10.10.240', 40000, 81), 0, () => null).kind).toBe('no-dest');
    expect(scheduleConn(new ConnTable(), svc, pkt('10.10.10.240', 40000), 0, () => null).kind).toBe('no-dest');
  });
});

describe('scheduleConn with persistence (-p 360)', () => {
  it('creates one template per client and sends the client\'s next connections to the same server', () => {
    const svc = service({ persistenceS: 360 });
    const t = new ConnTable();
    const rr = roundRobin(svc);
    const first = scheduleConn(t, svc, pkt('10.10.10.240', 40000), 0, rr.pick);
    const second = scheduleConn(t, svc, pkt('10.10.10.240', 40001), 5000, rr.pick);
    if (first.kind !== 'created' || second.kind !== 'created') throw new Error('not scheduled');
    expect(rr.calls()).toBe(1);
    expect(second.templateReused).toBe(true);
    expect(second.conn.dest).toBe(first.conn.dest);
    const ct = first.template;
    expect(ct && [formatIpv4(ct.caddr), ct.cport, ct.vport, ct.dport, procStateName(ct), procProtoName(ct)])
      .toEqual(['10.10.10.240', 0, 80, 80, 'NONE', 'TCP']);
    expect(ct?.expiresAt).toBe(5000 + 360_000);
    expect([first.conn.dest.persistConns, first.conn.dest.inactConns, svc.stats.conns]).toEqual([1, 2, 2]);
  });

  it('groups clients by the -M netmask', () => {
    const svc = service({ persistenceS: 300, persistenceMask: ip('255.255.255.0') });
    const t = new ConnTable();
    const rr = roundRobin(svc);
    const a = scheduleConn(t, svc, pkt('10.10.20.1', 40000), 0, rr.pick);
    const b = scheduleConn(t, svc, pkt('10.10.20.77', 40000), 0, rr.pick);
    const c = scheduleConn(t, svc, pkt('10.10.21.1', 40000), 0, rr.pick);
    if (a.kind !== 'created' || b.kind !== 'created' || c.kind !== 'created') throw new Error('not scheduled');
    expect(a.template && formatIpv4(a.template.caddr)).toBe('10.10.20.0');
    expect(b.conn.dest).toBe(a.conn.dest);
    expect(c.conn.dest).not.toBe(a.conn.dest);
    expect(rr.calls()).toBe(2);
  });

  it('keeps sending a persistent client to a server whose weight dropped to 0', () => {
    const svc = service({ persistenceS: 300 });
    const t = new ConnTable();
    const rr = roundRobin(svc);
    const a = scheduleConn(t, svc, pkt('10.10.10.240', 40000), 0, rr.pick);
    if (a.kind !== 'created') throw new Error('not scheduled');
    a.conn.dest.config = { ...a.conn.dest.config, weight: 0 };
    const b = scheduleConn(t, svc, pkt('10.10.10.240', 40001), 0, rr.pick);
    expect(b.kind === 'created' && b.conn.dest).toBe(a.conn.dest);
  });

  it('drops the template of a quiesced server when expire_quiescent_template is set', () => {
    const svc = service({ persistenceS: 300 });
    const t = new ConnTable();
    const rr = roundRobin(svc);
    const a = scheduleConn(t, svc, pkt('10.10.10.240', 40000), 0, rr.pick);
    if (a.kind !== 'created') throw new Error('not scheduled');
    a.conn.dest.config = { ...a.conn.dest.config, weight: 0 };
    const b = scheduleConn(t, svc, pkt('10.10.10.240', 40001), 0, rr.pick, { ...DEFAULT_SYSCTLS, expireQuiescentTemplate: true });
    expect(b.kind === 'created' && b.conn.dest).not.toBe(a.conn.dest);
  });

  it('invalidates the template of a deleted server and schedules the client afresh', () => {
    const svc = service({ persistenceS: 300 });
    const t = new ConnTable();
    const rr = roundRobin(svc);
    const a = scheduleConn(t, svc, pkt('10.10.10.240', 40000), 0, rr.pick);
    if (a.kind !== 'created' || !a.template) throw new Error('not scheduled');
    a.conn.dest.available = false;
    svc.dests = svc.dests.filter((d) => d !== a.conn.dest);
    const b = scheduleConn(t, svc, pkt('10.10.10.240', 40001), 10, rr.pick);
    if (b.kind !== 'created') throw new Error('not scheduled');
    expect(b.templateReused).toBe(false);
    expect([a.template.vport, a.template.dport, a.template.expiresAt]).toEqual([65535, 65535, 300_000]);
    expect(t.size).toBe(4);
  });

  it('marks the template ASSURED once a connection it made is established', () => {
    const svc = service({ persistenceS: 300 });
    const t = new ConnTable();
    const a = scheduleConn(t, svc, pkt('10.10.10.240', 40000), 0, roundRobin(svc).pick);
    if (a.kind !== 'created' || !a.template) throw new Error('not scheduled');
    t.setState(a.conn, 'input', TCP_SYN, 0);
    expect(procStateName(a.template)).toBe('NONE');
    t.setState(a.conn, 'input', TCP_ACK, 0);
    expect(procStateName(a.template)).toBe('ASSURED');
  });
});

describe('templateKeyFor', () => {
  const p = { proto: 'tcp', caddr: ip('1.2.3.4'), vaddr: VIP, vport: 21 } as const;
  it('drops the port for FTP, port-zero and firewall-mark services', () => {
    expect(templateKeyFor(service({ port: 21 }).config, p).vport).toBe(0);
    expect(templateKeyFor(service({ port: 0 }).config, p)).toMatchObject({ proto: 'tcp', vport: 0 });
    expect(templateKeyFor(service({ port: 0, fwmark: 7 }).config, p)).toEqual({ proto: 'ip', caddr: p.caddr, vaddr: 7, vport: 0 });
  });
});

describe('inConnVerdict', () => {
  function established(svc: ServiceState, t: ConnTable) {
    const r = scheduleConn(t, svc, pkt('10.10.10.240', 40000), 0, roundRobin(svc).pick);
    if (r.kind !== 'created') throw new Error('not scheduled');
    for (const f of [TCP_SYN, TCP_ACK]) t.setState(r.conn, 'input', f, 0);
    return r.conn;
  }

  it('reschedules a SYN that finds a TIME_WAIT entry, and reuses it otherwise', () => {
    const svc = service();
    const t = new ConnTable();
    const c = established(svc, t);
    c.noOutput = false;
    t.setState(c, 'output', TCP_FIN | TCP_ACK, 0);
    t.setState(c, 'input', TCP_FIN | TCP_ACK, 0);
    expect(c.state).toBe('TIME_WAIT');
    expect(inConnVerdict(c, true)).toBe('reschedule');
    expect(inConnVerdict(c, false)).toBe('use');
    expect(inConnVerdict(c, true, { ...DEFAULT_SYSCTLS, connReuseMode: 0 })).toBe('use');
  });

  it('reuses a DR entry in FIN_WAIT unless conn_reuse_mode has bit 2', () => {
    const svc = service();
    const t = new ConnTable();
    const c = established(svc, t);
    t.setState(c, 'input', TCP_FIN | TCP_ACK, 0);
    expect(c.state).toBe('FIN_WAIT');
    expect(inConnVerdict(c, true)).toBe('use');
    expect(inConnVerdict(c, true, { ...DEFAULT_SYSCTLS, connReuseMode: 3 })).toBe('reschedule');
  });

  it('never reschedules a connection made from a persistence template', () => {
    const svc = service({ persistenceS: 60 });
    const t = new ConnTable();
    const c = established(svc, t);
    t.setState(c, 'input', 0, 0); // no flags: CLOSE
    expect(inConnVerdict(c, true)).toBe('use');
  });

  it('drops packets of a connection whose server was deleted unless expire_nodest_conn', () => {
    const svc = service();
    const c = established(svc, new ConnTable());
    c.dest.available = false;
    expect(inConnVerdict(c, false)).toBe('drop');
    expect(inConnVerdict(c, false, { ...DEFAULT_SYSCTLS, expireNodestConn: true })).toBe('reschedule');
  });
});
