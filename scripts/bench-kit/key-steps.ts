/**
 * Steps driven by keys, each probed for the frame that draws it (ui-bench.ts probeOnce): mostly
 * forward, every fourth back, back from the last step; 2 warm-ups unmeasured, each key from a
 * still page. The compare and presenter parts step this way, with their own keys.
 */
import type { Page } from '@playwright/test';
import { sleep } from './stats';

const WARMUPS = 2;

type Probe = (page: Page, act: () => Promise<void>, watch: string) => Promise<{ frames: number; ms: number } | null>;

/** What ui-bench.ts lends a part that steps a view with keys. */
export interface KeyStepBenchDeps {
  /** A fresh page with the bench's frame probe installed, and its console errors. */
  open: () => Promise<{ page: Page; errors: string[]; close: () => Promise<void> }>;
  /** ui-bench's probe: `act`, then the frame in which `watch`'s text changed. */
  probe: Probe;
  base: string;
  reps: number;
  progress: (msg: string) => void;
}

export interface KeySteps {
  samples: Array<{ frames: number; ms: number }>;
  /** Keys after which nothing changed within the probe's wait. */
  failures: number;
}

export interface KeyStepOptions {
  probe: Probe;
  /** Measured keys, after the warm-ups. */
  reps: number;
  /** Steps in the view, and the 0-based step it is on. */
  total: number;
  at: number;
  keys: { forward: string; back: string };
  /** The element whose text changes when the step is drawn. */
  watch: string;
}

export async function probeKeySteps(page: Page, o: KeyStepOptions): Promise<KeySteps> {
  const samples: KeySteps['samples'] = [];
  let failures = 0;
  let step = o.at;
  for (let i = 0; i < o.reps + WARMUPS; i++) {
    const back = step >= o.total - 1 || (i % 4 === 3 && step > 0);
    const r = await o.probe(page, () => page.keyboard.press(back ? o.keys.back : o.keys.forward), o.watch);
    step += back ? -1 : 1;
    if (i >= WARMUPS) {
      if (r) samples.push(r);
      else failures++;
    }
    await sleep(300);
  }
  return { samples, failures };
}
