/** Kernel settings: procps sysctl and kmod's modprobe. */
import type { CommandFn } from '../../command';
import { modprobe } from './modprobe';
import { sysctl } from './sysctl';

export const KERNEL_SETTINGS: ReadonlyArray<[string, CommandFn]> = [['sysctl', sysctl], ['modprobe', modprobe]];
