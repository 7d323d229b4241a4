import { describe, expect, it } from 'vitest';
import { formatIpv4, ip } from '../addr/ipv4';
import { ConnTable } from './conn-table';
import type { Scheduler } from './schedulers/scheduler';
import { ServiceTable, type ServiceRef } from './service-table';
import type { DestConfig, ServiceConfig, ServiceState } from './types';

/** Records what the table asked of it; schedules the head of the list. */
function fakeScheduler(log: string[]): Scheduler {
  return {
    name: 'rr',
    initService: (svc) => {
      log.push(`init ${svc.dests.length}`);
      return { made: log.length };
    },
    onDestsChanged: (svc) => log.push(`changed ${svc.dests.map((d) => formatIpv4(d.config.addr)).join(',')}`),
    schedule: (svc) => svc.dests[0] ?? null,
  };
}

const VIP = ip('20.20.20.11');
const SVC: ServiceConfig = { proto: 'tcp', vip: VIP, port: 80, fwmark: 0, scheduler: 'rr', schedFlags: [] };
const REF: ServiceRef = SVC;
const rs = (last: number, over: Partial<DestConfig> = {}): DestConfig => ({
  addr: ip(`10.10.10.${last}`), port: 80, method: 'masq', weight: 1, uThreshold: 0, lThreshold: 0, ...over,
});

function setup(): { table: ServiceTable; log: string[]; svc: ServiceState } {
  const log: string[] = [];
  const sched = fakeScheduler(log);
  const table = new ServiceTable({ getScheduler: (n) => (n === 'rr' || n === 'wlc' ? sched : undefined) });
  const r = table.addService(SVC);
  if (!r.ok) throw new Error(r.error.message);
  return { table, log, svc: r.value };
}

const order = (svc: ServiceState): string[] => svc.dests.map((d) => formatIpv4(d.config.addr));

describe('ServiceTable.addService', () => {
  it('initialises the scheduler and refuses a second service on the same VIP:port', () => {
    const { table, log, svc } = setup();
    expect(svc.schedData).toEqual({ made: 1 });
    expect(log).toEqual(['init 0']);
    const again = table.addService({ ...SVC, scheduler: 'wlc' });
    expect(again.ok || again.error).toEqual({ errno: 'EEXIST', message: 'Service already exists' });
  });

  it('reports an unknown scheduler as ipvsadm does', () => {
    const table = new ServiceTable({ getScheduler: () => undefined });
    const r = table.addService(SVC);
    expect(r.ok || r.error.message).toBe('Scheduler or persistence engine not found');
  });
});

describe('ServiceTable.addDest', () => {
  it('puts each new real server at the head of the list', () => {
    const { table, log, svc } = setup();
    for (const n of [12, 13, 14]) table.addDest(REF, rs(n));
    expect(order(svc)).toEqual(['10.10.10.14', '10.10.10.13', '10.10.10.12']);
    expect(log.at(-1)).toBe('changed 10.10.10.14,10.10.10.13,10.10.10.12');
  });

  it('returns ipvsadm\'s messages for a missing service, a duplicate and bad thresholds', () => {
    const { table } = setup();
    table.addDest(REF, rs(12));
    const msg = (r: { ok: boolean; error?: { message: string } }): string | undefined => r.error?.message;
    expect(msg(table.addDest({ ...REF, port: 81 }, rs(12)))).toBe('Service not defined');
    expect(msg(table.addDest(REF, rs(12, { weight: 5 })))).toBe('Destination already exists');
    expect(msg(table.addDest(REF, rs(13, { lThreshold: 5 })))).toBe('Numerical result out of range');
    expect(msg(table.addDest(REF, { ...rs(13), addr: ip('224.0.0.1') }))).toMatch(/^Invalid operation/);
  });
});

describe('ServiceTable.editDest', () => {
  it('changes the weight in place and keeps the list order', () => {
    const { table, svc } = setup();
    for (const n of [12, 13]) table.addDest(REF, rs(n));
    const r = table.editDest(REF, rs(12, { weight: 3 }));
    expect(r.ok && r.value.config.weight).toBe(3);
    expect(order(svc)).toEqual(['10.10.10.13', '10.10.10.12']);
    const missing = table.editDest(REF, rs(99));
    expect(missing.ok || missing.error).toEqual({ errno: 'ENOENT', message: 'No such destination' });
  });
});

describe('ServiceTable.deleteDest', () => {
  it('takes the server out of the list while its connections keep pointing at it', () => {
    const { table, svc } = setup();
    for (const n of [12, 13]) table.addDest(REF, rs(n));
    const d12 = svc.dests[1];
    if (!d12) throw new Error('no dest');
    const conns = new ConnTable();
    const c = conns.createConn(svc, d12, { proto: 'tcp', caddr: ip('20.20.20.22'), cport: 40000, vaddr: VIP, vport: 80, daddr: d12.config.addr, dport: 80, traceConn: 1 }, 0);
    const r = table.deleteDest(REF, ip('10.10.10.12'), 80);
    expect(r.ok).toBe(true);
    expect(order(svc)).toEqual(['10.10.10.13']);
    expect([c.dest, c.dest.available, c.dest.inactConns]).toEqual([d12, false, 1]);
    const again = table.deleteDest(REF, ip('10.10.10.12'), 80);
    expect(again.ok || again.error.message).toBe('No such destination');
  });

  it('brings a server re-added while a connection still uses it back with its counters', () => {
    const { table, svc } = setup();
    const added = table.addDest(REF, rs(12));
    if (!added.ok) throw new Error('not added');
    const conns = new ConnTable();
    conns.createConn(svc, added.value, { proto: 'tcp', caddr: ip('20.20.20.22'), cport: 40000, vaddr: VIP, vport: 80, daddr: added.value.config.addr, dport: 80, traceConn: 1 }, 0);
    table.deleteDest(REF, ip('10.10.10.12'), 80);
    const back = table.addDest(REF, rs(12, { weight: 2 }));
    expect(back.ok && back.value).toBe(added.value);
    expect(back.ok && [back.value.available, back.value.inactConns, back.value.stats.conns, back.value.config.weight]).toEqual([true, 1, 1, 2]);
  });
});

describe('ServiceTable.deleteService', () => {
  it('removes the service and marks its servers unavailable', () => {
    const { table, svc } = setup();
    table.addDest(REF, rs(12));
    const d = svc.dests[0];
    expect(table.deleteService(REF).ok).toBe(true);
    expect([table.services().length, d?.available]).toEqual([0, false]);
    const again = table.deleteService(REF);
    expect(again.ok || again.error.message).toBe('No such service');
  });
});

describe('ServiceTable.editService', () => {
  it('re-initialises the scheduler only when it changes', () => {
    const { table, log } = setup();
    table.editService({ ...SVC, persistenceS: 300 });
    expect(log).toEqual(['init 0']);
    table.editService({ ...SVC, scheduler: 'wlc' });
    expect(log).toEqual(['init 0', 'init 0']);
    expect(table.find(REF)?.config.scheduler).toBe('wlc');
  });
});

describe('ServiceTable.findForPacket', () => {
  it('prefers a firewall mark, then VIP:port, then FTP for data ports, then port zero', () => {
    const { table, svc } = setup();
    const fwm = table.addService({ ...SVC, vip: ip('0.0.0.0'), port: 0, fwmark: 1 });
    const ftp = table.addService({ ...SVC, port: 21 });
    const zero = table.addService({ ...SVC, port: 0, persistenceS: 60 });
    if (!fwm.ok || !ftp.ok || !zero.ok) throw new Error('not added');
    expect(table.findForPacket('tcp', VIP, 80, 1)).toBe(fwm.value);
    expect(table.findForPacket('tcp', VIP, 80)).toBe(svc);
    expect(table.findForPacket('tcp', VIP, 20)).toBe(ftp.value);
    expect(table.findForPacket('tcp', VIP, 40000)).toBe(ftp.value);
    expect(table.findForPacket('tcp', VIP, 443)).toBe(zero.value);
    expect(table.findForPacket('udp', VIP, 80)).toBeUndefined();
  });
});

describe('ServiceTable.zero and tickEstimators', () => {
  it('computes rates every tick and zeroes counters and rates on -Z', () => {
    const { table, svc } = setup();
    table.addDest(REF, rs(12));
    svc.stats.conns = 20;
    table.tickEstimators();
    expect(svc.rates.cps).toBe(2);
    expect(table.zero(REF).ok).toBe(true);
    expect([svc.stats.conns, table.summedStats(svc.stats).conns, svc.rates.cps]).toEqual([0, 0, 0]);
    const missing = table.zero({ ...REF, port: 99 });
    expect(missing.ok || missing.error.message).toBe('No such service');
  });
});
