/** The engine the app runs on: src/engine's public API, seen through the UI's port. */
import { getPreset, listPresets, openWorldCursor, simulate } from '../engine';
import type { SimEngine } from './engine-port';

export const engine: SimEngine = { listPresets, getPreset, simulate, openWorldCursor };
