/** A console on the iproute2-forms lab for the unit tests: type lines on A (or another host) and read what came back. */
import type { Scenario } from '../../../../engine';
import { ConsoleSession } from '../../../session';
import { startLab } from './oracle-session';

export interface Typed {
  readonly out: string;
  readonly status: number;
}

/**
 * The lab as Kathará starts it: A with eth0 on `lan` and eth1 on `side`, B with eth0 on `lan`
 * holding 10.0.0.2/24, every device up, Kathará's sysctls.
 */
export function iproute2Lab(): Scenario {
  return startLab('iproute2-forms').live.scenario();
}

export function labConsole(scenario: Scenario = iproute2Lab()): { console: ConsoleSession; type: (line: string, host?: string) => Typed } {
  const console = ConsoleSession.fromScenario(scenario);
  return {
    console,
    type: (line, host = 'A') => {
      const r = console.shell.run(host, line);
      return { out: r.output, status: r.exitCode };
    },
  };
}
