/**
 * A host's configured addresses (what inet_lookup_ifaddr finds), replaced when a live session changes them.
 * Every packet a host receives asks whether its source is one of them (the martian-source
 * check), nearly always about the same peer: the last answer is kept.
 */
export class OwnAddrs {
  private set: ReadonlySet<number>;
  private lastAddr = NaN;
  private lastHas = false;

  constructor(addrs: Iterable<number>) {
    this.set = new Set(addrs);
  }

  /** After `ip addr add/del` in a live session: the new list, and the kept answer forgotten. */
  reset(addrs: Iterable<number>): void {
    this.set = new Set(addrs);
    this.lastAddr = NaN;
  }

  has(a: number): boolean {
    if (a === this.lastAddr) return this.lastHas;
    const has = this.set.has(a);
    this.lastAddr = a;
    this.lastHas = has;
    return has;
  }
}
