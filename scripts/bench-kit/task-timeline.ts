/**
 * A Chromium trace of a page load, read back as the renderer main thread's tasks: when each
 * long one ran (ms from navigation) and what it spent its time in. What the first draw waits for.
 */

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, µs: what the task cost, whatever else the machine was running. */
  tdur?: number;
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

/**
 * The main thread's CPU time (thread time, ms) from the navigation to `untilMs`: its outermost
 * events' `tdur`, in all and by name. Thread time leaves out the time the thread waited for a
 * core (a loaded machine) or was held by DevTools' CPU throttling, so two builds can be compared
 * at any load; times the throttling rate, it is what the page's main thread costs a slower CPU.
 */
export function mainThreadCpu(buf: Buffer, untilMs: number): { ms: number; byName: Map<string, number> } {
  const events = eventsOf(buf);
  const nav = navigationOf(events);
  const byName = new Map<string, number>();
  if (!nav) return { ms: Number.NaN, byName };
  const end = (e: TraceEvent) => e.ts + (e.dur ?? 0);
  const until = nav.ts + untilMs * 1000;
  const thread = events
    .filter((e) => e.pid === nav.pid && e.tid === nav.tid && e.ph === 'X' && e.dur !== undefined && e.ts >= nav.ts && e.ts <= until)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  let ms = 0;
  let outerEnd = -Infinity;
  for (const [i, e] of thread.entries()) {
    if (e.ts < outerEnd) continue; // nested in the previous outermost event
    outerEnd = end(e);
    const t = (e.tdur ?? e.dur ?? 0) / 1000;
    ms += t;
    // Inside a task, what ran: its outermost children by name (the task itself when it has none).
    const kids: TraceEvent[] = [];
    for (let j = i + 1; j < thread.length && (thread[j]?.ts ?? Infinity) < outerEnd; j++) if (end(thread[j]!) <= outerEnd) kids.push(thread[j]!);
    const top = kids.filter((k) => !kids.some((o) => o !== k && o.ts <= k.ts && end(o) >= end(k) && (o.dur ?? 0) > (k.dur ?? 0)));
    let inKids = 0;
    for (const k of top) {
      const kt = (k.tdur ?? k.dur ?? 0) / 1000;
      inKids += kt;
      byName.set(k.name, (byName.get(k.name) ?? 0) + kt);
    }
    if (t - inKids > 0) byName.set(`(${e.name} itself)`, (byName.get(`(${e.name} itself)`) ?? 0) + t - inKids);
  }
  return { ms, byName };
}
