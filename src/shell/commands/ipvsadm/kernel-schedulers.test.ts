/** The schedulers the console's kernel (Debian 12, Linux 6.1) has modules for (oracle lab ipvsadm-forms). */
import { describe, expect, it } from 'vitest';
import { ConsoleSession } from '../../session';
import { labScenario } from '../../test/oracle-lab';

const LAB = 'D[0]="lan/02:00:00:00:01:00"\n';

describe('ipvsadm -s on a 6.1 kernel', () => {
  it('takes every scheduler 6.1 has and refuses twos (Linux 6.2), after the kernel\'s own service checks', () => {
    const s = ConsoleSession.fromScenario(labScenario(LAB));
    const run = (line: string): { output: string; exitCode: number } => s.shell.run('D', line);
    ['rr', 'wrr', 'lc', 'wlc', 'sed', 'nq', 'sh', 'dh', 'mh', 'lblc', 'lblcr', 'fo', 'ovf'].forEach((sched, i) => {
      expect(run(`ipvsadm -A -t 10.0.0.100:${8000 + i} -s ${sched}`)).toEqual({ output: '', exitCode: 0 });
    });
    expect(run('ipvsadm -A -t 10.0.0.100:9000 -s twos')).toEqual({ output: 'Scheduler or persistence engine not found\n', exitCode: 255 });
    expect(run('ipvsadm -A -t 10.0.0.100:8000 -s twos')).toEqual({ output: 'Service already exists\n', exitCode: 255 });
    expect(run('ipvsadm -E -t 10.0.0.100:9000 -s twos')).toEqual({ output: 'No such service\n', exitCode: 255 });
    expect(run('ipvsadm -E -t 10.0.0.100:8000 -s twos')).toEqual({ output: 'Scheduler or persistence engine not found\n', exitCode: 255 });
  });
});
