/**
 * URLs as curl and wget take them: `[scheme://][user@]host[:port][/path][?query][#fragment]`,
 * http by default, the scheme's port unless one is given, "/" for an empty path; the fragment
 * is never sent. Host names resolve as a lab host's resolver would: dotted IPv4 addresses, and
 * localhost (/etc/hosts); Kathará writes no other names for the lab's hosts.
 */
import { parseIpv4, type Ipv4 } from '../../../engine';

export interface Url {
  readonly scheme: string;
  readonly host: string;
  readonly port: number;
  /** The request target: path and query. */
  readonly path: string;
  /** The Host header: the host, with the port when it is not the scheme's. */
  readonly hostHeader: string;
}

export type UrlParse = { ok: true; url: Url } | { ok: false; problem: 'bad-url' | 'unsupported-scheme'; scheme?: string };

/** The ports of the schemes lvs-flow can reach (it speaks HTTP; ftp and https fail or stop after connecting). */
export const SCHEME_PORTS: Readonly<Record<string, number>> = { http: 80, https: 443, ftp: 21 };

export function parseUrl(text: string): UrlParse {
  let rest = text;
  let scheme = 'http';
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(rest);
  if (m) {
    scheme = (m[1] as string).toLowerCase();
    rest = rest.slice(m[0].length);
  } else if (/^ftp\./i.test(rest)) scheme = 'ftp';
  const defaultPort = SCHEME_PORTS[scheme];
  if (defaultPort === undefined) return { ok: false, problem: 'unsupported-scheme', scheme };
  const end = rest.search(/[/?#]/);
  let authority = end < 0 ? rest : rest.slice(0, end);
  let tail = end < 0 ? '' : rest.slice(end);
  authority = authority.slice(authority.lastIndexOf('@') + 1);
  const colon = authority.lastIndexOf(':');
  let host = authority;
  let port = defaultPort;
  if (colon >= 0) {
    host = authority.slice(0, colon);
    const digits = authority.slice(colon + 1);
    if (digits !== '') {
      if (!/^\d+$/.test(digits) || Number(digits) > 65535) return { ok: false, problem: 'bad-url' };
      port = Number(digits);
    }
  }
  if (host === '' || /[\s[\]]/.test(host)) return { ok: false, problem: 'bad-url' };
  tail = tail.replace(/#.*$/, '');
  const path = tail === '' ? '/' : tail.startsWith('?') ? `/${tail}` : tail;
  const hostHeader = port === defaultPort ? host : `${host}:${port}`;
  return { ok: true, url: { scheme, host, port, path, hostHeader } };
}

/** The address a host name stands for, or undefined when a lab host's resolver knows no such name. */
export function resolveHost(name: string): Ipv4 | undefined {
  const r = parseIpv4(name.toLowerCase() === 'localhost' ? '127.0.0.1' : name);
  return r.ok ? r.value : undefined;
}
