/**
 * The load view's Web Worker: the engine's load run, driven by driver.ts in slices so that the
 * page's messages (pause, a weight changed, a table asked for) are read between them. The page
 * never simulates; this file only wires the driver to the worker's postMessage and clock.
 */
import { startLoadRun } from '../../engine';
import { createDriver } from './driver';
import type { FromWorker, ToWorker } from './protocol';

/** What this file needs of the worker's global scope (the DOM lib types `self` as a Window). */
interface WorkerScope {
  postMessage(msg: FromWorker): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;

const driver = createDriver(
  (msg) => {
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
);

scope.onmessage = (e) => driver.handle(e.data);
