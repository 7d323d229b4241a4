/**
 * The trace's frames as a table for files: CSV (RFC 4180 quoting) and a Markdown table, one row
 * per frame (one hop). The CLI's `trace --format csv|md` and the app's exports both print these,
 * so the two give the same bytes. The engine writes no prose: the note's text comes in as an
 * argument (the callers pass its English, docs/cli.md).
 */
import type { EndpointJson, FrameEventJson, IpJson, NoteJson, TraceJson } from './trace-json';

export const FRAME_COLUMNS = [
  'seq', 't', 'segment', 'from', 'to', 'eth_src', 'eth_dst', 'eth_type',
  'ip_src', 'ip_dst', 'ip_ttl', 'ip_proto', 'inner_src', 'inner_dst', 'sport', 'dport', 'flags', 'len', 'note',
] as const;

export type FrameRow = Record<(typeof FRAME_COLUMNS)[number], string>;

const endpoint = (e: EndpointJson): string => `${e.host}.${e.if}`;

/** The transport the hop carries: the inner one inside IP-in-IP. */
function transport(ip: IpJson | undefined) {
  const carrier = ip?.inner ?? ip;
  return carrier?.tcp ?? carrier?.udp;
}

export function frameRow(e: FrameEventJson, noteText: (note: NoteJson) => string): FrameRow {
  const ip = e.ip;
  const l4 = transport(ip);
  const tcp = ip?.inner ? ip.inner.tcp : ip?.tcp;
  return {
    seq: String(e.seq),
    t: String(e.t),
    segment: e.segment,
    from: endpoint(e.from),
    // Every receiver of a broadcast, space-separated.
    to: e.to.map(endpoint).join(' '),
    eth_src: e.eth.src,
    eth_dst: e.eth.dst,
    eth_type: e.eth.type,
    ip_src: ip?.src ?? '',
    ip_dst: ip?.dst ?? '',
    ip_ttl: ip ? String(ip.ttl) : '',
    ip_proto: ip?.proto ?? '',
    inner_src: ip?.inner?.ip.src ?? '',
    inner_dst: ip?.inner?.ip.dst ?? '',
    sport: l4 ? String(l4.sport) : '',
    dport: l4 ? String(l4.dport) : '',
    flags: tcp ? tcp.flags.join(' ') : '',
    len: l4 ? String(l4.len) : '',
    note: noteText(e.note),
  };
}

export function frameRows(trace: Pick<TraceJson, 'events'>, noteText: (note: NoteJson) => string): FrameRow[] {
  return trace.events.filter((e): e is FrameEventJson => e.kind === 'frame').map((e) => frameRow(e, noteText));
}

/** RFC 4180: a field holding a comma, a double quote or a line break is quoted, its quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header row, then one row per frame; lines end in LF. */
export function formatFramesCsv(trace: Pick<TraceJson, 'events'>, noteText: (note: NoteJson) => string): string {
  const lines = [FRAME_COLUMNS.join(','), ...frameRows(trace, noteText).map((r) => FRAME_COLUMNS.map((c) => csvField(r[c])).join(','))];
  return `${lines.join('\n')}\n`;
}

/** A Markdown (GFM) table cell: `|` escaped, a line break as `<br>`. */
export function mdCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

const NUMERIC: ReadonlySet<string> = new Set(['seq', 't', 'ip_ttl', 'sport', 'dport', 'len']);

/** The same rows as a Markdown table, numbers right-aligned. */
export function formatFramesMarkdown(trace: Pick<TraceJson, 'events'>, noteText: (note: NoteJson) => string): string {
  const row = (cells: readonly string[]) => `| ${cells.map(mdCell).join(' | ')} |`;
  const lines = [
    row(FRAME_COLUMNS),
    `|${FRAME_COLUMNS.map((c) => (NUMERIC.has(c) ? '---:' : '---')).join('|')}|`,
    ...frameRows(trace, noteText).map((r) => row(FRAME_COLUMNS.map((c) => r[c]))),
  ];
  return `${lines.join('\n')}\n`;
}
