/**
 * The console's part of the store: the lines typed on the hosts, as data, over the scenario the
 * session started from. The live session (the shell on a LiveWorld) stays in this closure; the
 * store shows what it left: the scenario follows the live world (an address added by ifconfig is
 * drawn), and the trace is the session's, so the timeline, stepping and inspectors show the
 * typed traffic. Undo rebuilds the session from its lines. Loading a scenario any other way
 * (the picker, an edit, a link) ends the session. The shell is loaded on demand: it is not part
 * of the first page's JavaScript.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { Scenario, TraceJson } from '../../engine';
import type { TypedLine } from '../../labs';
import type { Completion } from '../../shell';
import { visibleSteps } from '../trace/depth';
import { buildHostIndex } from '../trace/host-index';
import { sessionCursor, type ShellModule } from './session-cursor';
import type { SimStore } from './types';
import { createWorldStepper, type WorldStepper } from './world-stepper';

export interface ConsoleRun {
  /** What the terminal prints: stdout and stderr interleaved. */
  readonly output: string;
  readonly exitCode: number;
  /** The command's events in the trace: [from, to). */
  readonly from: number;
  readonly to: number;
}

export interface ConsoleState {
  /** Every line typed, in order, each on its host. */
  consoleLines: TypedLine[];
  /** The scenario the lines were typed over (what a link carries beside them); null before the first line. */
  consoleBase: Scenario | null;
  /** Hosts with a terminal open, in the order they were opened (the panel's tabs). */
  consoleTabs: string[];
  consoleActive: string | null;
  /** The console panel is shown (it may be open with no terminal yet, to pick a host). */
  consolePanel: boolean;
}

export interface ConsoleActions {
  /** Loads the shell (once); every other console action needs it. */
  loadConsole(): Promise<void>;
  /** Runs a line on a host of the scenario on screen. `play` moves the timeline to the command's first step and plays its traffic. */
  typeCommand(host: string, line: string, opts?: { play?: boolean }): Promise<ConsoleRun>;
  /** Takes back the last line (the session is replayed without it). */
  undoCommand(): Promise<void>;
  /** Runs `lines` over the scenario on screen, as if typed (a link's session). */
  replayConsole(lines: readonly TypedLine[]): Promise<void>;
  /** Forgets every line: the scenario the session started from is shown again. */
  resetConsole(): void;
  /** Tab on `line` at `cursor` on a host; null until the shell is loaded. */
  completeCommand(host: string, line: string, cursor: number): Completion | null;
  /** Opens (or brings forward) a terminal on the host, showing the panel. */
  openConsole(host: string): void;
  closeConsole(host: string): void;
  setConsolePanel(open: boolean): void;
}

export type ConsoleSlice = ConsoleState & ConsoleActions;

type Get = () => SimStore;
type Set = StoreApi<SimStore>['setState'];

interface Live {
  readonly mod: ShellModule;
  readonly session: InstanceType<ShellModule['ConsoleSession']>;
  readonly base: Scenario;
  readonly lines: TypedLine[];
  /** The scenario object the store shows for this session: anything else means it was replaced. */
  shown: Scenario;
}

export function createConsoleSlice(set: Set, get: Get): ConsoleSlice {
  let mod: ShellModule | null = null;
  let live: Live | null = null;
  let stepper: WorldStepper | null = null;

  const load = async (): Promise<ShellModule> => (mod ??= await import('../../shell'));

  /** The session over the scenario on screen: the one kept, unless the store moved on. */
  function current(m: ShellModule): Live | null {
    const { scenario } = get();
    if (!scenario) return null;
    if (live?.shown === scenario) return live;
    return (live = { mod: m, session: m.ConsoleSession.fromScenario(scenario), base: scenario, lines: [], shown: scenario });
  }

  function start(m: ShellModule, base: Scenario, lines: readonly TypedLine[]): Live {
    const session = m.ConsoleSession.fromScenario(base);
    for (const l of lines) session.shell.run(l.host, l.line);
    return { mod: m, session, base, lines: [...lines], shown: base };
  }

  /** Shows the session's scenario and trace; the cursor at the last step unless told. */
  function show(l: Live, cursorAtEvent?: number): void {
    const scenario = l.session.live.scenario();
    const trace: TraceJson = l.session.live.traceJson();
    const { depth } = get();
    const steps = visibleSteps(trace, depth);
    const lines = [...l.lines];
    stepper?.dispose();
    const own = createWorldStepper({ open: () => sessionCursor(l.mod, l.base, lines), events: trace.events.length });
    stepper = own;
    const at = cursorAtEvent === undefined ? -1 : steps.findIndex((i) => i >= cursorAtEvent);
    l.shown = scenario;
    set({
      scenario, trace, stopReason: 'idle', error: null,
      hostIndex: buildHostIndex(scenario, trace),
      worldAt: own.at, checkpoints: own.progress(),
      steps, cursor: at >= 0 ? at : Math.max(0, steps.length - 1), playing: at >= 0 && at < steps.length - 1,
      consoleLines: lines, consoleBase: l.base,
    });
  }

  return {
    consoleLines: [],
    consoleBase: null,
    consoleTabs: [],
    consoleActive: null,
    consolePanel: false,

    async loadConsole() {
      await load();
    },
    async typeCommand(host, line, opts = {}) {
      const m = await load();
      const l = current(m);
      if (!l) return { output: '', exitCode: 1, from: 0, to: 0 };
      const from = l.session.live.eventCount;
      const r = l.session.shell.run(host, line);
      const to = l.session.live.eventCount;
      l.lines.push({ host, line });
      show(l, opts.play ? from : undefined);
      return { output: r.output, exitCode: r.exitCode, from, to };
    },
    async undoCommand() {
      const m = await load();
      const l = current(m);
      if (!l || l.lines.length === 0) return;
      live = start(m, l.base, l.lines.slice(0, -1));
      if (live.lines.length === 0) get().resetConsole();
      else show(live);
    },
    async replayConsole(lines) {
      const m = await load();
      const { scenario } = get();
      if (!scenario || lines.length === 0) return;
      live = start(m, scenario, lines);
      show(live);
    },
    resetConsole() {
      const { consoleBase: base, selectedHost, viewport, fitRequest } = get();
      live = null;
      stepper?.dispose();
      stepper = null;
      if (!base) return;
      // The same machines, as they were before the first line: keep the view as it is.
      get().loadScenario(base);
      set({ selectedHost, viewport, fitRequest });
    },
    completeCommand(host, line, cursor) {
      if (!mod) return null;
      const l = current(mod);
      return l ? mod.complete(line, cursor, mod.completionSources(l.session.shell, host)) : null;
    },
    openConsole(host) {
      const tabs = get().consoleTabs;
      set({ consoleTabs: tabs.includes(host) ? tabs : [...tabs, host], consoleActive: host, consolePanel: true });
    },
    closeConsole(host) {
      const { consoleTabs, consoleActive } = get();
      const i = consoleTabs.indexOf(host);
      if (i < 0) return;
      const tabs = consoleTabs.filter((h) => h !== host);
      set({ consoleTabs: tabs, consoleActive: consoleActive === host ? (tabs[Math.min(i, tabs.length - 1)] ?? null) : consoleActive });
    },
    setConsolePanel: (consolePanel) => set({ consolePanel }),
  };
}
