/**
 * The compare view's data: each preset run with the same requests and measured (the engine's
 * compare module), and what stepping them together shows: step k is the k-th connection frame
 * of every run (a run that has ended stays on its last), with the director's packets counted
 * up to there. Prefix sums make any step O(1), so a step draws in the next frame.
 */
import { getPreset, type CompareApi, type CompareRow, type I18nText, type PacketHop } from '../../engine';

export interface CompareColumn {
  id: string;
  title: I18nText;
  row: CompareRow;
  hops: PacketHop[];
  /** inAt[k], outAt[k]: packets the director took in / out in the first k hops. */
  inAt: Uint32Array;
  outAt: Uint32Array;
}

function prefix(hops: readonly PacketHop[], pick: (h: PacketHop) => boolean): Uint32Array {
  const out = new Uint32Array(hops.length + 1);
  hops.forEach((h, i) => {
    out[i + 1] = (out[i] ?? 0) + (pick(h) ? 1 : 0);
  });
  return out;
}

/** `api`: the engine's compare module (loadCompare), which the view loads with itself. */
export function buildColumns(api: CompareApi, presets: readonly string[], requests: number): CompareColumn[] {
  const runs = presets.flatMap((id) => {
    const scenario = getPreset(id);
    return scenario ? [{ id, scenario }] : [];
  });
  return api.compareScenarios(runs, { requests }).map((m, i) => ({
    id: m.row.id, title: runs[i]?.scenario.title ?? { en: m.row.id, zh: m.row.id }, row: m.row, hops: m.hops,
    inAt: prefix(m.hops, (h) => h.directorIn), outAt: prefix(m.hops, (h) => h.directorOut),
  }));
}

/** How many steps the lockstep walk has: the longest run's hops. */
export function totalSteps(columns: readonly CompareColumn[]): number {
  return Math.max(0, ...columns.map((c) => c.hops.length));
}

/** What one column shows at step k (0 = before the first frame). */
export function columnAt(c: CompareColumn, step: number): { hop: PacketHop | undefined; index: number; done: boolean; in: number; out: number } {
  const k = Math.min(step, c.hops.length);
  return { hop: k > 0 ? c.hops[k - 1] : undefined, index: k, done: step >= c.hops.length && c.hops.length > 0 && step > 0, in: c.inAt[k] ?? 0, out: c.outAt[k] ?? 0 };
}

/** The quick sets the view offers: the course's three modes, L4 vs L7, a lab vs its broken variant. */
export const COMPARE_SETS = {
  natDrTun: ['nat-course', 'dr-course', 'tun-course'],
  l4l7: ['l4-overview', 'l7-overview'],
  labBroken: ['dr-lab', 'dr-lab-no-arp-sysctl'],
} as const;
