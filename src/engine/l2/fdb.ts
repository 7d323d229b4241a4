/**
 * A bridge's forwarding database (br_fdb): MAC → port, learned from source addresses and never
 * aged out within a run. A segment holds a handful of MACs, so a scan of an unboxed array beats
 * hashing a 48-bit MAC (a heap number) on every hop; it behaves exactly as a Map would.
 */
import type { Mac } from '../addr/mac';
import type { Iface } from '../host/iface';

export class Fdb {
  private readonly macs: number[] = [];
  private readonly ports: Iface[] = [];
  /** Bumped by every change, so a sender may keep what a lookup answered until it moves. */
  version = 0;

  get size(): number {
    return this.macs.length;
  }

  get(mac: Mac): Iface | undefined {
    const macs = this.macs;
    for (let i = 0; i < macs.length; i++) if (macs[i] === mac) return this.ports[i];
    return undefined;
  }

  /** Learns (or moves) `mac` to `port`. */
  set(mac: Mac, port: Iface): void {
    const macs = this.macs;
    for (let i = 0; i < macs.length; i++) {
      if (macs[i] === mac) {
        if (this.ports[i] !== port) this.version++;
        this.ports[i] = port;
        return;
      }
    }
    macs.push(mac);
    this.ports.push(port);
    this.version++;
  }

  /** Forgets every MAC learnt on `port` (br_fdb_delete_by_port, when a bridge port goes down). */
  forget(port: Iface): void {
    for (let i = this.macs.length - 1; i >= 0; i--) {
      if (this.ports[i] !== port) continue;
      this.macs.splice(i, 1);
      this.ports.splice(i, 1);
      this.version++;
    }
  }
}
