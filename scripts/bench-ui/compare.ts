/**
 * bench:ui's `compare` part: a step in the compare view with three scenarios (NAT, DR, TUN on
 * one request), → and ← as a teacher steps them, is drawn in the next frame. Measured like the
 * `step` part (ui-bench.ts probeOnce: the first requestAnimationFrame that sees the three
 * columns' text change, and that frame's end, in vsync intervals from the last frame before the
 * key); median of `reps` keys after 2 warm-ups, each from a still page.
 */
import { probeKeySteps, type KeyStepBenchDeps, type KeySteps } from '../bench-kit/key-steps';
import { fmt, median, quantile, sleep } from '../bench-kit/stats';

export const COMPARE_LINK = 'v1.cmp.nat-course~dr-course~tun-course.1.0.en';

export interface CompareStepRun extends KeySteps {
  errors: string[];
}

export async function compareStepping(d: KeyStepBenchDeps): Promise<CompareStepRun> {
  const { page, errors, close } = await d.open();
  try {
    await page.goto(`${d.base}?lang=en#${COMPARE_LINK}`);
    await page.waitForSelector('[data-testid="cmp-table"]');
    await sleep(500);
    const total = Number((await page.getByTestId('cmp-step').textContent())?.match(/of (\d+)/)?.[1] ?? 0);
    // The compare view's step runs from 0 to `total` (its counter's "of N").
    const { samples, failures } = await probeKeySteps(page, { probe: d.probe, reps: d.reps, total: total + 1, at: 0,
      keys: { forward: 'ArrowRight', back: 'ArrowLeft' }, watch: '.cmp-cols' });
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
