/**
 * `ip address add|change|replace|delete` (ipaddress.c ipaddr_modify) and what the kernel does
 * with the request (devinet.c inet_rtm_newaddr / inet_rtm_deladdr): EEXIST for an address the
 * device already has, EADDRNOTAVAIL for one it lacks, a matching label required on delete.
 */
import { addAddress, deleteAddress, prefixMask, type Iface, type Ipv4 } from '../../../engine';
import { abbreviates } from './matches';
import { Args, duparg, duparg2, invarg, noDevice } from './exit';
import { getAddr, getPrefix, type InetPrefix } from './inet';
import { isLoopbackHome, LOOPBACK_HOME } from './loopback';
import { notSimulated } from './not-simulated';
import { kernelError, rtnetlinkError } from './rtnetlink';
import { deviceNamed, type IpRun } from './run';
import { scopeNumber } from './scope';
import { addrUsage } from './usage';

export type AddrOp = 'add' | 'change' | 'replace' | 'delete';

/** ipaddress.c ifa_flag_data: which flag words exist, which are read-only, which IPv6 only. */
const FLAG_WORDS: ReadonlyArray<[string, 'readonly' | 'v6only' | 'mutable']> = [
  ['secondary', 'readonly'], ['temporary', 'readonly'], ['nodad', 'v6only'], ['optimistic', 'v6only'],
  ['dadfailed', 'readonly'], ['home', 'v6only'], ['deprecated', 'readonly'], ['tentative', 'readonly'],
  ['permanent', 'readonly'], ['mngtmpaddr', 'v6only'], ['noprefixroute', 'mutable'], ['autojoin', 'mutable'],
  ['stable-privacy', 'readonly'],
];

export function addressFlagWord(word: string): 'readonly' | 'v6only' | 'mutable' | undefined {
  return FLAG_WORDS.find(([w]) => w === word)?.[1];
}

const INFINITY_LIFE_TIME = 0xffffffff;

function lifetime(word: string): number | undefined {
  if (word === 'forever') return INFINITY_LIFE_TIME;
  const n = /^\s*\+?\d+$/.test(word) ? Number(word) : NaN;
  return Number.isFinite(n) && n <= 0xffffffff ? n : undefined;
}

interface Request {
  dev?: string;
  label?: string;
  local?: InetPrefix;
  localText?: string;
  /** -1: `brd +`, -2: `brd -`, else the address given. */
  brd?: Ipv4 | -1 | -2;
  scope?: number;
  family: InetPrefix['family'];
  unsupported?: string;
  validLft?: number;
  preferredLft?: number;
}

function parse(run: IpRun, a: Args): Request {
  const req: Request = { family: run.family };
  let brdSeen = false;
  let validSeen = false;
  let preferredSeen = false;
  for (; !a.done; a.advance()) {
    const w = a.cur;
    if (w === 'peer' || w === 'remote') {
      const v = a.next();
      const p = getPrefix(run, v, req.family);
      if (req.family === 'unspec') req.family = p.family;
      req.unsupported ??= 'a peer address';
    } else if (abbreviates(w, 'broadcast') || w === 'brd') {
      const v = a.next();
      if (brdSeen) duparg(run, 'broadcast', v);
      brdSeen = true;
      if (v === '+') req.brd = -1;
      else if (v === '-') req.brd = -2;
      else {
        const b = getAddr(run, v, req.family);
        if (req.family === 'unspec') req.family = b.family;
        req.brd = b.addr;
      }
    } else if (w === 'anycast') {
      const v = a.next();
      const b = getAddr(run, v, req.family);
      if (req.family === 'unspec') req.family = b.family;
      req.unsupported ??= 'an anycast address';
    } else if (w === 'scope') {
      const v = a.next();
      const s = scopeNumber(v);
      if (s === undefined) invarg(run, 'invalid scope value.', v);
      req.scope = s;
    } else if (w === 'dev') {
      req.dev = a.next();
    } else if (w === 'label') {
      req.label = a.next();
    } else if (abbreviates(w, 'metric') || abbreviates(w, 'priority') || abbreviates(w, 'preference')) {
      const v = a.next();
      if (!/^\s*\+?(0x[0-9a-fA-F]+|\d+)$/.test(v)) invarg(run, '"metric" value is invalid\n', v);
      req.unsupported ??= 'an address metric';
    } else if (abbreviates(w, 'valid_lft')) {
      if (validSeen) duparg(run, 'valid_lft', w);
      validSeen = true;
      const v = a.next();
      const n = lifetime(v);
      if (n === undefined) invarg(run, 'valid_lft value', v);
      req.validLft = n;
    } else if (abbreviates(w, 'preferred_lft')) {
      if (preferredSeen) duparg(run, 'preferred_lft', w);
      preferredSeen = true;
      const v = a.next();
      const n = lifetime(v);
      if (n === undefined) invarg(run, 'preferred_lft value', v);
      req.preferredLft = n;
    } else if (addressFlagWord(w) !== undefined) {
      const kind = addressFlagWord(w);
      if (kind === 'readonly') run.err(`Warning: ${w} option is not mutable from userspace\n`);
      else if (kind === 'v6only' && req.family !== 'inet6') run.err(`Warning: ${w} option can be set only for IPv6 addresses\n`);
      else req.unsupported ??= `the address flag "${w}"`;
    } else {
      let word = w;
      if (word === 'local') word = a.next();
      if (abbreviates(word, 'help')) addrUsage(run);
      if (req.local) duparg2(run, 'local', word);
      const p = getPrefix(run, word, req.family);
      if (req.family === 'unspec') req.family = p.family;
      req.local = p;
      req.localText = word;
    }
  }
  return req;
}

/** The broadcast `brd +` / `brd -` computes from the address (ipaddr_modify). */
function derivedBroadcast(local: InetPrefix, kind: -1 | -2): Ipv4 | undefined {
  if (local.bitlen > 30) return undefined;
  const host = ~prefixMask(local.bitlen) >>> 0;
  return ((kind === -1 ? local.addr | host : local.addr & ~host) >>> 0) as Ipv4;
}

export function modifyAddress(run: IpRun, op: AddrOp, words: readonly string[]): number {
  const req = parse(run, new Args(words, run));
  if (req.dev === undefined) {
    run.err('Not enough information: "dev" argument is required.\n');
    return 1;
  }
  const local = req.local;
  // Without a prefix length a delete matches any length (and iproute2 says so).
  const wildcard = op === 'delete' && local !== undefined && local.family === 'inet' && !local.lenGiven;
  if (wildcard) {
    run.err(`Warning: Executing wildcard deletion to stay compatible with old scripts.\n         Explicitly specify the prefix length (${req.localText ?? ''}/${(local?.bytelen ?? 0) * 8}) to avoid this warning.\n         This special behaviour is likely to disappear in further releases,\n         fix your scripts!\n`);
  }
  let brd: Ipv4 | undefined;
  if (typeof req.brd === 'number' && req.brd < 0 && op !== 'delete') {
    if (req.family !== 'inet') {
      run.err('Broadcast can be set only for IPv4 addresses\n');
      return 1;
    }
    brd = local ? derivedBroadcast(local, req.brd as -1 | -2) : undefined;
  } else if (typeof req.brd === 'number' && req.brd >= 0) brd = req.brd as Ipv4;
  const dev = deviceNamed(run.host, req.dev);
  if (!dev) return noDevice(run, req.dev);
  if (req.validLft !== undefined || req.preferredLft !== undefined) {
    const valid = req.validLft ?? INFINITY_LIFE_TIME;
    const preferred = req.preferredLft ?? INFINITY_LIFE_TIME;
    if (valid === 0) {
      run.err('valid_lft is zero\n');
      return 1;
    }
    if (valid < preferred) {
      run.err('preferred_lft is greater than valid_lft\n');
      return 1;
    }
    if (valid !== INFINITY_LIFE_TIME || preferred !== INFINITY_LIFE_TIME) return notSimulated(run, 'an address lifetime');
  }
  if (req.family === 'inet6') return notSimulated(run, 'IPv6');
  if (req.unsupported) return notSimulated(run, req.unsupported);
  // No address, no family: rtnetlink has no handler for AF_UNSPEC addresses.
  if (req.family !== 'inet') return rtnetlinkError(run, 'EOPNOTSUPP');
  // IFA_LABEL's policy: at most IFNAMSIZ - 1 characters.
  if (req.label !== undefined && req.label.length > 15) return kernelError(run, 'Attribute failed policy validation');
  if (op === 'delete') return deleteMatching(run, dev, req);
  // The kernel takes any label (the oracle shows `label foo`); a scenario only one naming its device.
  if (req.label !== undefined && req.label !== dev.name && !req.label.startsWith(`${dev.name}:`)) return notSimulated(run, 'a label that does not begin with the device name');
  if (!local) return rtnetlinkError(run, 'EINVAL');
  const defaultScope = local.addr >>> 24 === 127 ? 254 : 0;
  if (req.scope !== undefined && req.scope !== defaultScope) return notSimulated(run, 'an address scope other than the default');
  const exists = dev.addrs.some((x) => x.addr === local.addr && x.len === local.bitlen);
  // Linux takes one address twice with different prefixes (EEXIST needs the same mask too); a scenario holds it once.
  if (!exists && dev.addrs.some((x) => x.addr === local.addr)) return notSimulated(run, 'the same address twice on one device');
  // change/replace of an existing address only renews its lifetimes, which are always forever here.
  if (exists && op !== 'add') return 0;
  const r = addAddress(run.live, run.host, dev, { addr: local.addr, len: local.bitlen, label: req.label ?? dev.name, brd });
  return r.ok ? 0 : rtnetlinkError(run, r.errno);
}

/** inet_rtm_deladdr: the first address matching what was given (address, label, prefix). */
function deleteMatching(run: IpRun, dev: Iface, req: Request): number {
  const local = req.local;
  const target = dev.addrs.find((x) => (local === undefined || local.bytelen === 0 || x.addr === local.addr)
    && (req.label === undefined || x.label === req.label)
    && (local === undefined || local.bytelen === 0 || !local.lenGiven || x.len === local.bitlen));
  if (!target) return rtnetlinkError(run, 'EADDRNOTAVAIL');
  if (isLoopbackHome(dev, target)) return notSimulated(run, LOOPBACK_HOME);
  const r = deleteAddress(run.live, run.host, dev, target.addr, target.len);
  return r.ok ? 0 : rtnetlinkError(run, r.errno);
}
