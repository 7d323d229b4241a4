/**
 * The IPv4 address ioctls net-tools' ifconfig uses, as devinet_ioctl (net/ipv4/devinet.c,
 * kernel 6.1) applies them to a device's address list. An address is found by its label
 * (eth0, eth0:0, lo:0). Each change takes the address out (inet_del_ifa: a primary takes the
 * secondaries of its subnet with it, promote_secondaries being off) and inserts it again
 * (__inet_insert_ifa: secondary when an address of the same subnet and mask exists, a
 * primary right after the last primary, a secondary at the end), which is what decides the
 * order and the `secondary` flags `ip addr show` prints afterwards.
 */
import { broadcastOf, inPrefix, prefixMask } from '../addr/cidr';
import type { Ipv4 } from '../addr/ipv4';
import { SCOPE_GLOBAL, SCOPE_HOST, type IfAddr, type Iface } from '../host/iface';
import type { Host } from '../sim/world';
import { addressesChanged, dropRoutesOfBareDevice, type ConfigResult, type Errno } from './host-config';
import type { LiveWorld } from './live-world';

const OK: ConfigResult = { ok: true };
const fail = (errno: Errno): ConfigResult => ({ ok: false, errno });

/** IFF_BROADCAST: Ethernet devices have it; lo (IFF_LOOPBACK) and tunl0 (IFF_NOARP) do not. */
export function hasBroadcastFlag(dev: Iface): boolean {
  return dev.kind === 'ether';
}

/**
 * inet_abc_len: the classful prefix SIOCSIFADDR gives an address (0 for 0.0.0.0 and
 * 255.255.255.255, 8/16/24 for classes A/B/C, 32 for class E); undefined for multicast.
 */
export function classfulPrefix(addr: Ipv4): number | undefined {
  if (addr === 0 || addr === 0xffffffff) return 0;
  const top = addr >>> 24;
  if (top < 128) return 8;
  if (top < 192) return 16;
  if (top < 224) return 24;
  if (top < 240) return undefined;
  return 32;
}

/** bad_mask: a netmask must be ones then zeros. */
export function maskPrefix(mask: number): number | undefined {
  for (let len = 0; len <= 32; len++) if (prefixMask(len) === mask >>> 0) return len;
  return undefined;
}

function sameSubnet(a: IfAddr, b: { addr: Ipv4; len: number }): boolean {
  return a.len === b.len && inPrefix(a.addr, b.addr, b.len);
}

/**
 * __inet_del_ifa without promotion: the address, and the secondaries of its subnet if it was
 * a primary; the device's routes go with its last address.
 */
function deleteIfa(host: Host, dev: Iface, gone: IfAddr): void {
  dev.addrs = dev.addrs.filter((a) => a !== gone && !(!gone.secondary && a.secondary && sameSubnet(a, gone)));
  dropRoutesOfBareDevice(host, dev);
}

/** __inet_insert_ifa: EEXIST for the same address in the same subnet; 0.0.0.0 is dropped (that deletes it). */
function insertIfa(dev: Iface, a: Omit<IfAddr, 'secondary'>): ConfigResult {
  if (a.addr === 0) return OK;
  let lastPrimary = -1;
  let secondary = false;
  for (let i = 0; i < dev.addrs.length; i++) {
    const x = dev.addrs[i] as IfAddr;
    if (!x.secondary && a.scope <= x.scope) lastPrimary = i;
    if (sameSubnet(x, a)) {
      if (x.addr === a.addr) return fail('EEXIST');
      if (x.scope !== a.scope) return fail('EINVAL');
      secondary = true;
    }
  }
  const ifa: IfAddr = { ...a, secondary };
  if (secondary) dev.addrs.push(ifa);
  else dev.addrs.splice(lastPrimary + 1, 0, ifa);
  return OK;
}

function byLabel(dev: Iface, label: string): IfAddr | undefined {
  return dev.addrs.find((a) => a.label === label);
}

function done(live: LiveWorld, host: Host, dev: Iface, r: ConfigResult): ConfigResult {
  addressesChanged(live, host, dev);
  return r;
}

/**
 * SIOCSIFADDR: the label's address becomes `addr` with the classful prefix and, on a
 * broadcast device, that prefix's broadcast; a new label gets a new address.
 */
export function ioctlSetAddress(live: LiveWorld, host: Host, dev: Iface, label: string, addr: Ipv4): ConfigResult {
  const len = classfulPrefix(addr);
  if (len === undefined) return fail('EINVAL');
  const old = byLabel(dev, label);
  if (old?.addr === addr) return OK;
  if (old) deleteIfa(host, dev, old);
  const brd = hasBroadcastFlag(dev) && len < 31 ? broadcastOf(addr, len) : undefined;
  const scope = addr >>> 24 === 127 ? SCOPE_HOST : SCOPE_GLOBAL;
  return done(live, host, dev, insertIfa(dev, { addr, len, label, scope, brd }));
}

/**
 * SIOCSIFNETMASK: a new prefix; the broadcast follows only if it was the old prefix's
 * (on a broadcast device, prefix < 31), else it stays as the user set it.
 */
export function ioctlSetNetmask(live: LiveWorld, host: Host, dev: Iface, label: string, mask: number): ConfigResult {
  const old = byLabel(dev, label);
  if (!old) return fail('EADDRNOTAVAIL');
  const len = maskPrefix(mask);
  if (len === undefined) return fail('EINVAL');
  if (len === old.len) return OK;
  deleteIfa(host, dev, old);
  const follows = hasBroadcastFlag(dev) && len < 31 && (old.brd ?? 0) === broadcastOf(old.addr, old.len);
  const brd = follows ? broadcastOf(old.addr, len) : old.brd;
  // The kernel ignores a failed re-insertion here: the address is then simply gone.
  insertIfa(dev, { addr: old.addr, len, label, scope: old.scope, brd });
  return done(live, host, dev, OK);
}

/** SIOCSIFBRDADDR: the label's broadcast address (0.0.0.0: none). */
export function ioctlSetBroadcast(live: LiveWorld, host: Host, dev: Iface, label: string, brd: Ipv4): ConfigResult {
  const old = byLabel(dev, label);
  if (!old) return fail('EADDRNOTAVAIL');
  if ((old.brd ?? 0) === brd) return OK;
  deleteIfa(host, dev, old);
  insertIfa(dev, { addr: old.addr, len: old.len, label, scope: old.scope, brd: brd === 0 ? undefined : brd });
  return done(live, host, dev, OK);
}

/** SIOCSIFFLAGS on an alias (eth0:0) without IFF_UP: the alias's address is deleted. */
export function ioctlDownAlias(live: LiveWorld, host: Host, dev: Iface, label: string): ConfigResult {
  const old = byLabel(dev, label);
  if (!old) return fail('EADDRNOTAVAIL');
  deleteIfa(host, dev, old);
  return done(live, host, dev, OK);
}
