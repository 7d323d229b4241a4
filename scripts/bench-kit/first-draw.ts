/** The first-draw probe the UI benches share (scripts/ui-bench.ts, scripts/bench-phone-ab.ts). */

/** The topology's hosts, as HostNode.tsx draws them. */
export const HOST_SELECTOR = 'svg[data-testid="topology"] [data-testid^="host-"]';

/** Records when the first host enters the DOM, the frame that draws it, and FCP. */
export const FIRST_DRAW_SCRIPT = `(() => {
  const w = window;
  const r = (w.__firstDraw = { hostAt: null, frameAt: null, paintedAt: null, fcp: null });
  const sel = ${JSON.stringify(HOST_SELECTOR)};
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

