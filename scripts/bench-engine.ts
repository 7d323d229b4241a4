/**
 * What the benchmark drives: the engine's façade plus the run loop and the IPVS hook it is built
 * from (for the heap sampler), and the app's store over the app's engine (for an edit's cost). bench.ts loads this either compiled the way the app ships it
 * (a Vite library build) or as tsx runs the sources (--tsx, the CLI's path).
 */
export * from '../src/engine';
export { runScenario } from '../src/engine/sim/run';
export { attachDirector } from '../src/engine/ipvs/attach';
export { schedule, type World } from '../src/engine/sim/world';
export type { BuildHooks } from '../src/engine/scenario/build';
export { engine as appEngine } from '../src/ui/engine-source';
export { createSimStore } from '../src/ui/store/create-sim-store';
export { setIn } from '../src/ui/editor/paths';
