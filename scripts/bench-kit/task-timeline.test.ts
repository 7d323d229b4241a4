import { describe, expect, it } from 'vitest';
import { longTasks, totals } from './task-timeline';

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
