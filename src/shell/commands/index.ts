/** Every command the simulated shell knows, by the name typed (aliases included). */
import type { CommandFn } from '../command';
import { BUILTINS } from './builtins';
import { IP_COMMANDS } from './ip';
import { NETTOOLS } from './nettools';
import { KERNEL_SETTINGS } from './sysctl';
import { IPVSADM_COMMANDS } from './ipvsadm/ipvsadm';
import { TRAFFIC } from './traffic';
import { TCPDUMP_COMMANDS } from './tcpdump/tcpdump';
import { TEXT_TOOLS } from './text';

export const COMMANDS: ReadonlyMap<string, CommandFn> = new Map<string, CommandFn>([
  ...BUILTINS,
  ...IP_COMMANDS,
  ...NETTOOLS,
  ...KERNEL_SETTINGS,
  ...IPVSADM_COMMANDS,
  ...TRAFFIC,
  ...TCPDUMP_COMMANDS,
  ...TEXT_TOOLS,
]);
