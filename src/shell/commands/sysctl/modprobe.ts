/**
 * kmod's modprobe, for the modules a lab loads: `modprobe ipip` gives every host its tunl0
 * (the kernel registers the fallback device in each network namespace), `modprobe ip_vs`
 * and the schedulers change nothing the simulation shows. An unknown module fails as on the
 * oracle's Debian 12 kernel.
 */
import { loadModule } from '../../../engine';
import type { CommandContext } from '../../command';

/** The oracle's kernel release, which modprobe names in its error. */
const KERNEL_RELEASE = '6.1.0-57-amd64';

export function modprobe(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  let quiet = false;
  const words: string[] = [];
  for (const a of args) {
    if (a === '-q' || a === '--quiet') quiet = true;
    else if (a === '-v' || a === '--verbose' || a === '-b' || a === '--use-blacklist') continue;
    else if (a.startsWith('-')) {
      ctx.err(`modprobe: lvs-flow simulates loading modules only (modprobe [-q] MODULE), not ${a}\n`);
      return 1;
    } else words.push(a);
  }
  const [name, ...params] = words;
  if (name === undefined) {
    ctx.err('modprobe: lvs-flow simulates loading modules only: modprobe [-q] MODULE\n');
    return 1;
  }
  if (params.length > 0) {
    ctx.err(`modprobe: lvs-flow does not simulate module parameters (${params.join(' ')})\n`);
    return 1;
  }
  if (loadModule(ctx.live, name)) return 0;
  if (!quiet) ctx.err(`modprobe: FATAL: Module ${name} not found in directory /lib/modules/${KERNEL_RELEASE}\n`);
  return 1;
}
