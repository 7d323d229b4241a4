/**
 * The host inspector on a long trace (issue 10): nat-lab with 10,000 requests, the director
 * selected, timed from a key press to the end of the frame whose inspector names the wanted
 * step (its title is drawn in the same render as the host's state).
 */
import type { Page } from '@playwright/test';
import { sleep } from './stats';

export const INSPECT_REQUESTS = 10_000;

/** Added before any page script: key press → the title naming the wanted step → that frame's end. */
export const INSPECT_PROBE_SCRIPT = `(() => {
  const B = (window.__inspect = { want: null, t0: null, seenAt: null, paintedAt: null });
  window.addEventListener('keydown', (e) => { if (B.want !== null && B.t0 === null) B.t0 = e.timeStamp; }, { capture: true });
  new MutationObserver(() => {
    if (B.want === null || B.t0 === null || B.seenAt !== null) return;
    const h = document.querySelector('[data-testid="host-inspector"] .host-title');
    if (!h || !h.textContent.endsWith(B.want)) return;
    B.seenAt = performance.now();
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { B.paintedAt = performance.now(); };
      ch.port2.postMessage(0);
    });
  }).observe(document, { subtree: true, childList: true, characterData: true });
  B.arm = (want) => { B.want = want; B.t0 = null; B.seenAt = null; B.paintedAt = null; };
})();`;

/** The step counter the narration shows: "12 / 36". */
export async function stepOf(page: Page): Promise<{ cursor: number; total: number }> {
  const m = /(\d+)\s*\/\s*(\d+)/.exec((await page.getByTestId('narration-step').textContent()) ?? '');
  return { cursor: Number(m?.[1] ?? 1) - 1, total: Number(m?.[2] ?? 1) };
}

export interface InspectorPage {
  /** Course steps in the trace. */
  total: number;
  loadMs: number;
  /** Presses `key` and returns ms from the key event to the end of the frame showing `wantStep` (1-based). */
  press(key: string, wantStep: number): Promise<number>;
  /** Waits until every checkpoint is built again; returns how long that took. */
  allBuilt(): Promise<number>;
  checkpoints(): Promise<[number, number]>;
}

/** Opens the long trace on a page that has INSPECT_PROBE_SCRIPT, and shows the host tab. */
export async function openInspector(page: Page, base: string): Promise<InspectorPage> {
  const t0 = Date.now();
  await page.goto(`${base}?scenario=nat-lab&requests=${INSPECT_REQUESTS}&lang=en`);
  await page.waitForSelector('[data-testid="narration-step"]', { timeout: 300_000 });
  const loadMs = Date.now() - t0;
  const { total } = await stepOf(page);
  await page.getByTestId('tab-host').click();
  await page.waitForSelector('[data-testid="host-inspector"] .host-title');
  const checkpoints = async () => ((await page.getByTestId('host-inspector').getAttribute('data-checkpoints')) ?? '0/0').split('/').map(Number) as [number, number];
  const allBuilt = async (): Promise<number> => {
    const t = Date.now();
    for (;;) {
      const [built, all] = await checkpoints();
      if (built === all) return Date.now() - t;
      if (Date.now() - t > 600_000) throw new Error(`checkpoints still ${built}/${all} after 10 minutes`);
      await sleep(100);
    }
  };
  const press = async (key: string, wantStep: number): Promise<number> => {
    await page.evaluate(`window.__inspect.arm(${JSON.stringify(`at step ${wantStep}`)})`);
    await page.keyboard.press(key);
    await page.waitForFunction('window.__inspect.paintedAt !== null', undefined, { timeout: 300_000, polling: 20 });
    const r = (await page.evaluate('window.__inspect')) as { t0: number; paintedAt: number };
    return r.paintedAt - r.t0;
  };
  // Keys go to the page's shortcuts, not to the tab button just clicked.
  await page.evaluate('document.activeElement && document.activeElement.blur && document.activeElement.blur()');
  return { total, loadMs, press, allBuilt, checkpoints };
}
