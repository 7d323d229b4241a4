/**
 * bench:ui's `compare` part: a step in the compare view with three scenarios (NAT, DR, TUN on
 * one request), → and ← as a teacher steps them, is drawn in the next frame. Measured like the
 * `step` part (ui-bench.ts probeOnce: the first requestAnimationFrame that sees the three
 * columns' text change, and that frame's end, in vsync intervals from the last frame before the
 * key); median of `reps` keys after 2 warm-ups, each from a still page.
 */
import type { Page } from '@playwright/test';
import { fmt, median, quantile, sleep } from '../bench-kit/stats';

export const COMPARE_LINK = 'v1.cmp.nat-course~dr-course~tun-course.1.0.en';
const WARMUPS = 2;

export interface CompareStepRun {
  samples: Array<{ frames: number; ms: number }>;
  failures: number;
  errors: string[];
}

export interface CompareBenchDeps {
  /** A fresh page with the bench's frame probe installed, and its console errors. */
  open: () => Promise<{ page: Page; errors: string[]; close: () => Promise<void> }>;
  /** ui-bench's probe: `act`, then the frame in which `watch`'s text changed. */
  probe: (page: Page, act: () => Promise<void>, watch: string) => Promise<{ frames: number; ms: number } | null>;
  base: string;
  reps: number;
  progress: (msg: string) => void;
}

export async function compareStepping(d: CompareBenchDeps): Promise<CompareStepRun> {
  const { page, errors, close } = await d.open();
  try {
    await page.goto(`${d.base}?lang=en#${COMPARE_LINK}`);
    await page.waitForSelector('[data-testid="cmp-table"]');
    await sleep(500);
    const total = Number((await page.getByTestId('cmp-step').textContent())?.match(/of (\d+)/)?.[1] ?? 0);
    const samples: CompareStepRun['samples'] = [];
    let failures = 0;
    let step = 0;
    for (let i = 0; i < d.reps + WARMUPS; i++) {
      // Mostly forward, every fourth a step back; from the last step, back.
      const back = step >= total || (i % 4 === 3 && step > 0);
      const r = await d.probe(page, () => page.keyboard.press(back ? 'ArrowLeft' : 'ArrowRight'), '.cmp-cols');
      step += back ? -1 : 1;
      if (i >= WARMUPS) {
        if (r) samples.push(r);
        else failures++;
      }
      await sleep(300);
    }
    const f = samples.map((s) => s.frames);
    d.progress(`compare: median ${fmt(median(f), 0)} frame(s), ${fmt(median(samples.map((s) => s.ms)))} ms; ${failures} without a change`);
    return { samples, failures, errors };
  } finally {
    await close();
  }
}

export function compareNote(r: CompareStepRun): string {
  const f = r.samples.map((s) => s.frames);
  const ms = r.samples.map((s) => s.ms);
  return `nat-course, dr-course, tun-course side by side; ${fmt(median(ms))} ms median, p90 ${fmt(quantile(ms, 0.9))} ms; frame 1: ${f.filter((x) => x === 1).length}, 2: ${f.filter((x) => x === 2).length}, ≥3: ${f.filter((x) => x >= 3).length} of ${f.length}${r.failures ? `, ${r.failures} unseen` : ''}`;
}
