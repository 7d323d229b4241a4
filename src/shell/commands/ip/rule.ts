/**
 * `ip rule [show|list]` (iprule.c): the routing policy rules. The simulated kernel routes with
 * its main and local tables only, so a host holds exactly the three rules every new network
 * namespace starts with (lvs-flow's net-forms oracle lab printed them for each form); adding
 * or deleting rules is not simulated.
 */
import { abbreviates } from './matches';
import { notSimulated } from './not-simulated';
import type { IpRun } from './run';

/** The kernel's default IPv4 rules (fib_default_rules_init), as iprule.c prints them. */
const DEFAULT_RULES = '0:\tfrom all lookup local\n32766:\tfrom all lookup main\n32767:\tfrom all lookup default\n';

export function doRule(run: IpRun, words: readonly string[]): number {
  const [verb, ...rest] = words;
  const listing = verb === undefined || abbreviates(verb, 'list') || abbreviates(verb, 'show');
  if (!listing || rest.length > 0) return notSimulated(run, 'changing or filtering policy rules (ip rule)');
  if (run.family === 'inet6') return notSimulated(run, 'IPv6 policy rules');
  run.out(DEFAULT_RULES);
  return 0;
}
