/** The first-draw probe the UI benches share (scripts/ui-bench.ts, scripts/bench-phone-ab.ts). */

/** The topology's hosts, as HostNode.tsx draws them. */
export const HOST_SELECTOR = 'svg[data-testid="topology"] [data-testid^="host-"]';

/** The narration's step counter: the trace is simulated and step 1 shown. */
export const STEP_SELECTOR = '[data-testid="narration-step"]';

/**
 * Records when the first host enters the DOM, the frame that draws it, and FCP; and when the
 * first step shows (stepAt: the page draws the topology before it simulates the run).
 */
export const FIRST_DRAW_SCRIPT = `(() => {
  const w = window;
  const r = (w.__firstDraw = { hostAt: null, frameAt: null, paintedAt: null, fcp: null, stepAt: null });
  const sel = ${JSON.stringify(HOST_SELECTOR)};
  const stepObserver = new MutationObserver(() => {
    if (r.stepAt === null && document.querySelector(${JSON.stringify(STEP_SELECTOR)})) {
      r.stepAt = performance.now();
      stepObserver.disconnect();
    }
  });
  stepObserver.observe(document, { childList: true, subtree: true });
  const check = () => {
    if (r.hostAt !== null || !document.querySelector(sel)) return;
    r.hostAt = performance.now();
    mo.disconnect();
    requestAnimationFrame((ts) => {
      r.frameAt = ts;
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { r.paintedAt = performance.now(); };
      ch.port2.postMessage(0);
    });
  };
  const mo = new MutationObserver(check);
  mo.observe(document, { childList: true, subtree: true });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') r.fcp = e.startTime;
    }).observe({ type: 'paint', buffered: true });
  } catch {}
})();`;

