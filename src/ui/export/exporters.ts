/**
 * What each item of the Export menu makes from the store's state: a file's name, type and bytes.
 * The trace's CSV and Markdown are the CLI's (trace-text.ts), the capture is the CLI's `pcap`
 * (the engine's writer over the same run), the pictures are the topology as drawn now.
 */
import { pcapOf } from '../../engine';
import { textIn } from '../i18n/i18n';
import { type SimStore } from '../store/types';
import { exportText } from './catalog';
import { standaloneSvg } from './standalone-svg';
import { svgToPng } from './svg-to-png';
import { traceCsv, traceMarkdown } from './trace-text';

/** Slides' resolution: 16:9 full HD. */
export const SLIDE = { width: 1920, height: 1080 } as const;

export type ExportKind = 'pcap' | 'svg' | 'png' | 'csv' | 'md';
export const EXPORT_KINDS: readonly ExportKind[] = ['pcap', 'svg', 'png', 'csv', 'md'];

export type Made = { ok: true; blob: Blob; fileName: string } | { ok: false; message: string };

/** Enhanced Packet Blocks in a pcapng file (block type 6, little-endian as our writer makes it). */
export function pcapPacketCount(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let n = 0;
  for (let at = 0; at + 8 <= bytes.length;) {
    if (view.getUint32(at, true) === 6) n++;
    const len = view.getUint32(at + 4, true);
    if (len < 12) break;
    at += len;
  }
  return n;
}

function topologySvg(s: SimStore): string {
  const svg = document.querySelector<SVGSVGElement>('svg[data-testid="topology"]');
  if (!svg) throw new Error('no topology on the page');
  const title = s.scenario ? `${textIn(s.language, s.scenario.title)} · ${s.cursor + 1} / ${s.steps.length}` : 'lvs-flow';
  return standaloneSvg(svg, { ...SLIDE, title });
}

export async function makeExport(kind: ExportKind, s: SimStore): Promise<Made> {
  const { scenario, trace } = s;
  if (!scenario || !trace) return { ok: false, message: 'no trace' };
  const t = (key: Parameters<typeof exportText.translate>[1], params?: Record<string, number>) => exportText.translate(s.language, key, params);
  const step = `${scenario.id}-step${s.cursor + 1}`;
  switch (kind) {
    case 'csv':
      return { ok: true, blob: new Blob([traceCsv(trace)], { type: 'text/csv;charset=utf-8' }), fileName: `${scenario.id}.csv` };
    case 'md':
      return { ok: true, blob: new Blob([traceMarkdown(trace)], { type: 'text/markdown;charset=utf-8' }), fileName: `${scenario.id}.md` };
    case 'pcap': {
      // The engine writes a capture of a scenario's run; a console session's trace is not one.
      if (s.consoleLines.length > 0) return { ok: false, message: t('error.pcapConsole') };
      const bytes = pcapOf(scenario);
      const made = pcapPacketCount(bytes);
      const shown = trace.events.filter((e) => e.kind === 'frame').length;
      if (made !== shown) return { ok: false, message: t('error.pcapMismatch', { made, shown }) };
      return { ok: true, blob: new Blob([bytes as BlobPart], { type: 'application/x-pcapng' }), fileName: `${scenario.id}.pcapng` };
    }
    case 'svg':
      return { ok: true, blob: new Blob([topologySvg(s)], { type: 'image/svg+xml' }), fileName: `${step}.svg` };
    case 'png':
      return { ok: true, blob: await svgToPng(topologySvg(s), SLIDE.width, SLIDE.height), fileName: `${step}.png` };
    default: {
      const never: never = kind;
      return never;
    }
  }
}
