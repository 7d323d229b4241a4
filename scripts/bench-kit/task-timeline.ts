/**
 * A Chromium trace of a page load, read back as the renderer main thread's tasks: when each
 * long one ran (ms from navigation) and what it spent its time in. What the first draw waits for.
 */

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { type?: string; url?: string; documentLoaderURL?: string } };
}

export interface TaskRow {
  /** Start and length (ms), start from the navigation. */
  at: number;
  ms: number;
  /** Its largest parts, by trace event name (a script's file name added), ms each. */
  parts: Array<[string, number]>;
}

/** The trace events, from the JSON `browser.stopTracing()` returns. */
function eventsOf(buf: Buffer): TraceEvent[] {
  const parsed = JSON.parse(buf.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

/** The page's navigation: the last one to an http(s) document (about:blank ones have no URL). */
function navigationOf(events: readonly TraceEvent[]): TraceEvent | undefined {
  return events.filter((e) => e.name === 'navigationStart' && /^https?:/.test(e.args?.data?.documentLoaderURL ?? '')).sort((a, b) => a.ts - b.ts).at(-1);
}

/** Main-thread tasks of at least `minMs` that start before `untilMs` after the (last) navigation. */
export function longTasks(buf: Buffer, untilMs: number, minMs = 15): TaskRow[] {
  const events = eventsOf(buf);
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const nav = navigationOf(events);
  if (!nav) return [];
  const main = mains.find((m) => m.pid === nav.pid && m.tid === nav.tid) ?? mains.find((m) => m.pid === nav.pid);
  if (!main) return [];
  const end = (e: TraceEvent) => e.ts + (e.dur ?? 0);
  const thread = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const rows: TaskRow[] = [];
  for (const task of thread) {
    const at = (task.ts - nav.ts) / 1000;
    if (task.name !== 'RunTask' || at < 0 || at > untilMs || (task.dur ?? 0) < minMs * 1000) continue;
    const inside = thread.filter((e) => e !== task && e.ts >= task.ts && end(e) <= end(task));
    // Its outermost events only, so that nested ones count once.
    const top = inside.filter((e) => !inside.some((o) => o !== e && o.ts <= e.ts && end(o) >= end(e) && (o.dur ?? 0) > (e.dur ?? 0)));
    const parts = new Map<string, number>();
    for (const e of top) {
      const url = e.args?.data?.url;
      const key = url ? `${e.name} ${url.replace(/^.*\//, '')}` : e.name;
      parts.set(key, (parts.get(key) ?? 0) + (e.dur ?? 0) / 1000);
    }
    rows.push({ at, ms: (task.dur ?? 0) / 1000, parts: [...parts].sort((a, b) => b[1] - a[1]).slice(0, 4) });
  }
  return rows;
}

/** Compile, script, style and layout time over the same span, by trace event name (ms). */
export function totals(buf: Buffer, untilMs: number, names: readonly string[]): Map<string, number> {
  const events = eventsOf(buf);
  const nav = navigationOf(events);
  const out = new Map<string, number>(names.map((n) => [n, 0]));
  if (!nav) return out;
  for (const e of events) {
    if (e.pid !== nav.pid || e.ph !== 'X' || !out.has(e.name)) continue;
    const at = (e.ts - nav.ts) / 1000;
    if (at >= 0 && at <= untilMs) out.set(e.name, (out.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
  }
  return out;
}
