/**
 * Small builders for the formatter tests: a table as a sentence (`tcp 10.10.10.100:80 rr`)
 * rather than a page of records. Used only by *.test.ts beside this file.
 */
import { ip } from '../../addr/ipv4';
import type {
  DestConfig, DestState, ForwardMethod, IpvsConn, IpvsRates, IpvsStats, SchedulerName,
  ServiceConfig, ServiceProto, ServiceState,
} from '../types';
import { emptyStats } from '../types';

const zeroRates = (): IpvsRates => ({ cps: 0, inpps: 0, outpps: 0, inbps: 0, outbps: 0 });

const addrPort = (s: string): { addr: ReturnType<typeof ip>; port: number } => {
  const [a = '', p = '0'] = s.split(':');
  return { addr: ip(a), port: Number(p) };
};

export function dest(
  where: string,
  method: ForwardMethod,
  weight = 1,
  more: Partial<Omit<DestState, 'config'>> & Partial<Pick<DestConfig, 'uThreshold' | 'lThreshold'>> = {},
): DestState {
  const { uThreshold = 0, lThreshold = 0, ...state } = more;
  return {
    config: { ...addrPort(where), method, weight, uThreshold, lThreshold },
    activeConns: 0, inactConns: 0, persistConns: 0, overloaded: false, available: true,
    stats: emptyStats(), rates: zeroRates(), ...state,
  };
}

/** `tcp 10.10.10.100:80 rr` or `fwm 7 wlc`. Destinations in kernel (newest-first) order. */
export function service(
  spec: string,
  dests: DestState[] = [],
  more: Partial<Omit<ServiceConfig, 'proto' | 'vip' | 'port' | 'fwmark' | 'scheduler'>> = {},
  counters: { stats?: IpvsStats; rates?: IpvsRates } = {},
): ServiceState {
  const [proto = '', where = '', sched = 'rr'] = spec.split(' ');
  const key =
    proto === 'fwm'
      ? { proto: 'tcp' as ServiceProto, vip: ip('0.0.0.0'), port: 0, fwmark: Number(where) }
      : { proto: proto as ServiceProto, ...(({ addr, port }) => ({ vip: addr, port }))(addrPort(where)), fwmark: 0 };
  return {
    config: { ...key, scheduler: sched as SchedulerName, schedFlags: [], ...more },
    dests,
    stats: counters.stats ?? emptyStats(),
    rates: counters.rates ?? zeroRates(),
    schedData: null,
  };
}

/** A connection entry: `client` and `real` are addr:port; the VIP comes from the service. */
export function conn(
  svc: ServiceState,
  client: string,
  real: string,
  state: IpvsConn['state'],
  expiresAt: number,
  more: Partial<Pick<IpvsConn, 'template' | 'vaddr' | 'vport' | 'proto'>> = {},
): IpvsConn {
  const c = addrPort(client);
  const d = addrPort(real);
  const destState = svc.dests.find((x) => x.config.addr === d.addr) ?? dest(real, 'gate');
  return {
    id: 0, proto: svc.config.proto, caddr: c.addr, cport: c.port,
    vaddr: svc.config.vip, vport: svc.config.port, daddr: d.addr, dport: d.port,
    method: destState.config.method, template: false, state, expiresAt,
    inactive: state !== 'ESTABLISHED', dest: destState, svc, traceConn: 0, ...more,
  };
}
