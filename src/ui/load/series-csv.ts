/**
 * The load view's series as CSV (RFC 4180, `\r\n` lines): a header row, then one row per sample
 * per run, so a class can redraw the charts in a spreadsheet. A server absent from a sample
 * (removed) has empty cells there.
 */
import { serverNames, type LoadPoint } from './series';

const SERVER_FIELDS = ['active', 'inactive', 'conns', 'weight', 'packets', 'bytes'] as const;

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
  const names = serverNames(runs.flatMap((r) => r.points));
  const header = ['run', 't_s',
    ...names.flatMap((n) => SERVER_FIELDS.map((f) => `${n}_${f}`)),
    ...names.map((n) => `${n}_down`),
    'director_in_packets', 'director_out_packets', 'director_in_bytes', 'director_out_bytes',
    'ended_ok', 'ended_reset', 'ended_lost'];
  const rows = [header.map(cell).join(',')];
  for (const run of runs) {
    for (const p of run.points) {
      const server = names.flatMap((n) => SERVER_FIELDS.map((f) => p.servers[n]?.[f] ?? ''));
      const down = names.map((n) => (p.servers[n] === undefined ? '' : p.servers[n].down ? 1 : 0));
      const d = p.director;
      rows.push([run.label, p.t / 1000, ...server, ...down, d.inPackets, d.outPackets, d.inBytes, d.outBytes,
        p.ended.ok, p.ended.reset, p.ended.lost].map(cell).join(','));
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}
