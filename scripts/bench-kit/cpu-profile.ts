/** CPU profiles (V8 sampling, through CDP) of a page, summarised by function: where the time goes. */
import type { Page } from '@playwright/test';
import { fmt } from './stats';

/** Starts something on a page (a CPU profile, a trace) and returns what stops it. */
export type ProfileHook = (page: Page) => Promise<() => Promise<void>>;

export interface CpuNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: CpuNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface Hot {
  name: string;
  self: number;
  total: number;
}

export function hottest(prof: CpuProfile): { hot: Hot[]; totalMs: number } {
  const parent = new Map<number, number>();
  const byId = new Map<number, CpuNode>();
  for (const n of prof.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const key = (n: CpuNode) => {
    const f = n.callFrame;
    const file = f.url ? f.url.replace(/^.*\//, '') : '';
    return `${f.functionName || '(anonymous)'}${file ? ` ${file}:${f.lineNumber + 1}` : ''}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let totalMs = 0;
  prof.samples.forEach((id, i) => {
    const dt = (prof.timeDeltas[i] ?? 0) / 1000;
    totalMs += dt;
    const leaf = byId.get(id);
    if (!leaf) return;
    self.set(key(leaf), (self.get(key(leaf)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let n: CpuNode | undefined = leaf; n; n = byId.get(parent.get(n.id) ?? -1)) {
      const k = key(n);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + dt);
    }
  });
  const hot = [...total.keys()].map((name) => ({ name, self: self.get(name) ?? 0, total: total.get(name) ?? 0 }));
  return { hot, totalMs };
}

/** A CPU profile (V8 sampling every 200 µs) of whatever runs between the hook and its stop. */
export function profiler(): { hook: ProfileHook; result: () => CpuProfile } {
  let prof: CpuProfile | null = null;
  const hook: ProfileHook = async (page) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    return async () => {
      const r = await cdp.send('Profiler.stop');
      prof = r.profile as unknown as CpuProfile;
      await cdp.detach();
    };
  };
  return {
    hook,
    result: () => {
      if (!prof) throw new Error('no profile taken');
      return prof;
    },
  };
}

/** Store actions and engine calls worth seeing by name beside the components. */
export const APP_ENTRY_POINTS = ['simulate', 'openWorldCursor', 'advanceTo', 'loadScenario', 'createSimStore', 'layoutScenario', 'buildHostIndex', 'visibleSteps', 'stepForward', 'seekTo', 'setLanguage', 'openStartup'];

export function printHot(title: string, prof: CpuProfile, top = 15): void {
  const { hot, totalMs } = hottest(prof);
  const special = /^\((idle|program|garbage collector|root)\)/;
  const busy = hot.filter((h) => !special.test(h.name));
  const line = (a: number, b: number, name: string) => `    ${fmt(a).padStart(7)} ${fmt(b).padStart(7)}  ${name}`;
  console.log(`\n${title}: ${fmt(totalMs, 0)} ms sampled; ${hot.filter((h) => special.test(h.name) && !h.name.startsWith('(root')).map((h) => `${h.name} ${fmt(h.self, 0)} ms`).join(', ')}`);
  console.log('     self   total  (ms) by self time');
  for (const h of [...busy].sort((a, b) => b.self - a.self).slice(0, top)) console.log(line(h.self, h.total, h.name));
  console.log('    total    self  (ms) components, hooks and the app\'s entry points by total time');
  const ours = (name: string) => /^[A-Z]\w*[a-z]\w* |^use[A-Z]/.test(name) || APP_ENTRY_POINTS.includes(name.split(' ')[0] ?? '');
  for (const h of busy.filter((x) => ours(x.name)).sort((a, b) => b.total - a.total).slice(0, top)) console.log(line(h.total, h.self, h.name));
}
