/**
 * What the UI needs from the engine, as an argument (STYLE 5): the store is made with one of
 * these, so tests pass a fixture engine and the app passes src/engine's exports.
 * The shapes are the engine's own (src/engine/index.ts; the trace's JSON is docs/cli.md's).
 */
import type { I18nText, Scenario, ScenarioGroup, TraceJson, WorldView } from '../engine';

export interface PresetInfo {
  id: string;
  title: I18nText;
  summary: I18nText;
  group: ScenarioGroup;
}

export interface SimOptions {
  seed?: number;
  requests?: number;
  maxEvents?: number;
}

export interface SimResult {
  trace: TraceJson;
  final: WorldView;
  stopReason: string;
}

/** A run paused between two steps that moves only forward (the engine's WorldCursor). */
export interface StepCursor {
  /** Events made so far. */
  readonly events: number;
  /** The world at `step` is the one shown now or lies ahead. */
  canReach(step: number): boolean;
  /** Runs towards the world right after event #step, at most `budget` queue items; true once there. */
  advanceTo(step: number, budget?: number): boolean;
  view(): WorldView;
}

export interface SimEngine {
  listPresets(): PresetInfo[];
  getPreset(id: string): Scenario | undefined;
  simulate(scenario: Scenario, opts?: SimOptions): SimResult;
  /** A cursor at time zero of the run `simulate` makes. */
  openWorldCursor(scenario: Scenario, opts?: SimOptions): StepCursor;
}
