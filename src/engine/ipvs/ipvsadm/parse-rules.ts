/**
 * Rules in ipvsadm-restore's language, as `ipvsadm-save -n` writes them, read into commands
 * for the IPVS table. ipvsadm-restore is a shell script: it drops lines that start with `#`
 * (grep -v '^#'), flushes the table and pipes the rest to `ipvsadm -R`, whose
 * config_stream_read() splits each line at spaces, tabs and CRs, skips the word `ipvsadm`
 * and runs the line through the same option parser as the command line. A `#` later in a
 * line is not a comment there: it is an unexpected argument.
 */
import type { Ipv4 } from '../../addr/ipv4';
import type { DestConfig, ServiceConfig, ServiceProto } from '../types';
import { readIpvsadm } from './request';

/** How the kernel finds a service: by fwmark, or by protocol, VIP and port. */
export interface ServiceKey {
  readonly proto: ServiceProto;
  readonly vip: Ipv4;
  readonly port: number;
  /** Non-zero for -f services (then vip and port are 0). */
  readonly fwmark: number;
}

/** One line of a rules file; `line` is its 1-based number in the text. */
export type RuleCommand =
  | { readonly op: 'add-service'; readonly line: number; readonly config: ServiceConfig }
  /** -E replaces the whole configuration: an omitted -s means wlc, an omitted -p drops persistence. */
  | { readonly op: 'edit-service'; readonly line: number; readonly config: ServiceConfig }
  | { readonly op: 'delete-service'; readonly line: number; readonly service: ServiceKey }
  | {
      readonly op: 'add-dest' | 'edit-dest';
      readonly line: number;
      readonly service: ServiceKey;
      /** What the kernel is given; for -g/-i the port is already the service's. */
      readonly config: DestConfig;
      /** The port written after -r when ipvsadm replaced it (-g/-i on a non-fwmark service). */
      readonly requestedPort?: number;
    }
  | { readonly op: 'delete-dest'; readonly line: number; readonly service: ServiceKey; readonly addr: Ipv4; readonly port: number }
  | { readonly op: 'clear'; readonly line: number };

export type ParseRulesResult =
  /** warnings: what the real tool does silently (a port it ignores), for teaching; never its output. */
  | { readonly ok: true; readonly value: RuleCommand[]; readonly warnings: string[] }
  /** error: the tool's message, exactly; line: where (1-based). */
  | { readonly ok: false; readonly error: string; readonly line: number };

/**
 * The lines `ipvsadm -R` runs (config_stream_read): words split at spaces, tabs and CRs, the
 * word `ipvsadm` dropped, empty lines skipped. A `#` line is not a comment here: its first
 * word is not an option, and ipvsadm -R stops with its "Try `ipvsadm -h'" line.
 */
export function streamLines(text: string): Array<{ line: number; argv: string[] }> {
  const out: Array<{ line: number; argv: string[] }> = [];
  text.split('\n').forEach((raw, i) => {
    const argv = raw.split(/[ \t\r]+/).filter((w) => w !== '' && w !== 'ipvsadm');
    if (argv.length > 0) out.push({ line: i + 1, argv });
  });
  return out;
}

/** The lines `ipvsadm-restore` runs: its `grep -v '^#'` drops lines starting with `#` first. */
export function restoreLines(text: string): Array<{ line: number; argv: string[] }> {
  const kept = text.split('\n').map((raw) => (raw.startsWith('#') ? '' : raw));
  return streamLines(kept.join('\n'));
}

/**
 * Reads a rules file. Stops at the first line the real tool would refuse, with its message.
 * @example parseRules('-A -t 10.10.10.100:80 -s rr\n-a -t 10.10.10.100:80 -r 10.10.10.12:80 -g -w 1\n')
 */
export function parseRules(text: string): ParseRulesResult {
  const value: RuleCommand[] = [];
  const warnings: string[] = [];
  for (const { line, argv } of restoreLines(text)) {
    const r = readIpvsadm(argv, { readingStdin: true, tableFreeChecks: true, line });
    if ('ok' in r) return { ok: false, error: r.error, line };
    if (r.kind !== 'rule') return { ok: false, error: 'lvs-flow rules take only -A, -E, -D, -a, -e, -d and -C lines', line };
    value.push(r.rule);
    if (r.warning !== undefined) warnings.push(`line ${line}: ${r.warning}`);
  }
  return { ok: true, value, warnings };
}

/** The kernel's lookup: fwmark services by mark, the others by protocol, address and port. */
export function sameService(a: ServiceKey, b: ServiceKey): boolean {
  if (a.fwmark || b.fwmark) return a.fwmark === b.fwmark;
  return a.proto === b.proto && a.vip === b.vip && a.port === b.port;
}
