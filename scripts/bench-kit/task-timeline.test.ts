import { describe, expect, it } from 'vitest';
import { longTasks, mainThreadCpu, totals } from './task-timeline';

const M = { pid: 1, tid: 1 };
const trace = (events: object[]) => Buffer.from(JSON.stringify({ traceEvents: events }));
const events = [
  { ...M, ph: 'M', name: 'thread_name', ts: 0, args: { name: 'CrRendererMain' } },
  // about:blank's navigation (no URL), then the page's, at 1 s
  { ...M, ph: 'R', name: 'navigationStart', ts: 500_000, args: { data: { documentLoaderURL: '' } } },
  { ...M, ph: 'R', name: 'navigationStart', ts: 1_000_000, args: { data: { documentLoaderURL: 'http://127.0.0.1:4185/' } } },
  { ...M, ph: 'X', name: 'RunTask', ts: 1_100_000, dur: 40_000 },
  { ...M, ph: 'X', name: 'v8.evaluateModule', ts: 1_100_000, dur: 30_000 },
  { ...M, ph: 'X', name: 'V8.CompileCode', ts: 1_105_000, dur: 10_000 },
  { ...M, ph: 'X', name: 'RunTask', ts: 1_200_000, dur: 5_000 },
  { ...M, ph: 'X', name: 'RunTask', ts: 1_300_000, dur: 50_000 },
  { ...M, ph: 'X', name: 'Layout', ts: 1_310_000, dur: 20_000 },
];

describe('task-timeline', () => {
  it('lists the long tasks after the page\'s navigation with their outermost parts', () => {
    expect(longTasks(trace(events), 1000)).toEqual([
      { at: 100, ms: 40, parts: [['v8.evaluateModule', 30]] },
      { at: 300, ms: 50, parts: [['Layout', 20]] },
    ]);
    expect(longTasks(trace(events), 200)).toHaveLength(1);
  });

  it('sums events by name up to a time', () => {
    const t = totals(trace(events), 200, ['V8.CompileCode', 'Layout']);
    expect([...t]).toEqual([['V8.CompileCode', 10], ['Layout', 0]]);
  });
});

describe('mainThreadCpu', () => {
  it('sums the outermost events\' thread time after the navigation, by their outermost parts', () => {
    const withCpu = [
      ...events.slice(0, 3),
      { ...M, ph: 'X', name: 'RunTask', ts: 1_100_000, dur: 40_000, tdur: 30_000 },
      { ...M, ph: 'X', name: 'v8.evaluateModule', ts: 1_100_000, dur: 30_000, tdur: 25_000 },
      { ...M, ph: 'X', name: 'V8.CompileCode', ts: 1_105_000, dur: 10_000, tdur: 8_000 },
      { ...M, ph: 'X', name: 'RunTask', ts: 1_300_000, dur: 50_000, tdur: 20_000 },
      { ...M, ph: 'X', name: 'Layout', ts: 1_310_000, dur: 20_000, tdur: 20_000 },
      // another thread's work does not count
      { pid: 1, tid: 2, ph: 'X', name: 'RunTask', ts: 1_120_000, dur: 50_000, tdur: 50_000 },
    ];
    const r = mainThreadCpu(trace(withCpu), 1000);
    expect(r.ms).toBe(50);
    expect([...r.byName].sort()).toEqual([['(RunTask itself)', 5], ['Layout', 20], ['v8.evaluateModule', 25]]);
    expect(mainThreadCpu(trace(withCpu), 250).ms).toBe(30);
  });
});
