/** Route protocols, tables and types by name or number (lib/rt_names.c, ip/rtm_map.c, etc/iproute2). */
import { getUnsigned, strtoul } from './inet';
import { abbreviates } from './matches';

const PROTOCOLS: ReadonlyArray<[number, string]> = [
  [0, 'unspec'], [1, 'redirect'], [2, 'kernel'], [3, 'boot'], [4, 'static'], [8, 'gated'], [9, 'ra'], [10, 'mrt'],
  [11, 'zebra'], [12, 'bird'], [13, 'dnrouted'], [14, 'xorp'], [15, 'ntk'], [16, 'dhcp'], [18, 'keepalived'],
  [42, 'babel'], [99, 'openr'], [186, 'bgp'], [187, 'isis'], [188, 'ospf'], [189, 'rip'], [192, 'eigrp'],
];

/** rtnl_rtprot_a2n. */
export function protocolNumber(word: string): number | undefined {
  const named = PROTOCOLS.find(([, n]) => n === word);
  if (named) return named[0];
  const n = getUnsigned(word);
  return n !== undefined && n <= 255 ? n : undefined;
}

const TABLES: ReadonlyArray<[number, string]> = [[255, 'local'], [254, 'main'], [253, 'default'], [0, 'unspec']];

/** rtnl_rttable_a2n: a table id, or undefined for a word that is none. */
export function tableNumber(word: string): number | undefined {
  const named = TABLES.find(([, n]) => n === word);
  if (named) return named[0];
  return getUnsigned(word);
}

export type RtnType = 'unicast' | 'local' | 'broadcast' | 'anycast' | 'multicast' | 'blackhole' | 'unreachable' | 'prohibit' | 'throw' | 'nat' | 'xresolve' | 'number';

/** RTN_* numbering (include/uapi/linux/rtnetlink.h). */
const RTN_BY_NUMBER: ReadonlyArray<RtnType> = ['number', 'unicast', 'local', 'broadcast', 'anycast', 'multicast', 'blackhole', 'unreachable', 'prohibit', 'throw', 'nat', 'xresolve'];

/** rtnl_rtntype_a2n, in its order (so `b` is broadcast, `u` unreachable). */
export function routeType(word: string): RtnType | undefined {
  if (word === 'local') return 'local';
  if (word === 'nat') return 'nat';
  if (abbreviates(word, 'broadcast') || word === 'brd') return 'broadcast';
  if (abbreviates(word, 'anycast')) return 'anycast';
  if (abbreviates(word, 'multicast')) return 'multicast';
  if (abbreviates(word, 'prohibit')) return 'prohibit';
  if (abbreviates(word, 'unreachable')) return 'unreachable';
  if (abbreviates(word, 'blackhole')) return 'blackhole';
  if (abbreviates(word, 'xresolve')) return 'xresolve';
  if (abbreviates(word, 'unicast')) return 'unicast';
  if (word === 'throw') return 'throw';
  const r = strtoul(word, 0, 0);
  if (r.end === 0 || r.end !== word.length || r.value > 255) return undefined;
  return RTN_BY_NUMBER[r.value] ?? 'number';
}
