/** Every command the simulated shell knows, by the name typed (aliases included). */
import type { CommandFn } from '../command';
import { BUILTINS } from './builtins';
import { TRAFFIC } from './traffic';

export const COMMANDS: ReadonlyMap<string, CommandFn> = new Map<string, CommandFn>([
  ...BUILTINS,
  ...TRAFFIC,
]);
