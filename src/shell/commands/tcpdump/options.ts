/**
 * tcpdump 4.99's command line as glibc's getopt_long reads it (SHORTOPTS in tcpdump.c): flags
 * may be bundled (`-nne`), an option's argument attached or next (`-c3`, `-c 3`), options and
 * filter words mixed (getopt permutes), `--` ends options. The filter is the other words joined
 * by spaces. Options lvs-flow does not simulate are refused by name; the rest follow tcpdump.
 */
import { USAGE_TEXT } from './usage';

export interface TcpdumpOptions {
  readonly numeric: boolean;
  readonly link: boolean;
  readonly quiet: boolean;
  readonly verbose: number;
  readonly count: number | undefined;
  readonly iface: string | undefined;
  readonly version: boolean;
  readonly filter: string;
}

export type ParseOptionsResult = { ok: true; options: TcpdumpOptions } | { ok: false; stderr: string; status: number };

/** Every short option tcpdump 4.99.3 knows (Debian's build), and whether it takes an argument. */
const WITH_ARG = new Set('BcCEFGijmMQrsTVwWyzZ'.split(''));
const FLAGS = new Set('aAbdDefhHIJKlLnNOpqStuUvxXY#'.split(''));
/** Flags that change nothing here: -l (line-buffered, which the console always is), -n twice, -p, -U, --immediate-mode. */
const NO_EFFECT = new Set(['l', 'p', 'U']);
const LONG_WITH_ARG: Record<string, string> = { count: 'c', interface: 'i', 'buffer-size': 'B', 'snapshot-length': 's', 'time-stamp-type': 'j', 'time-stamp-precision': '', direction: 'Q', 'relinquish-privileges': 'Z' };
const LONG_FLAGS: Record<string, string> = { version: 'version', help: 'h', 'list-interfaces': 'D', 'list-time-stamp-types': 'J', 'immediate-mode': 'immediate', micro: 'micro', nano: 'nano', number: '#', print: 'print', 'monitor-mode': 'I', 'dont-verify-checksums': 'K' };

const usageError = (line: string): ParseOptionsResult => ({ ok: false, stderr: `tcpdump: ${line}\n${USAGE_TEXT}`, status: 1 });
const unsimulated = (opt: string): ParseOptionsResult => ({ ok: false, stderr: `lvs-flow: tcpdump: option ${opt} is not simulated (only -n -nn -e -q -v -l -c N -i IF, --version, and a filter)\n`, status: 2 });

export function parseTcpdumpArgs(args: readonly string[]): ParseOptionsResult {
  let numeric = false;
  let link = false;
  let quiet = false;
  let verbose = 0;
  let count: number | undefined;
  let iface: string | undefined;
  let version = false;
  const words: string[] = [];
  const apply = (opt: string, arg: string | undefined): ParseOptionsResult | undefined => {
    switch (opt) {
      case 'n': numeric = true; return undefined;
      case 'e': link = true; return undefined;
      case 'q': quiet = true; return undefined;
      case 'v': verbose++; return undefined;
      case 'i': iface = arg; return undefined;
      case 'version': version = true; return undefined;
      case 'c': {
        // atoi(): leading digits, 0 for none; tcpdump refuses anything not positive.
        const n = parseInt(arg ?? '', 10);
        if (!(n > 0)) return { ok: false, stderr: `tcpdump: invalid packet count ${arg ?? ''}\n`, status: 1 };
        count = n;
        return undefined;
      }
      default:
        if (NO_EFFECT.has(opt) || opt === 'immediate') return undefined;
        return unsimulated(opt.length === 1 ? `-${opt}` : `--${opt}`);
    }
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      words.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [name = '', attached] = a.slice(2).split(/=(.*)/s);
      const withArg = LONG_WITH_ARG[name];
      const flag = LONG_FLAGS[name];
      if (withArg === undefined && flag === undefined) return usageError(`unrecognized option '${a}'`);
      if (withArg !== undefined) {
        const arg = attached ?? args[++i];
        if (arg === undefined) return usageError(`option '--${name}' requires an argument`);
        const r = apply(withArg || name, arg);
        if (r) return r;
      } else {
        if (attached !== undefined) return usageError(`option '--${name}' doesn't allow an argument`);
        const r = apply(flag as string, undefined);
        if (r) return r;
      }
      continue;
    }
    if (!a.startsWith('-') || a === '-') {
      words.push(a);
      continue;
    }
    for (let k = 1; k < a.length; k++) {
      const c = a[k] as string;
      if (WITH_ARG.has(c)) {
        const arg = k + 1 < a.length ? a.slice(k + 1) : args[++i];
        if (arg === undefined) return usageError(`option requires an argument -- '${c}'`);
        const r = apply(c, arg);
        if (r) return r;
        break;
      }
      if (!FLAGS.has(c)) return usageError(`invalid option -- '${c}'`);
      const r = apply(c, undefined);
      if (r) return r;
    }
  }
  // -vv and more decode further (TCP sequence numbers on every segment, more options): not simulated.
  if (verbose > 1) return unsimulated('-vv');
  return { ok: true, options: { numeric, link, quiet, verbose, count, iface, version, filter: words.join(' ') } };
}
