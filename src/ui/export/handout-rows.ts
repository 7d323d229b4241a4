/**
 * The handout's table: one row per step of the chosen depth (in course view, the hops the slides
 * draw, and the drops), with who sent it where, S and D as the packet's label shows them (the
 * inner header of IP-in-IP, and the destination MAC where only it decides), what this hop changed
 * and the narration, all in the chosen language. Pure: the table is a function of the trace.
 */
import type { TraceJson } from '../../engine';
import { translate, translateDynamic, type Lang } from '../i18n/i18n';
import type { HostIndex } from '../trace/host-index';
import { noteText } from '../trace/note-text';
import { packetAt, REWRITE_ACTIONS } from '../trace/packet-at';
import type { LabelField } from '../trace/packet-label';
import { exportText } from './catalog';

export interface HandoutRow {
  /** 1, 2, … in the table. */
  n: number;
  /** The event's index in the trace. */
  index: number;
  where: string;
  /** Lines: the outer header's, then the inner's (IP-in-IP). */
  s: string[];
  d: string[];
  changed: string;
  narration: string[];
  drop: boolean;
}

const field = (fs: readonly LabelField[] | null | undefined, name: LabelField['name']) => fs?.find((f) => f.name === name);

export function handoutRows(trace: TraceJson, steps: readonly number[], hosts: HostIndex, lang: Lang): HandoutRow[] {
  const t = exportText.translate;
  const name = (id: string) => hosts.name(id, lang);
  const note = (n: Parameters<typeof noteText>[1]) => noteText(lang, n, trace, hosts);
  const rows: HandoutRow[] = [];
  for (const index of steps) {
    const e = trace.events[index];
    if (!e) continue;
    const base = { n: rows.length + 1, index };
    if (e.kind !== 'frame') {
      const reason = e.kind === 'drop' ? translateDynamic(lang, `reasons.${e.reason}`) : '';
      const ip = e.kind === 'drop' ? e.ip : undefined;
      rows.push({
        ...base, where: name(e.host), s: ip ? [ip.src] : [], d: ip ? [ip.dst] : [],
        changed: e.kind === 'drop' ? t(lang, 'handout.dropped', { reason }) : e.action,
        narration: [note(e.note)], drop: e.kind === 'drop',
      });
      continue;
    }
    const p = packetAt(trace, index, hosts, lang);
    const label = p?.label;
    const where = `${name(e.from.host)} → ${e.to.map((r) => name(r.host)).join(', ')}`;
    const causes = (p?.causes ?? []).filter((c) => REWRITE_ACTIONS.has(c.action)).map((c) => note(c.note));
    if (label?.kind !== 'ip') {
      const arp = label?.kind === 'arp'
        ? (label.op === 'request' ? translate(lang, 'label.arpRequest', { target: label.targetIp }) : translate(lang, 'label.arpReply', { ip: label.senderIp, owner: label.owner }))
        : '';
      rows.push({ ...base, where, s: label ? [label.senderIp] : [], d: label ? [label.targetIp] : [], changed: arp, narration: [note(e.note)], drop: false });
      continue;
    }
    const inner = label.inner;
    const s = [field(label.outer, 'S')?.value ?? '', ...(inner ? [`[${field(inner, 'S')?.value ?? ''}]`] : [])];
    const dmac = field(label.outer, 'DMAC');
    const d = [field(label.outer, 'D')?.value ?? '', ...(inner ? [`[${field(inner, 'D')?.value ?? ''}]`] : []), ...(dmac ? [`DMAC: ${dmac.value}`] : [])];
    const was = [...label.outer, ...(inner ?? [])].filter((f) => f.was !== undefined).map((f) => `${f.name} ${t(lang, 'handout.was', { value: f.was ?? '' })}`);
    const names = label.rewrites.map((r) => translate(lang, `label.${r}`));
    const changed = [...names, ...was].join(' · ') || t(lang, p?.prev ? 'handout.unchanged' : 'handout.first');
    // Two decisions can say the same thing (the same rewrite logged by two hooks): say it once.
    rows.push({ ...base, where, s, d, changed, narration: [...new Set([...causes, note(e.note)])], drop: false });
  }
  return rows;
}
