/**
 * bench:ui's `presenter` part (issue 14): a step in presenter mode, PageDown and PageUp as a
 * clicker sends them, is drawn in the next frame. Measured like the `step` part (ui-bench.ts
 * probeOnce: the first requestAnimationFrame that sees presenter mode's text change, the packet
 * label, host names and caption together, and that frame's end, in vsync intervals from the last
 * frame before the key); median of `reps` keys after 2 warm-ups, each from a still page.
 *
 * It also records which scripts entering presenter mode fetched: the view is loaded on demand, so
 * they must all be lazy chunks, none of the initial JS that the size part sums.
 */
import type { Page } from '@playwright/test';
import { probeKeySteps, type KeyStepBenchDeps, type KeySteps } from '../bench-kit/key-steps';
import { fmt, median, quantile, sleep } from '../bench-kit/stats';

export const PRESENTER_SCENARIO = 'nat-course';

export interface PresenterStepRun extends KeySteps {
  errors: string[];
  /** The .js files (dist-relative) fetched on pressing P, in the order they came. */
  onDemand: string[];
}

const scriptsFetched = (page: Page): Promise<string[]> => page.evaluate(() => performance.getEntriesByType('resource')
  .map((e) => new URL(e.name).pathname.replace(/^\//, '')).filter((p) => p.endsWith('.js')));

export async function presenterStepping(d: KeyStepBenchDeps): Promise<PresenterStepRun> {
  const { page, errors, close } = await d.open();
  try {
    await page.goto(`${d.base}?scenario=${PRESENTER_SCENARIO}&lang=en`);
    await page.waitForSelector('[data-testid="narration-step"]');
    await sleep(500);
    const before = new Set(await scriptsFetched(page));
    await page.keyboard.press('p');
    await page.waitForSelector('[data-testid="presenter-step"]');
    await sleep(500);
    const onDemand = (await scriptsFetched(page)).filter((f) => !before.has(f));
    const total = Number((await page.getByTestId('presenter-step').textContent())?.match(/of (\d+)/)?.[1] ?? 0);
    const { samples, failures } = await probeKeySteps(page, { probe: d.probe, reps: d.reps, total, at: 0,
      keys: { forward: 'PageDown', back: 'PageUp' }, watch: '[data-testid="presenter"]' });
    d.progress(`presenter: median ${fmt(median(samples.map((s) => s.frames)), 0)} frame(s), ${fmt(median(samples.map((s) => s.ms)))} ms; ${failures} without a change; fetched on P: ${onDemand.join(', ')}`);
    return { samples, failures, errors, onDemand };
  } finally {
    await close();
  }
}

export function presenterNote(r: PresenterStepRun, initialFiles: readonly string[], lazyGzipOf: (file: string) => number): string {
  const f = r.samples.map((s) => s.frames);
  const ms = r.samples.map((s) => s.ms);
  const initial = r.onDemand.filter((x) => initialFiles.includes(x));
  const gz = r.onDemand.reduce((n, x) => n + lazyGzipOf(x), 0);
  return `${PRESENTER_SCENARIO}, PageDown/PageUp; ${fmt(median(ms))} ms median, p90 ${fmt(quantile(ms, 0.9))} ms; frame 1: ${f.filter((x) => x === 1).length}, 2: ${f.filter((x) => x === 2).length}, ≥3: ${f.filter((x) => x >= 3).length} of ${f.length}${r.failures ? `, ${r.failures} unseen` : ''}; `
    + `P fetched ${r.onDemand.length} lazy chunk(s), ${fmt(gz / 1000)} kB gzip (${r.onDemand.map((x) => x.replace(/^assets\//, '')).join(', ') || 'none'})${initial.length ? `; ${initial.length} of them in the initial JS!` : ''}`;
}
