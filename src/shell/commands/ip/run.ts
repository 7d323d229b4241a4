/**
 * One `ip` invocation: the host it runs on, the global options (-4, -br, -s, …) and the two
 * output streams. Every subcommand takes this instead of iproute2's globals.
 */
import type { Host, Iface, LiveWorld } from '../../../engine';
import type { CommandContext } from '../../command';
import type { ErrSink } from './exit';
import type { Family } from './inet';

export interface IpRun extends ErrSink {
  readonly live: LiveWorld;
  readonly host: Host;
  /** preferred_family: -4, -6, -0, -f FAMILY. */
  family: Family;
  brief: boolean;
  oneline: boolean;
  stats: number;
  details: number;
  out(text: string): void;
}

export function ipRun(ctx: CommandContext, host: Host): IpRun {
  return {
    live: ctx.live, host, family: 'unspec', brief: false, oneline: false, stats: 0, details: 0,
    out: (t) => ctx.out(t), err: (t) => ctx.err(t),
  };
}

/** The kernel's ifindex: lo is 1, then the devices in the order the host has them. */
export function ifindexOf(dev: Iface): number {
  return dev.index + 1;
}

/**
 * ll_name_to_index: a device by name; then if_nametoindex(), whose SIOCGIFINDEX the kernel
 * answers for the name up to a colon (dev_ioctl), so an alias `lo:0` names lo (`ip addr show
 * lo:0` listed all of lo: net-forms); then `ifN` (its index), as iproute2 also accepts.
 */
export function deviceNamed(host: Host, name: string): Iface | undefined {
  const byName = host.ifByName.get(name) ?? (name.includes(':') ? host.ifByName.get(name.slice(0, name.indexOf(':'))) : undefined);
  if (byName) return byName;
  const m = /^if(\d+)/.exec(name);
  if (!m) return undefined;
  const idx = Number(m[1]);
  return host.ifaces.find((d) => ifindexOf(d) === idx);
}
