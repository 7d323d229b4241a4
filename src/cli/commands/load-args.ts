/**
 * `load`'s own options (docs/cli.md, "Added in the second release"), read into the engine's
 * LoadOptions. A bad value is one line naming the option and what it expects.
 */
import type { HealthCheckSpec, LoadOptions, TimedLoadChange } from '../../engine';
import { CliError } from '../cli-error';

const FLAGS = new Set(['--clients', '--requests', '--rate', '--keepalive-ms', '--seed', '--weights', '--scheduler', '--fail', '--restore', '--health', '--sample-ms', '--format']);

/** The engine names its options; the CLI names its flags. */
const FLAG_OF: Readonly<Record<string, string>> = {
  clients: '--clients', requests: '--requests', ratePerS: '--rate', keepAliveMs: '--keepalive-ms', seed: '--seed', weights: '--weights',
  scheduler: '--scheduler', sampleMs: '--sample-ms', health: '--health', changes: '--fail/--restore',
};

/** An engine problem with its option's name replaced by the flag's. */
export function withFlagName(message: string): string {
  const m = /^([A-Za-z]+): /.exec(message);
  const flag = m ? FLAG_OF[m[1] as string] : undefined;
  return flag ? `${flag}: ${message.slice((m as RegExpExecArray)[0].length)}` : message;
}

function whole(flag: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) throw new CliError(`${flag}: expected a whole number from ${min} to ${max}, found "${text}"`);
  return Number(text);
}

function positive(flag: string, text: string, unit: string): number {
  const n = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(n > 0)) throw new CliError(`${flag}: expected ${unit} above 0, found "${text}"`);
  return n;
}

function weights(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of text.split(',')) {
    const m = /^([A-Za-z][\w-]*)=(\d+)$/.exec(part);
    if (!m) throw new CliError(`--weights: expected HOST=WEIGHT pairs separated by commas (RS1=3,RS2=1), found "${text}"`);
    out[m[1] as string] = whole('--weights', m[2] as string, 0, 2_147_483_647);
  }
  return out;
}

function timed(flag: '--fail' | '--restore', text: string): TimedLoadChange {
  const m = /^([A-Za-z][\w-]*)@(\d+(?:\.\d+)?)$/.exec(text);
  if (!m) throw new CliError(`${flag}: expected HOST@SECONDS (RS1@30), found "${text}"`);
  const server = m[1] as string;
  return { atMs: Number(m[2]) * 1000, change: { kind: flag === '--fail' ? 'fail' : 'restore', server } };
}

function health(text: string): HealthCheckSpec {
  const parts = text.split(',');
  const bad = (): never => {
    throw new CliError(`--health: expected INTERVAL_S,FAILS,RISES[,remove] (5,3,2 or 5,3,2,remove), found "${text}"`);
  };
  if (parts.length < 3 || parts.length > 4 || (parts[3] !== undefined && parts[3] !== 'remove')) return bad();
  if (!/^\d+(\.\d+)?$/.test(parts[0] as string) || !(Number(parts[0]) > 0)) return bad();
  if (!/^[1-9]\d*$/.test(parts[1] as string) || !/^[1-9]\d*$/.test(parts[2] as string)) return bad();
  return { intervalS: Number(parts[0]), fails: Number(parts[1]), rises: Number(parts[2]), action: parts[3] === 'remove' ? 'remove' : 'weight-0' };
}

export function parseLoadArgs(argv: readonly string[]): { scenario: string | undefined; options: LoadOptions } {
  let scenario: string | undefined;
  const o: { -readonly [K in keyof LoadOptions]?: LoadOptions[K] } = {};
  const changes: TimedLoadChange[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (!a.startsWith('--')) {
      if (scenario !== undefined) throw new CliError(`load: expected one scenario, found "${scenario}" and "${a}"`);
      scenario = a;
      continue;
    }
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (!FLAGS.has(flag)) throw new CliError(`load: unknown option ${flag}`);
    const v = inline ?? argv[++i];
    if (v === undefined) throw new CliError(`${flag}: expected a value`);
    switch (flag) {
      case '--clients': o.clients = whole(flag, v, 1, 1000); break;
      case '--requests': o.requests = whole(flag, v, 1, 100_000_000); break;
      case '--rate': o.ratePerS = positive(flag, v, 'requests per second'); break;
      case '--keepalive-ms': o.keepAliveMs = whole(flag, v, 0, 86_400_000); break;
      case '--seed': o.seed = whole(flag, v, 0, 4_294_967_295); break;
      case '--weights': o.weights = weights(v); break;
      case '--scheduler': o.scheduler = v; break;
      case '--fail':
      case '--restore': changes.push(timed(flag, v)); break;
      case '--health': o.health = health(v); break;
      case '--sample-ms': o.sampleMs = positive(flag, v, 'milliseconds'); break;
      case '--format': if (v !== 'json') throw new CliError(`--format: expected json, found "${v}"`); break;
    }
  }
  if (o.clients === undefined) throw new CliError('--clients: expected a whole number from 1 to 1000, found nothing');
  if (o.requests === undefined) throw new CliError('--requests: expected a whole number from 1 to 100000000, found nothing');
  return { scenario, options: { ...o, clients: o.clients, ...(changes.length ? { changes } : {}) } };
}
