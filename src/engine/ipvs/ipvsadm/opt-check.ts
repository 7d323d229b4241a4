/**
 * ipvsadm.c's tables of which options each command takes (commands_v_options, checked by
 * generic_opt_check) and which each tunnel type takes (tunnel_types_v_options,
 * tunnel_opt_check), with the tool's own messages.
 * Key: '+' compulsory, 'x' illegal, '1' at most one of the '1's, ' ' optional.
 */

/** cmdnames[], in the order of the table's rows. */
export const COMMANDS = [
  'add-service', 'edit-service', 'delete-service', 'flush', 'list', 'add-server',
  'delete-server', 'edit-server', 'set', 'start-daemon', 'stop-daemon', 'restore', 'save', 'zero',
] as const;
export type Command = (typeof COMMANDS)[number];

/** optnames[], in the order of the table's columns (bit OPTC_x of `options`). */
export const OPTION_NAMES = [
  'numeric', 'connection', 'service-address', 'scheduler', 'persistent', 'netmask',
  'real-server', 'forwarding-method', 'weight', 'u-threshold', 'l-threshold',
  'mcast-interface', 'timeout', 'daemon', 'stats', 'rate', 'thresholds', 'persistent-conn',
  'nosort', 'syncid', 'exact', 'ops', 'pe', 'sched-flags', 'mcast-group', 'mcast-port',
  'mcast-ttl', 'sync-maxlen', 'tun-info', 'tun-type', 'tun-port', 'tun-nocsum', 'tun-csum',
  'tun-remcsum',
] as const;
export type OptionName = (typeof OPTION_NAMES)[number];

const x = (n: number): string => 'x'.repeat(n);
const ADD_EDIT = `xx+   ${x(15)}   ${x(10)}`;
const SERVER = `xx+xxx+    ${x(18)}     `;

/** One 34-character row per command, transcribed column by column from ipvsadm.c. */
const TABLE: Readonly<Record<Command, string>> = {
  'add-service': ADD_EDIT,
  'edit-service': ADD_EDIT,
  'delete-service': `xx+${x(31)}`,
  flush: x(34),
  list: ` 11${x(9)}11       ${x(7)} ${x(5)}`,
  'add-server': SERVER,
  'delete-server': `xx+xxx+${x(27)}`,
  'edit-server': SERVER,
  set: x(34),
  'start-daemon': `${x(11)} ${x(7)} ${x(4)}    ${x(6)}`,
  'stop-daemon': `${x(19)} ${x(14)}`,
  restore: x(34),
  save: ` ${x(33)}`,
  zero: `xx ${x(31)}`,
};

export function optionRow(cmd: Command): string {
  return TABLE[cmd];
}

/** generic_opt_check(): the first complaint, column by column, or null. */
export function genericOptCheck(cmd: Command, given: ReadonlySet<OptionName>): string | null {
  const row = TABLE[cmd];
  let last: OptionName | null = null;
  for (const [j, name] of OPTION_NAMES.entries()) {
    const rule = row.charAt(j);
    if (!given.has(name)) {
      if (rule === '+') return `You need to supply the '${name}' option for the '${cmd}' command`;
      continue;
    }
    if (rule === 'x') return `Illegal '${name}' option with the '${cmd}' command`;
    if (rule === '1') {
      if (last === null) last = name;
      else return `The option '${name}' conflicts with the '${last}' option in the '${cmd}' command`;
    }
  }
  return null;
}

export type TunnelType = 'ipip' | 'gue' | 'gre';

const TUN_OPTS = ['tun-port', 'tun-nocsum', 'tun-csum', 'tun-remcsum'] as const;
const TUN_TABLE: Readonly<Record<TunnelType, string>> = { ipip: 'xxxx', gue: '+111', gre: 'x11x' };

/** tunnel_opt_check(): the first complaint about --tun-* options for this type, or null. */
export function tunnelOptCheck(type: TunnelType, given: ReadonlySet<OptionName>): string | null {
  let last: OptionName | null = null;
  for (const [j, name] of TUN_OPTS.entries()) {
    const rule = TUN_TABLE[type].charAt(j);
    if (!given.has(name)) {
      if (rule === '+') return `You need to supply the '${name}' option for the '${type}' tunnel type`;
      continue;
    }
    if (rule === 'x') return `Illegal '${name}' option with the '${type}' tunnel type`;
    if (rule === '1') {
      if (last === null) last = name;
      else return `The option '${name}' conflicts with the '${last}' option in the '${type}' tunnel type`;
    }
  }
  return null;
}
