/** A program running on a simulated host: started once, then driven by TCP callbacks and timers. */
import type { Host, World } from '../sim/world';

export interface App {
  readonly kind: string;
  start(w: World, host: Host): void;
}

export interface RequestResult {
  readonly conn: number;
  readonly ok: boolean;
  readonly startedAt: number;
  readonly endedAt: number;
  /** The host named in the page, or why the request failed. */
  readonly answer: string;
}
