/** net-tools 2.10: ifconfig, route and arp. */
import type { CommandFn } from '../../command';
import { arp } from './arp';
import { ifconfig } from './ifconfig';
import { route } from './route';

export const NETTOOLS: ReadonlyArray<[string, CommandFn]> = [['ifconfig', ifconfig], ['route', route], ['arp', arp]];
