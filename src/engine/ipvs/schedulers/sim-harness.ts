/**
 * Test harness: a service built the way ipvsadm builds one, and connections played
 * against it with the kernel's counter updates. Used only by the *.test.ts beside it.
 *
 * - `ipvsadm -A` makes the service with no dests and calls init_service;
 * - each `ipvsadm -a` puts the new dest at the head of the list, then calls add_dest;
 * - a new connection is bound to its dest as inactive (IP_VS_CONN_F_INACTIVE from
 *   dest->conn_flags, inactconns+1) after schedule() returns; the SYN that created it then
 *   goes through set_tcp_state() in the same softirq (NONE → SYN_RECV), and since Linux 4.7
 *   tcp_state_active() counts SYN_SENT, SYN_RECV, SYNACK and ESTABLISHED as active, so the
 *   entry moves to activeconns at once, half-open or not. Closing (CLOSE_WAIT, FIN_WAIT,
 *   TIME_WAIT) moves it back to inactconns. (net/netfilter/ipvs/ip_vs_proto_tcp.c:
 *   tcp_state_active_table, set_tcp_state.)
 */
import { ip, type Ipv4 } from '../../addr/ipv4';
import { emptyStats, type DestState, type ServiceConfig, type ServiceState } from '../types';
import type { SchedInput, Scheduler } from './scheduler';

export interface DestSpec {
  readonly name: string;
  readonly addr: string;
  readonly weight: number;
  readonly port?: number;
}

export const RS1_3: readonly DestSpec[] = [
  { name: 'RS1', addr: '10.10.10.12', weight: 1 },
  { name: 'RS2', addr: '10.10.10.13', weight: 1 },
  { name: 'RS3', addr: '10.10.10.14', weight: 1 },
];

export const RS1_3_W321: readonly DestSpec[] = RS1_3.map((s, i) => ({ ...s, weight: 3 - i }));

export function makeDest(spec: DestSpec): DestState {
  return {
    config: { addr: ip(spec.addr), port: spec.port ?? 80, method: 'masq', weight: spec.weight, uThreshold: 0, lThreshold: 0 },
    activeConns: 0,
    inactConns: 0,
    persistConns: 0,
    overloaded: false,
    available: true,
    stats: emptyStats(),
    rates: { cps: 0, inpps: 0, outpps: 0, inbps: 0, outbps: 0 },
  };
}

export interface Lab {
  readonly sched: Scheduler;
  readonly svc: ServiceState;
  /** dest name → dest */
  readonly rs: Record<string, DestState>;
  nameOf(d: DestState | null): string | null;
  /** ipvsadm -a: at the head of the list, then add_dest. */
  add(spec: DestSpec): DestState;
  /** ipvsadm -e -w: then upd_dest. */
  setWeight(name: string, weight: number): void;
  /** ipvsadm -d: unlinked, then del_dest. */
  remove(name: string): void;
}

export function makeLab(sched: Scheduler, specs: readonly DestSpec[], config: Partial<ServiceConfig> = {}): Lab {
  const svc: ServiceState = {
    config: { proto: 'tcp', vip: ip('20.20.20.11'), port: 80, fwmark: 0, scheduler: sched.name, schedFlags: [], ...config },
    dests: [],
    stats: emptyStats(),
    rates: { cps: 0, inpps: 0, outpps: 0, inbps: 0, outbps: 0 },
    schedData: null,
  };
  svc.schedData = sched.initService(svc);
  const rs: Record<string, DestState> = {};
  const names = new Map<DestState, string>();
  const get = (name: string): DestState => {
    const d = rs[name];
    if (!d) throw new Error(`no dest ${name}`);
    return d;
  };
  const lab: Lab = {
    sched,
    svc,
    rs,
    nameOf: (d) => (d === null ? null : (names.get(d) ?? '?')),
    add(spec) {
      const d = makeDest(spec);
      rs[spec.name] = d;
      names.set(d, spec.name);
      svc.dests.unshift(d);
      sched.onDestsChanged(svc);
      return d;
    },
    setWeight(name, weight) {
      const d = get(name);
      d.config = { ...d.config, weight };
      sched.onDestsChanged(svc);
    },
    remove(name) {
      const d = get(name);
      svc.dests.splice(svc.dests.indexOf(d), 1);
      d.available = false;
      sched.onDestsChanged(svc);
    },
  };
  for (const s of specs) lab.add(s);
  return lab;
}

/** What happens to each connection after it is scheduled. */
export type Lifecycle =
  | 'open' // reaches ESTABLISHED and stays: activeconns
  | 'close' // ESTABLISHED, then closes at once into TIME_WAIT: inactconns
  | 'syn'; // never gets past SYN_RECV: still activeconns (SYN_RECV is active since 4.7)

export interface ConnectOpts {
  readonly caddr?: Ipv4;
  readonly cport?: number;
  readonly vaddr?: Ipv4;
  readonly now?: number;
  readonly random?: () => number;
}

export const COURSE_CLIENT = ip('20.20.20.22');

export function input(lab: Lab, o: ConnectOpts = {}): SchedInput {
  return {
    caddr: o.caddr ?? COURSE_CLIENT,
    cport: o.cport ?? 40000,
    vaddr: o.vaddr ?? lab.svc.config.vip,
    vport: lab.svc.config.port,
    now: o.now ?? 0,
    random: o.random ?? (() => 0),
  };
}

/** One new connection: schedule, bind as inactive, then follow `life`. Returns the dest's name. */
export function connect(lab: Lab, life: Lifecycle, o: ConnectOpts = {}): string | null {
  const d = lab.sched.schedule(lab.svc, input(lab, o));
  if (d === null) return null;
  d.inactConns++; // ip_vs_bind_dest(): IP_VS_CONN_F_INACTIVE
  // Its SYN: NONE → SYN_RECV, an active state, whatever happens next.
  d.inactConns--;
  d.activeConns++;
  if (life === 'close') {
    d.activeConns--;
    d.inactConns++;
  }
  return lab.nameOf(d);
}

/** `n` connections in a row with the same lifecycle; `o(i)` varies the input per connection. */
export function run(lab: Lab, n: number, life: Lifecycle, o: (i: number) => ConnectOpts = () => ({})): (string | null)[] {
  return Array.from({ length: n }, (_, i) => connect(lab, life, o(i)));
}

/** Repeats a literal pattern to length n. */
export function cycle<T>(pattern: readonly T[], n: number): T[] {
  return Array.from({ length: n }, (_, i) => pattern[i % pattern.length] as T);
}
