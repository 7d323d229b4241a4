/**
 * `ipvsadm <argv>` on a simulated director: its stdout, or its stderr and exit status.
 * This is what the CLI's `ipvsadm` command and the app's table panel print: the views, and
 * the help and version texts (usage_exit and version_exit take the first option only).
 */
import type { IpvsConn, ServiceState } from '../types';
import { formatConns } from './format-conns';
import { formatList, formatListService } from './format-list';
import { formatSave } from './format-save';
import { parseIpvsadmArgs } from './parse-args';
import { sameService } from './parse-rules';
import { IPVS_ERRORS } from './kernel-errors';
import { readIpvsadm } from './request';
import { ipvsadmUsage, IPVSADM_VERSION_LINE } from './usage';

export interface IpvsadmTable {
  /** In the kernel's order; ipvsadm sorts them. */
  readonly services: readonly ServiceState[];
  /** In the kernel's hash-table order; ipvsadm prints them as they come. */
  readonly conns: readonly IpvsConn[];
  /** Simulated ms, for the seconds left on each connection entry. */
  readonly now: number;
  /** What `-L --timeout` prints, in seconds (default: the kernel's 900 120 300). */
  readonly timeouts?: { readonly tcpS: number; readonly tcpFinS: number; readonly udpS: number };
  /** ip_vs_conn_tab_size (default 4096). */
  readonly tableSize?: number;
}

export type IpvsadmOutput =
  | { readonly ok: true; readonly stdout: string }
  | { readonly ok: false; readonly stderr: string; readonly exitCode: number };

/**
 * Runs a read-only ipvsadm command line against a table.
 * @example runIpvsadm(['-L', '-n'], { services, conns: [], now: 0 }).stdout
 */
export function runIpvsadm(argv: readonly string[], table: IpvsadmTable): IpvsadmOutput {
  const req = readIpvsadm(argv);
  if (!('ok' in req) && req.kind === 'help') return { ok: true, stdout: ipvsadmUsage('ipvsadm') };
  if (!('ok' in req) && req.kind === 'version') return { ok: true, stdout: IPVSADM_VERSION_LINE };
  const args = parseIpvsadmArgs(argv);
  if (!args.ok) return { ok: false, stderr: `${args.error}\n`, exitCode: args.exitCode };
  const named = { ...args.list, numeric: args.numeric };
  const list = table.tableSize === undefined ? named : { ...named, tableSize: table.tableSize };
  switch (args.view) {
    case 'save':
      return { ok: true, stdout: formatSave(table.services, args.numeric) };
    case 'conns':
      return { ok: true, stdout: formatConns(table.conns, table.now, { persistentConn: list.persistentConn ?? false }) };
    case 'timeout': {
      const t = table.timeouts ?? { tcpS: 900, tcpFinS: 120, udpS: 300 };
      return { ok: true, stdout: `Timeout (tcp tcpfin udp): ${t.tcpS} ${t.tcpFinS} ${t.udpS}\n` };
    }
    case 'daemon':
      return { ok: true, stdout: '' }; // no sync daemon runs in the simulation
    default:
      break;
  }
  const key = args.service;
  if (key === undefined) return { ok: true, stdout: formatList(table.services, list) };
  const svc = table.services.find((s) => sameService(s.config, key));
  if (!svc) return { ok: false, stderr: `${IPVS_ERRORS.noSuchService}\n`, exitCode: 1 };
  return { ok: true, stdout: formatListService(svc, list) };
}
