/**
 * The inspector's world at a step of a console session: the session replayed from its start,
 * its trace capped at that step so the run stops right after it, as the engine's WorldCursor
 * stops a scenario's run; lines typed after the step are not run. One cursor answers one step
 * (a session is short: replaying it is cheaper than keeping checkpoints of it).
 */
import type { Scenario, WorldView } from '../../engine';
import type { TypedLine } from '../../labs';
import type * as Shell from '../../shell';
import type { StepCursor } from '../engine-port';

/** The shell's module, loaded on demand with import(). */
export type ShellModule = typeof Shell;

export function sessionViewAt(mod: ShellModule, base: Scenario, lines: readonly TypedLine[], step: number): WorldView {
  const session = mod.ConsoleSession.fromScenario(base, { maxEvents: step + 1 });
  for (const l of lines) {
    if (session.live.eventCount > step) break;
    session.shell.run(l.host, l.line);
  }
  return session.live.view();
}

export function sessionCursor(mod: ShellModule, base: Scenario, lines: readonly TypedLine[]): StepCursor {
  let at: { step: number; view: WorldView } | null = null;
  return {
    get events() {
      return at === null ? 0 : at.step + 1;
    },
    canReach: (step) => at === null || at.step === step,
    advanceTo(step) {
      if (at === null) at = { step, view: sessionViewAt(mod, base, lines, step) };
      return true;
    },
    view() {
      if (at === null) throw new Error('the session cursor has not been moved to a step');
      return at.view;
    },
  };
}
