/**
 * The load view's series as CSV (RFC 4180, `\r\n` lines): a header row, then one row per sample
 * per run, so a class can redraw the charts in a spreadsheet. A server absent from a sample
 * (removed) has empty cells there.
 */
import { serverNames, type LoadPoint } from './series';

const SERVER_FIELDS = ['active', 'inactive', 'conns', 'weight', 'inPackets', 'outPackets', 'inBytes', 'outBytes'] as const;

export interface CsvRun {
  /** What tells the runs apart in the first column, e.g. the scheduler's name. */
  label: string;
  points: readonly LoadPoint[];
}

const cell = (v: string | number): string => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function seriesCsv(runs: readonly CsvRun[]): string {
  // RS1, RS2, … whatever order the director lists them in.
  const names = serverNames(runs.flatMap((r) => r.points)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const header = ['run', 't_s',
    ...names.flatMap((n) => SERVER_FIELDS.map((f) => `${n}_${f}`)),
    ...names.map((n) => `${n}_up`),
    'director_in_packets', 'director_out_packets', 'director_in_bytes', 'director_out_bytes',
    'requests_started', 'requests_ok', 'requests_failed', 'disrupted_kept', 'disrupted_reset', 'disrupted_lost'];
  const rows = [header.map(cell).join(',')];
  for (const run of runs) {
    for (const p of run.points) {
      const server = names.flatMap((n) => SERVER_FIELDS.map((f) => p.servers[n]?.[f] ?? ''));
      const up = names.map((n) => (p.servers[n] === undefined ? '' : p.servers[n].up ? 1 : 0));
      const d = p.director;
      const r = p.requests;
      const x = p.disrupted;
      rows.push([run.label, p.t / 1000, ...server, ...up, d.inPackets, d.outPackets, d.inBytes, d.outBytes,
        r.started, r.ok, r.failed, x.kept, x.reset, x.lost].map(cell).join(','));
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}
