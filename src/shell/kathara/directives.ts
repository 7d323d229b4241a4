/**
 * `# lvs-flow: …` comment lines: what a lab export carries that Kathará has no setting for.
 * Kathará and bash read them as comments; the importer reads them back.
 *   lab.conf:      `# lvs-flow: link SEG` (a point-to-point link), `# lvs-flow: latency SEG MS`
 *   HOST.startup:  `# lvs-flow: requests start=MS gap=MS hold=MS` (timing of the curl lines that follow),
 *                  `# lvs-flow: default-page` (the next line writes a page for Kathará; lvs-flow keeps its
 *                  default page, which names the host and the address asked, as the presets do)
 */
export const DIRECTIVE = '# lvs-flow:';

export type Directive =
  | { kind: 'link'; segment: string }
  | { kind: 'latency'; segment: string; ms: number }
  | { kind: 'requests'; startMs: number; gapMs: number; holdMs: number }
  | { kind: 'default-page' };

const MS = '(\\d{1,7})';

export function parseDirective(line: string): Directive | undefined {
  const t = line.trim();
  if (!t.startsWith(DIRECTIVE)) return undefined;
  const body = t.slice(DIRECTIVE.length).trim();
  let m = /^link (\S+)$/.exec(body);
  if (m) return { kind: 'link', segment: m[1] as string };
  m = new RegExp(`^latency (\\S+) ${MS}$`).exec(body);
  if (m) return { kind: 'latency', segment: m[1] as string, ms: Number(m[2]) };
  if (body === 'default-page') return { kind: 'default-page' };
  m = new RegExp(`^requests start=${MS} gap=${MS} hold=${MS}$`).exec(body);
  if (m) return { kind: 'requests', startMs: Number(m[1]), gapMs: Number(m[2]), holdMs: Number(m[3]) };
  return undefined;
}
