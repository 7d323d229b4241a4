/** A console on a fresh dr-lab for language tests: type a line at C, get its output (without the prompt line) and status. */
import { getPreset } from '../../engine';
import { ConsoleSession } from '../session';

export function lineRunnerAtC(): (line: string) => { out: string; status: number } {
  const s = ConsoleSession.fromScenario(getPreset('dr-lab')!);
  return (line) => {
    const r = s.type('C', line);
    return { out: r.transcript.split('\n').slice(1).join('\n'), status: r.exitCode };
  };
}
