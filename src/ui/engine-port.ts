/**
 * What the UI needs from the engine, as an argument (STYLE 5): the store is made with one of
 * these, so tests pass a fixture engine and the app passes src/engine's exports.
 * The shapes are the engine's own (src/engine/api-contract.md).
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

export interface SimEngine {
  listPresets(): PresetInfo[];
  getPreset(id: string): Scenario | undefined;
  simulate(scenario: Scenario, opts?: SimOptions): SimResult;
  /** The world right after event #step. */
  worldViewAt(scenario: Scenario, opts: SimOptions, step: number): WorldView;
}
