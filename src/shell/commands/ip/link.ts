/**
 * `ip link` (iplink.c do_iplink): `set DEV up|down` changes the device through the engine
 * (taking a device down drops every route through it, as fib_sync_down_dev does), `show`
 * lists devices. Other link settings are recognised with their argument so that the device
 * name is still found where iproute2 finds it, then reported as not simulated.
 */
import { setLinkUp } from '../../../engine';
import { listAddresses } from './addr-list';
import { Args, duparg2, fail255, invarg } from './exit';
import { abbreviates } from './matches';
import { notSimulated } from './not-simulated';
import { deviceNamed, type IpRun } from './run';
import { linkUsage } from './usage';

/** iplink_parse's keywords that take one value, in its order (a prefix works where it uses matches()). */
const ONE_VALUE: ReadonlyArray<[string, 'exact' | 'prefix']> = [
  ['name', 'exact'], ['index', 'exact'], ['link', 'prefix'], ['address', 'prefix'], ['broadcast', 'prefix'], ['brd', 'exact'],
  ['txqueuelen', 'prefix'], ['qlen', 'exact'], ['txqlen', 'prefix'], ['mtu', 'exact'], ['netns', 'exact'],
  ['multicast', 'exact'], ['allmulticast', 'exact'], ['promisc', 'exact'], ['trailers', 'exact'], ['arp', 'exact'],
  ['carrier', 'exact'], ['master', 'prefix'], ['vrf', 'exact'], ['dynamic', 'prefix'], ['alias', 'prefix'], ['group', 'exact'],
  ['mode', 'exact'], ['state', 'exact'], ['numtxqueues', 'prefix'], ['numrxqueues', 'prefix'], ['addrgenmode', 'prefix'],
  ['link-netns', 'prefix'], ['link-netnsid', 'prefix'], ['protodown', 'exact'], ['gso_max_size', 'exact'],
  ['gso_max_segs', 'exact'], ['gro_max_size', 'exact'], ['parentdev', 'exact'],
];
const ON_OFF = new Set(['multicast', 'allmulticast', 'promisc', 'trailers', 'arp', 'dynamic']);
const NO_VALUE_PREFIX = ['nomaster'];
const OTHER = new Set(['xdp', 'xdpgeneric', 'xdpdrv', 'xdpoffload', 'vf', 'protodown_reason', 'type']);

function oneValueKeyword(w: string): string | undefined {
  for (const [k, how] of ONE_VALUE) if (how === 'exact' ? w === k : abbreviates(w, k)) return k;
  return undefined;
}

/** `ip link set`: iplink_parse, then the one change lvs-flow models (up/down). */
function setLink(run: IpRun, words: readonly string[]): number {
  const a = new Args(words, run);
  let dev: string | undefined;
  let up: boolean | undefined;
  let other: string | undefined;
  for (; !a.done; a.advance()) {
    const w = a.cur;
    if (w === 'up' || w === 'down') {
      up = w === 'up';
      continue;
    }
    const k = oneValueKeyword(w);
    if (k !== undefined) {
      const v = a.next();
      if (ON_OFF.has(k) && v !== 'on' && v !== 'off') {
        run.err(`Error: argument of "${k}" must be "on" or "off", not "${v}"\n`);
        return 1;
      }
      if (k === 'mtu' && !/^\d+$/.test(v)) invarg(run, 'Invalid "mtu" value\n', v);
      other ??= k;
      continue;
    }
    if (NO_VALUE_PREFIX.some((p) => abbreviates(w, p)) || OTHER.has(w)) {
      other ??= w;
      break;
    }
    let name = w;
    if (abbreviates(name, 'help')) linkUsage(run);
    if (name === 'dev') name = a.next();
    if (dev !== undefined) duparg2(run, 'dev', name);
    dev = name;
  }
  if (dev === undefined) fail255(run, 'Not enough information: "dev" argument is required.\n');
  const d = deviceNamed(run.host, dev);
  if (!d) {
    run.err(`Cannot find device "${dev}"\n`);
    return 1;
  }
  if (other !== undefined) return notSimulated(run, `"ip link set … ${other}"`);
  if (up !== undefined && d.up !== up) setLinkUp(run.live, run.host, d, up);
  return 0;
}

export function doLink(run: IpRun, words: readonly string[]): number {
  if (words.length === 0) return listLinks(run, []);
  const [sub, ...rest] = words as [string, ...string[]];
  if (abbreviates(sub, 'add')) return notSimulated(run, 'creating devices');
  if (abbreviates(sub, 'set') || abbreviates(sub, 'change')) return setLink(run, rest);
  if (abbreviates(sub, 'replace')) return notSimulated(run, 'creating devices');
  if (abbreviates(sub, 'delete')) return notSimulated(run, 'deleting devices');
  if (abbreviates(sub, 'show') || abbreviates(sub, 'lst') || abbreviates(sub, 'list')) return listLinks(run, rest);
  if (abbreviates(sub, 'xstats') || abbreviates(sub, 'afstats') || abbreviates(sub, 'property')) return notSimulated(run, `"ip link ${sub}"`);
  if (abbreviates(sub, 'help')) linkUsage(run);
  return fail255(run, `Command "${sub}" is unknown, try "ip link help".\n`);
}

/** ipaddr_list_link: the device list with the link family (no addresses). */
function listLinks(run: IpRun, words: readonly string[]): number {
  const family = run.family;
  run.family = 'packet';
  try {
    return listAddresses(run, words, true);
  } finally {
    run.family = family;
  }
}
