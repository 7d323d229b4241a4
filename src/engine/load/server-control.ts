/**
 * What can be done to a real server during a load run, as an operator (or keepalived) does it:
 * `ipvsadm -e -w`, `-a`, `-d` on the director, and pulling the server's cables out and back.
 * Each one that can cut connections off marks the clients' open connections to that server,
 * so how they end is counted (kept, reset, lost).
 */
import { formatIpv4 } from '../addr/ipv4';
import { replug, unplug, isUnplugged } from '../l2/cable';
import type { DestState, ServiceState } from '../ipvs/types';
import type { LoadClients } from './load-clients';
import type { LoadServer, LoadWorld } from './load-world';

export class ServerControl {
  /** Each server's DestState as last seen (a removed one is kept: its counters still count). */
  readonly dests = new Map<string, DestState>();
  /** The weight each server has when nothing holds it at 0. */
  private readonly weights = new Map<string, number>();

  constructor(private readonly lw: LoadWorld, private readonly clients: LoadClients) {
    for (const s of lw.servers.values()) this.weights.set(s.id, s.weight);
    for (const d of this.svc().dests) {
      const s = this.byAddr(d.config.addr);
      if (s) this.dests.set(s.id, d);
    }
  }

  svc(): ServiceState {
    return this.lw.ipvs.services.find(this.lw.service) as ServiceState;
  }

  byAddr(addr: number): LoadServer | undefined {
    for (const s of this.lw.servers.values()) if (s.addr === addr) return s;
    return undefined;
  }

  nameOf(addr: number): string {
    return this.byAddr(addr)?.id ?? formatIpv4(addr as never);
  }

  inService(id: string): boolean {
    const s = this.lw.servers.get(id);
    return s !== undefined && this.svc().dests.some((d) => d.config.addr === s.addr);
  }

  isUp(id: string): boolean {
    const s = this.lw.servers.get(id);
    return s !== undefined && !s.host.ifaces.some((i) => isUnplugged(i));
  }

  /** `ipvsadm -e … -w weight`; `remember`: keep `later` as the weight it goes back to after a hold at 0. */
  setWeight(s: LoadServer, weight: number, remember: boolean, later = weight): string | undefined {
    if (remember) this.weights.set(s.id, later);
    const d = this.svc().dests.find((x) => x.config.addr === s.addr);
    if (!d) return undefined;
    const r = this.lw.ipvs.services.editDest(this.lw.service, { ...d.config, weight });
    if (!r.ok) return `weight: ${r.error.message}`;
    if (weight === 0) this.disrupt(s);
    return undefined;
  }

  weightOf(id: string): number {
    return this.weights.get(id) ?? 1;
  }

  add(s: LoadServer, weight = this.weightOf(s.id)): string | undefined {
    this.weights.set(s.id, weight);
    const r = this.lw.ipvs.services.addDest(this.lw.service, { addr: s.addr, port: s.port, method: s.method, weight, uThreshold: 0, lThreshold: 0 });
    if (!r.ok) return `add-server: ${s.id}: ${r.error.message}`;
    this.dests.set(s.id, r.value);
    return undefined;
  }

  remove(s: LoadServer): string | undefined {
    const r = this.lw.ipvs.services.deleteDest(this.lw.service, s.addr, s.port);
    if (!r.ok) return `remove-server: ${s.id}: ${r.error.message}`;
    this.disrupt(s);
    return undefined;
  }

  fail(s: LoadServer): void {
    for (const i of s.host.ifaces) unplug(i);
    this.disrupt(s);
  }

  restore(s: LoadServer): void {
    for (const i of s.host.ifaces) replug(i);
  }

  /** Marks the clients' open connections that the director sends to `s`. */
  private disrupt(s: LoadServer): void {
    const { ipvs, service } = this.lw;
    this.clients.markDisrupted((caddr, cport) => ipvs.conns.lookupIn('tcp', caddr, cport, service.vip, service.port)?.daddr === s.addr);
  }
}
