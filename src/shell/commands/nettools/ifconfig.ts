/**
 * net-tools 2.10 ifconfig (ifconfig.c): with no argument it lists the interfaces that are up
 * (-a: all), with one it shows that one, else it works through the words in order, one ioctl
 * each, as the real tool does: an address (SIOCSIFADDR, then up), netmask, broadcast, up,
 * down. Each failure prints its ioctl's name and the errno text and the rest goes on; an
 * address that does not resolve stops the tool at once.
 */
import {
  ioctlDownAlias, ioctlSetAddress, ioctlSetBroadcast, ioctlSetNetmask, setLinkUp,
  type ConfigResult, type Host, type Ipv4,
} from '../../../engine';
import type { CommandContext } from '../../command';
import { errnoText } from './errno';
import { inetResolve, slashNetmask } from './inet';
import { deviceMtu, deviceOf, formatInterface, interfaceNames } from './ifconfig-show';
import { IFCONFIG_SHORT_HEAD, interfaceRows } from './iface-table';
import { IFCONFIG_USAGE } from './usage';

const HELP_HINT = "ifconfig: `--help' gives usage information.\n";

/** Words the real ifconfig accepts that change what the simulation does not model. */
const UNMODELLED = new Set([
  'arp', '-arp', 'promisc', '-promisc', 'allmulti', '-allmulti', 'multicast', '-multicast', 'trailers', '-trailers',
  'dynamic', '-dynamic', 'dstaddr', 'pointopoint', 'pointtopoint', '-pointopoint', '-pointtopoint', 'hw', 'add', 'del',
  'tunnel', 'txqueuelen', 'name', 'mem_start', 'io_addr', 'irq', 'media', 'port', 'keepalive', 'outfill', '-broadcast',
]);

function show(ctx: CommandContext, host: Host, all: boolean): number {
  for (const name of interfaceNames(host)) {
    const dev = deviceOf(host, name);
    if (dev && (dev.up || all)) ctx.out(formatInterface(name, dev));
  }
  return 0;
}

function showOne(ctx: CommandContext, host: Host, name: string): number {
  const dev = deviceOf(host, name);
  if (!dev) {
    ctx.err(`${name}: error fetching interface information: Device not found\n`);
    return 1;
  }
  ctx.out(formatInterface(name, dev));
  return 0;
}

class Ifconfig {
  private failed = false;

  constructor(private readonly ctx: CommandContext, private readonly host: Host, private readonly name: string) {}

  get status(): number {
    return this.failed ? 1 : 0;
  }

  private report(ioctl: string, r: ConfigResult): void {
    if (r.ok) return;
    this.ctx.err(`${ioctl}: ${errnoText(r.errno)}\n`);
    this.failed = true;
  }

  private get isAlias(): boolean {
    return this.name.includes(':');
  }

  /** set_flag / clr_flag for IFF_UP: the device's link state, or an alias's address (down deletes it). */
  setUp(up: boolean): void {
    const dev = deviceOf(this.host, this.name);
    if (!dev) {
      this.ctx.err(`${this.name}: ERROR while getting interface flags: No such device\n`);
      this.failed = true;
      return;
    }
    if (this.isAlias) {
      if (!dev.addrs.some((a) => a.label === this.name)) this.report('SIOCSIFFLAGS', { ok: false, errno: 'EADDRNOTAVAIL' });
      else if (!up) this.report('SIOCSIFFLAGS', ioctlDownAlias(this.ctx.live, this.host, dev, this.name));
      return;
    }
    if (dev.up !== up) setLinkUp(this.ctx.live, this.host, dev, up);
  }

  setAddress(addr: Ipv4): void {
    const dev = deviceOf(this.host, this.name);
    this.report('SIOCSIFADDR', dev ? ioctlSetAddress(this.ctx.live, this.host, dev, this.name, addr) : { ok: false, errno: 'ENODEV' });
    // 0.0.0.0 on an alias deletes it: ifconfig then leaves the flags alone.
    if (!(this.isAlias && addr === 0)) this.setUp(true);
  }

  setNetmask(mask: number): void {
    const dev = deviceOf(this.host, this.name);
    this.report('SIOCSIFNETMASK', dev ? ioctlSetNetmask(this.ctx.live, this.host, dev, this.name, mask) : { ok: false, errno: 'ENODEV' });
  }

  setBroadcast(brd: Ipv4): void {
    const dev = deviceOf(this.host, this.name);
    this.report('SIOCSIFBRDADDR', dev ? ioctlSetBroadcast(this.ctx.live, this.host, dev, this.name, brd) : { ok: false, errno: 'ENODEV' });
  }

  /** set_flag(IFF_BROADCAST): a device keeps its flags (IFF_BROADCAST cannot change); an alias needs its address. */
  touchFlags(): void {
    const dev = deviceOf(this.host, this.name);
    if (!dev) {
      this.ctx.err(`${this.name}: ERROR while getting interface flags: No such device\n`);
      this.failed = true;
    } else if (this.isAlias && !dev.addrs.some((a) => a.label === this.name)) {
      this.report('SIOCSIFFLAGS', { ok: false, errno: 'EADDRNOTAVAIL' });
    }
  }

  fail(): void {
    this.failed = true;
  }
}

/** INET_getnetmask: "10.0.0.1/24" gives a netmask; a bad prefix is a usage error (undefined). */
function slashMask(word: string): { text: string; mask?: number } | undefined {
  const slash = word.indexOf('/');
  if (slash < 0) return { text: word };
  const mask = slashNetmask(word.slice(slash + 1));
  return mask === undefined ? undefined : { text: word.slice(0, slash), mask };
}

function usageError(ctx: CommandContext): number {
  ctx.err(IFCONFIG_USAGE);
  return 3;
}

export function ifconfig(ctx: CommandContext): number {
  const host = ctx.live.host(ctx.hostId);
  if (!host) return 1;
  const args = ctx.argv.slice(1);
  let all = false;
  let short = false;
  while (args.length > 0 && (args[0] as string).startsWith('-')) {
    const o = args.shift() as string;
    if (o === '-a') all = true;
    else if (o === '-v') continue;
    else if (o === '-V' || o === '-version' || o === '--version') {
      ctx.out('net-tools 2.10\n');
      return 0;
    } else if (['-?', '-h', '-help', '--help'].includes(o)) {
      ctx.out(IFCONFIG_USAGE);
      return 0;
    } else if (o === '-s') {
      short = true;
    } else {
      ctx.err(`ifconfig: option \`${o}' not recognised.\n${HELP_HINT}`);
      return 1;
    }
  }
  if (args.length === 0 && short) {
    ctx.out(IFCONFIG_SHORT_HEAD + interfaceRows(host, all));
    return 0;
  }
  if (args.length === 0) return show(ctx, host, all);
  const name = (args.shift() as string).slice(0, 15);
  if (args.length === 0) return showOne(ctx, host, name);
  if (args[0] === 'inet') args.shift();
  const ifc = new Ifconfig(ctx, host, name);
  let didNetmask = false;
  let pendingMask: number | undefined;
  while (args.length > 0) {
    const word = args.shift() as string;
    if (word === 'up' || word === 'down') {
      ifc.setUp(word === 'up');
    } else if (word === 'mtu') {
      const v = args.shift();
      if (v === undefined) return usageError(ctx);
      const dev = deviceOf(host, name);
      if (!dev || Number.parseInt(v, 10) !== deviceMtu(dev)) {
        ctx.err(`ifconfig: lvs-flow does not simulate MTU changes (mtu ${v})\n`);
        ifc.fail();
      }
    } else if (word === 'netmask') {
      const v = args.shift();
      if (v === undefined || didNetmask) return usageError(ctx);
      const r = inetResolve(v);
      if (!r.ok) {
        ctx.err(r.error);
        ifc.fail();
        continue;
      }
      didNetmask = true;
      ifc.setNetmask(r.addr);
    } else if (word === 'broadcast') {
      const v = args.shift();
      if (v !== undefined) {
        const r = inetResolve(v);
        if (!r.ok) {
          ctx.err(r.error);
          ifc.fail();
          continue;
        }
        ifc.setBroadcast(r.addr);
      }
      ifc.touchFlags();
    } else if (UNMODELLED.has(word)) {
      ctx.err(`ifconfig: lvs-flow does not simulate "${word}"; use addresses, netmask, broadcast, up and down\n`);
      return 1;
    } else {
      const m = slashMask(word);
      if (!m) return usageError(ctx);
      if (m.mask !== undefined) {
        if (didNetmask) return usageError(ctx);
        pendingMask = m.mask;
      }
      const r = inetResolve(m.text);
      if (!r.ok) {
        ctx.err(r.error + HELP_HINT);
        return 1;
      }
      ifc.setAddress(r.addr);
    }
  }
  if (pendingMask !== undefined) ifc.setNetmask(pendingMask);
  return ifc.status;
}
