/**
 * The request curl 7.88.1 sends (its defaults captured from the lab VM), with -A and -H as curl
 * applies them: a -H header replaces the default of the same name (`Host:` with no value
 * removes it, `Name;` sends it empty); headers with neither `:` nor `;` are ignored; Host stays
 * right after the request line, the other -H headers follow the defaults in the order typed.
 */
import type { Url } from './url';

export const CURL_VERSION = '7.88.1';

export interface RequestHeaders {
  /** -A: undefined for curl's own, '' for none. */
  readonly userAgent?: string | undefined;
  /** -H values as typed. */
  readonly custom?: readonly string[];
}

/** A -H value as the header it sends: [name, line] (line undefined = remove), or undefined when ignored. */
function customHeader(text: string): [string, string | undefined] | undefined {
  const m = /^([^:;\s]+)\s*([:;])\s*(.*)$/.exec(text);
  if (!m) return undefined;
  const [, name, sep, value] = m as unknown as [string, string, string, string];
  if (sep === ';') return value === '' ? [name, `${name}:`] : undefined;
  return [name, value === '' ? undefined : `${name}: ${value}`];
}

export function curlRequestFor(url: Url, head: boolean, h: RequestHeaders = {}): string {
  const custom = (h.custom ?? []).map(customHeader).filter((x): x is [string, string | undefined] => x !== undefined);
  const named = (n: string): [string, string | undefined] | undefined => custom.find(([c]) => c.toLowerCase() === n.toLowerCase());
  const lines = [`${head ? 'HEAD' : 'GET'} ${url.path} HTTP/1.1`];
  const host = named('Host');
  if (!host) lines.push(`Host: ${url.hostHeader}`);
  else if (host[1] !== undefined) lines.push(host[1]);
  const ua = h.userAgent ?? `curl/${CURL_VERSION}`;
  if (!named('User-Agent') && ua !== '') lines.push(`User-Agent: ${ua}`);
  if (!named('Accept')) lines.push('Accept: */*');
  for (const [name, line] of custom) if (name.toLowerCase() !== 'host' && line !== undefined) lines.push(line);
  return `${lines.join('\r\n')}\r\n\r\n`;
}
