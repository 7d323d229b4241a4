/** The `ip` command (iproute2 6.1) for the shell's registry. */
import type { CommandFn } from '../../command';
import { ip } from './ip';

export const IP_COMMANDS: ReadonlyArray<[string, CommandFn]> = [['ip', ip]];
