/** net-tools 2.10: ifconfig, route, arp and netstat's -r and -i. */
import type { CommandFn } from '../../command';
import { arp } from './arp';
import { ifconfig } from './ifconfig';
import { netstat } from './netstat';
import { route } from './route';

export const NETTOOLS: ReadonlyArray<[string, CommandFn]> = [['ifconfig', ifconfig], ['route', route], ['arp', arp], ['netstat', netstat]];
