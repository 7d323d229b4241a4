/** `ip address` (ipaddress.c do_ipaddr): its subcommands, matched in iproute2's order. */
import { fail255 } from './exit';
import { flushAddresses, listAddresses } from './addr-list';
import { modifyAddress } from './addr-modify';
import { abbreviates } from './matches';
import { notSimulated } from './not-simulated';
import type { IpRun } from './run';
import { addrUsage } from './usage';

export function doAddress(run: IpRun, words: readonly string[]): number {
  if (words.length === 0) return listAddresses(run, [], false);
  const [sub, ...rest] = words as [string, ...string[]];
  if (abbreviates(sub, 'add')) return modifyAddress(run, 'add', rest);
  if (abbreviates(sub, 'change') || sub === 'chg') return modifyAddress(run, 'change', rest);
  if (abbreviates(sub, 'replace')) return modifyAddress(run, 'replace', rest);
  if (abbreviates(sub, 'delete')) return modifyAddress(run, 'delete', rest);
  if (abbreviates(sub, 'list') || abbreviates(sub, 'show') || abbreviates(sub, 'lst')) return listAddresses(run, rest, false);
  if (abbreviates(sub, 'flush')) return flushAddresses(run, rest);
  if (abbreviates(sub, 'save') || abbreviates(sub, 'showdump') || abbreviates(sub, 'restore')) return notSimulated(run, `"ip address ${sub}"`);
  if (abbreviates(sub, 'help')) addrUsage(run);
  return fail255(run, `Command "${sub}" is unknown, try "ip address help".\n`);
}
