/** A console on the iproute2 lab for the unit tests: type lines on A (or another host) and read what came back. */
import type { Scenario } from '../../../../engine';
import { ConsoleSession } from '../../../session';
import { iproute2Lab } from './lab-scenario';

export interface Typed {
  readonly out: string;
  readonly status: number;
}

export function labConsole(scenario: Scenario = iproute2Lab()): { console: ConsoleSession; type: (line: string, host?: string) => Typed } {
  const console = new ConsoleSession(scenario);
  return {
    console,
    type: (line, host = 'A') => {
      const r = console.shell.run(host, line);
      return { out: r.output, status: r.exitCode };
    },
  };
}
