/**
 * The load view's Web Worker: the engine's load run, driven by driver.ts in slices so that the
 * page's messages (pause, a weight changed, a table asked for) are read between them. The page
 * never simulates; this file only wires the driver to the worker's postMessage and clock.
 */
import { startLoadRun, type LoadOptions, type Scenario } from '../../engine';
import { createDriver } from './driver';
import type { FromWorker, ToWorker } from './protocol';
import { warmUp } from './warm-up';

/** What this file needs of the worker's global scope (the DOM lib types `self` as a Window). */
interface WorkerScope {
  postMessage(msg: FromWorker): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;

// A worker serves one Start (the page spawns fresh ones for the next): it warms up once, when the
// view opens (the page's 'warm') or else before the driver's clock starts, so the progress line's
// hops/s is the engine's warm speed and V8's compiling is mostly over before the charts stream.
let warm = false;
const warmOnce = (msg: { scenario: Scenario; options: LoadOptions }) => {
  if (warm) return;
  warm = true;
  warmUp(startLoadRun, msg.scenario, msg.options);
};

const driver = createDriver(
  (msg) => {
    warmOnce(msg);
    const started = startLoadRun(msg.scenario, msg.options);
    // The driver reports a throw from here as the run's failure, with this message.
    if (!started.ok) throw new Error(started.message);
    return started.run;
  },
  {
    post: (m) => scope.postMessage(m),
    clock: () => performance.now(),
    later: (fn, ms) => void setTimeout(fn, ms),
  },
  warmOnce,
);

scope.onmessage = (e) => driver.handle(e.data);
