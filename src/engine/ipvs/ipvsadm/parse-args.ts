/**
 * An `ipvsadm` command line as the CLI's `ipvsadm <scenario> -- <options>` passes it: which
 * view it asks for, or exactly what the real tool prints when it refuses the line. Only the
 * views that read the table run here (-L/-l and -S); commands that change it run in the
 * console (a live world) or belong in a rules file. Names are never resolved: -L without -n prints numbers too.
 */
import type { ListOptions } from './format-list';
import type { ServiceKey } from './parse-rules';
import { readIpvsadm, type IpvsadmView } from './request';

export type { IpvsadmView } from './request';

export type IpvsadmArgs =
  | {
      readonly ok: true;
      /** stats and rate are -L layouts too; `list` covers --thresholds, --persistent-conn, --tun-info. */
      readonly view: IpvsadmView;
      /** -n was given (the output is numeric either way). */
      readonly numeric: boolean;
      /** Every -L layout flag, for formatList. */
      readonly list: ListOptions;
      /** -L -t/-u/-f: list this one service only (no version header; "No such service" if absent). */
      readonly service?: ServiceKey;
    }
  /** error: the tool's stderr line; exitCode: its status (2 for fail(), 255 for usage). */
  | { readonly ok: false; readonly error: string; readonly exitCode: number };

export const READ_ONLY =
  'lvs-flow shows the table only here (-L, -l, -S, -h, -v); changes to it (-A -E -D -a -e -d -C -Z --set -R) ' +
  'run in the console, or go in a --rules file';

/**
 * Reads ipvsadm's arguments (without the program name). An empty list is plain `ipvsadm`,
 * which lists the table.
 * @example parseIpvsadmArgs(['-L', '-n', '-c']) // { ok: true, view: 'conns', numeric: true, … }
 */
export function parseIpvsadmArgs(argv: readonly string[]): IpvsadmArgs {
  const r = readIpvsadm(argv);
  if ('ok' in r) return { ok: false, error: r.error, exitCode: r.exitCode };
  if (r.kind !== 'view') return { ok: false, error: READ_ONLY, exitCode: 2 };
  const { kind: _, ...view } = r;
  return { ok: true, ...view };
}
