/**
 * `load <scenario> --clients N --requests R …`: many clients through the director, printed as
 * the contract's JSON: a sample every --sample-ms of simulated time, then the totals.
 */
import { startLoadRun, type LoadSample, type LoadTotals } from '../../engine';
import { CliError } from '../cli-error';
import { loadScenario } from '../load-scenario';
import { parseLoadArgs, withFlagName } from './load-args';

const ms = (t: number): number => Math.round(t * 1000) / 1000;

function sampleJson(s: LoadSample): unknown {
  const servers: Record<string, unknown> = {};
  for (const [id, v] of Object.entries(s.servers)) {
    servers[id] = { active: v.active, inactive: v.inactive, conns: v.conns, weight: v.weight, in_packets: v.inPackets, out_packets: v.outPackets, in_bytes: v.inBytes, out_bytes: v.outBytes, up: v.up };
  }
  const d = s.director;
  return {
    t: ms(s.t), servers, director: { in_packets: d.inPackets, out_packets: d.outPackets, in_bytes: d.inBytes, out_bytes: d.outBytes },
    requests: s.requests, disrupted: s.disrupted,
  };
}

function totalsJson(t: LoadTotals): unknown {
  const d = t.director;
  return {
    requests: t.requests, ok: t.ok, failed: t.failed, servers: t.servers,
    director: { conns: d.conns, in_packets: d.inPackets, out_packets: d.outPackets, in_bytes: d.inBytes, out_bytes: d.outBytes },
    disrupted: t.disrupted,
  };
}

export function loadCommand(argv: readonly string[]): string {
  const { scenario: arg, options } = parseLoadArgs(argv);
  const { scenario } = loadScenario(arg);
  const started = startLoadRun(scenario, options);
  if (!started.ok) throw new CliError(withFlagName(started.message));
  const run = started.run;
  const series = run.advance(Infinity).map(sampleJson);
  return `${JSON.stringify({ series, totals: totalsJson(run.totals()) })}\n`;
}
