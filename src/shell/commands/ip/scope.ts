/** Route and address scopes by name or number (lib/rt_names.c rtnl_rtscope_a2n, etc/iproute2/rt_scopes). */
import { getUnsigned } from './inet';

const SCOPES: ReadonlyArray<[string, number]> = [['global', 0], ['site', 200], ['link', 253], ['host', 254], ['nowhere', 255]];

export function scopeNumber(word: string): number | undefined {
  const named = SCOPES.find(([n]) => n === word);
  if (named) return named[1];
  const n = getUnsigned(word);
  return n !== undefined && n <= 255 ? n : undefined;
}

export function scopeName(scope: number): string {
  if (scope === 0) return 'global';
  return SCOPES.find(([, s]) => s === scope)?.[0] ?? String(scope);
}
