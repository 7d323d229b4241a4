/** `trace <scenario>`: the hop-by-hop trace as the course's table, or the contract's JSON. */
import { formatCourseTable, formatTable, simulate } from '../../engine';
import { traceCsv, traceMarkdown } from '../../ui/export/trace-text';
import type { CommonOptions } from '../args';
import { loadScenario, withRulesFile } from '../load-scenario';

export function traceCommand(positional: string[], opts: CommonOptions): string {
  const { scenario, name } = loadScenario(positional[0]);
  const s = withRulesFile(scenario, opts.rules);
  const r = simulate(s, { ...(opts.seed !== undefined ? { seed: opts.seed } : {}), ...(opts.requests !== undefined ? { requests: opts.requests } : {}) });
  const trace = { ...r.trace, scenario: name };
  if (opts.format === 'json') return JSON.stringify(trace) + '\n';
  if (opts.format === 'csv') return traceCsv(trace);
  if (opts.format === 'md') return traceMarkdown(trace);
  if (opts.course) return formatCourseTable(trace, Object.fromEntries(s.hosts.map((h) => [h.id, h.role])));
  const ok = r.stats.requestsOk;
  const failed = r.stats.requestsFailed;
  return `${formatTable(trace, opts.all)}# ${name}: ${trace.events.length} events, ${r.stats.frames} frames, requests ok ${ok}, failed ${failed}, ended: ${r.stopReason} at t=${r.final.t} ms\n`;
}
