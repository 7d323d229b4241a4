/**
 * The app's one flat store (STYLE 7): State is data, Actions are verbs. Everything a view shows
 * at a step is a pure function of (trace, steps, cursor, selection, language), so stepping back
 * is exact by construction.
 */
import type { Scenario, TraceJson } from '../../engine';
import type { PresetInfo, SimEngine } from '../engine-port';
import type { Lang } from '../i18n/i18n';
import type { Depth } from '../trace/depth';
import type { HostIndex } from '../trace/host-index';
import type { ConsoleSlice } from './console-slice';
import type { EditorSlice } from './editor-slice';
import type { LoadSlice } from './load-slice';
import type { QuizSlice } from './quiz-slice';
import type { CheckpointProgress, WorldAt } from './world-stepper';

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8] as const;
export const DEFAULT_SPEED_INDEX = 2;

export interface Viewport {
  x: number;
  y: number;
  k: number;
}

export interface SimState {
  engine: SimEngine;
  presets: PresetInfo[];
  scenario: Scenario | null;
  trace: TraceJson | null;
  stopReason: string;
  error: string | null;
  /** Derived once per trace. */
  hostIndex: HostIndex | null;
  /** The world after event #i, or why it could not be made (world-stepper.ts: a bounded replay). */
  worldAt: (eventIndex: number) => WorldAt;
  /** The inspector's checkpoints built so far, of those this trace gets. */
  checkpoints: CheckpointProgress;
  depth: Depth;
  /** Indices into trace.events that this depth steps through. */
  steps: number[];
  /** Position in `steps`. */
  cursor: number;
  playing: boolean;
  speedIndex: number;
  selectedHost: string | null;
  language: Lang;
  viewport: Viewport;
  /** Bumped to ask the topology to fit itself to the screen. */
  fitRequest: number;
  /** Bumped when a host is tapped or clicked on the topology: the side panel shows its Host tab. */
  hostTabRequest: number;
}

export interface SimActions {
  loadScenario(idOrScenario: string | Scenario): void;
  /**
   * A preset's drawing without its run: the topology alone, no trace, no steps. The page's first
   * paint (main.tsx) shows it, and loadScenario simulates right after: on a phone the run is a
   * quarter of the first draw.
   */
  previewScenario(id: string): void;
  stepForward(): void;
  stepBack(): void;
  seekTo(cursor: number): void;
  seekFirst(): void;
  seekLast(): void;
  restart(): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(index: number): void;
  setDepth(depth: Depth): void;
  toggleDepth(): void;
  selectHost(hostId: string | null): void;
  /** Select a host and open its inspector (a tap or click on the topology). */
  inspectHost(hostId: string): void;
  /** Jump to an event of the trace, switching to full view if the course view hides it. */
  selectEvent(eventIndex: number): void;
  setLanguage(lang: Lang): void;
  setViewport(v: Viewport): void;
  requestFit(): void;
}

export type SimStore = SimState & SimActions & EditorSlice & ConsoleSlice & LoadSlice & QuizSlice;
