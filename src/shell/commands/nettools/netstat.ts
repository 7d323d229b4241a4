/**
 * net-tools 2.10 netstat, for the two tables a lab reads from the kernel the simulation has:
 * `-r` (the routing table with route -e's columns, numeric with -n) and `-i` (the short
 * interface table). Socket listings (-t, -u, -a, -l, -p and the default) are not simulated:
 * the simulated hosts' sockets are not modelled as the kernel lists them.
 */
import type { CommandContext } from '../../command';
import { interfaceRows, NETSTAT_IFACE_HEAD } from './iface-table';
import { formatRouteTable } from './route-show';

const LONG: Readonly<Record<string, string>> = {
  '--route': 'r', '--interfaces': 'i', '--numeric': 'n', '--all': 'a', '--extend': 'e', '--tcp': 't', '--udp': 'u',
  '--listening': 'l', '--programs': 'p', '--statistics': 's', '--continuous': 'c', '--verbose': 'v', '--wide': 'W',
};

export function netstat(ctx: CommandContext): number {
  const host = ctx.live.host(ctx.hostId);
  if (!host) return 1;
  const flags = new Set<string>();
  for (const a of ctx.argv.slice(1)) {
    if (a.startsWith('--')) {
      const c = LONG[a];
      if (c === undefined) {
        ctx.err(`lvs-flow: netstat: ${a} is not simulated; it shows -r [-n] and -i [-a]\n`);
        return 1;
      }
      flags.add(c);
    } else if (a.startsWith('-')) {
      for (const c of a.slice(1)) flags.add(c);
    } else {
      ctx.err(`lvs-flow: netstat: ${a} is not simulated; it shows -r [-n] and -i [-a]\n`);
      return 1;
    }
  }
  if (flags.has('r')) {
    ctx.out(formatRouteTable(host, flags.has('n'), 1));
    return 0;
  }
  if (flags.has('i')) {
    ctx.out(NETSTAT_IFACE_HEAD + interfaceRows(host, flags.has('a')));
    return 0;
  }
  ctx.err('lvs-flow: netstat: the socket listing is not simulated; it shows -r [-n] and -i [-a] (ipvsadm -Lnc lists the director\'s connections)\n');
  return 1;
}
