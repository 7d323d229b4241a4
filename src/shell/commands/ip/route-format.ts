/**
 * One route as `ip route show` prints it (iproute.c print_route): the type unless unicast,
 * the destination, then `via`, `dev`, `table`, `proto` (not for boot), `scope` (not for
 * global), `src` and flags, each followed by a space. A field the filter pinned is left out.
 */
import { formatIpv4 } from '../../../engine';
import type { KernelRoute } from './kernel-routes';
import { scopeName } from './scope';

export interface Omit {
  dev: boolean;
  table: boolean;
  proto: boolean;
  scope: boolean;
  via: boolean;
  src: boolean;
}

export function formatRoute(r: KernelRoute, omit: Omit): string {
  let s = r.type !== 'unicast' ? `${r.type} ` : '';
  s += r.len === 0 ? 'default ' : r.len === 32 ? `${formatIpv4(r.dst)} ` : `${formatIpv4(r.dst)}/${r.len} `;
  if (r.via !== undefined && !omit.via) s += `via ${formatIpv4(r.via)} `;
  if (!omit.dev) s += `dev ${r.dev.name} `;
  if (r.table !== 'main' && !omit.table) s += `table ${r.table} `;
  if (r.proto !== 'boot' && !omit.proto) s += `proto ${r.proto} `;
  if (r.scope !== 0 && !omit.scope) s += `scope ${scopeName(r.scope)} `;
  if (r.src !== undefined && !omit.src) s += `src ${formatIpv4(r.src)} `;
  if (r.linkdown) s += 'linkdown ';
  return `${s}\n`;
}
