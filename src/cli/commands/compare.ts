/**
 * `compare <scenario> <scenario> [<scenario>]`: each scenario run with the same requests, and
 * what each run measured (docs/cli.md): a table, one column a scenario, or the JSON document.
 */
import { compareScenarios, type CompareRow } from '../../engine';
import type { CommonOptions } from '../args';
import { CliError } from '../cli-error';
import { loadScenario } from '../load-scenario';

const MODE_LABEL = { nat: 'NAT (masq)', dr: 'DR (gate)', tun: 'TUN (ipip)', l7: 'L7 proxy', none: 'no director' } as const;

const yesNo = (b: boolean): string => (b ? 'yes' : 'no');
const path = (hosts: readonly string[]): string => (hosts.length ? hosts.join(' → ') : '-');

/** The table's rows: a label, then one cell per scenario. */
const ROWS: ReadonlyArray<readonly [string, (r: CompareRow) => string]> = [
  ['mode', (r) => MODE_LABEL[r.mode]],
  ['requests', (r) => String(r.requests)],
  ['hops per request', (r) => String(r.hops_per_request)],
  ['director in packets', (r) => String(r.director.in_packets)],
  ['director out packets', (r) => String(r.director.out_packets)],
  ['director in bytes', (r) => String(r.director.in_bytes)],
  ['director out bytes', (r) => String(r.director.out_bytes)],
  ['reply via director', (r) => yesNo(r.reply_via_director)],
  ['ports rewritten', (r) => yesNo(r.ports_rewritten)],
  ['one broadcast domain', (r) => yesNo(r.one_broadcast_domain)],
  ['hosts touched', (r) => r.hosts_touched.join(' ')],
  ['request path', (r) => path(r.paths.request)],
  ['reply path', (r) => path(r.paths.reply)],
];

export function formatCompareTable(rows: readonly CompareRow[]): string {
  const lines = [['', ...rows.map((r) => r.id)], ...ROWS.map(([label, cell]) => [label, ...rows.map(cell)])];
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => [...(l[i] ?? '')].length)));
  return lines.map((l) => l.map((c, i) => (i === l.length - 1 ? c : c.padEnd(widths[i]! + 2))).join('').trimEnd()).join('\n') + '\n';
}

export function compareCommand(positional: string[], opts: CommonOptions): string {
  if (positional.length < 2 || positional.length > 3) {
    throw new CliError(`compare: expected two or three scenarios, found ${positional.length}`);
  }
  if (opts.rules !== undefined || opts.out !== undefined || opts.step !== undefined || opts.lang !== undefined || opts.course || opts.all) {
    throw new CliError('compare: takes only --requests N, --seed S and --format table|json');
  }
  const runs = positional.map((arg) => ({ id: arg, scenario: loadScenario(arg).scenario }));
  const measured = compareScenarios(runs, { ...(opts.requests !== undefined ? { requests: opts.requests } : {}), ...(opts.seed !== undefined ? { seed: opts.seed } : {}) });
  const rows = measured.map((m) => m.row);
  if (opts.format === 'json') return JSON.stringify({ scenarios: rows }) + '\n';
  return formatCompareTable(rows);
}
