/** What Tab may complete on one host of a session: the shell's commands, the host's interfaces and its sysctls. */
import type { CompletionSources } from './complete';
import { listSysctl } from './proc-sys';
import type { Shell } from './shell';

export function completionSources(shell: Shell, hostId: string): CompletionSources {
  const host = shell.live.host(hostId);
  const interfaces = new Set<string>();
  for (const i of host?.ifaces ?? []) {
    interfaces.add(i.name);
    for (const a of i.addrs) interfaces.add(a.label);
  }
  return {
    commands: shell.commandNames(),
    interfaces: [...interfaces].sort(),
    sysctlKeys: host ? listSysctl(shell.live, hostId, 'net') : [],
  };
}
