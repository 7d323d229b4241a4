/**
 * GNU Wget 1.21.3, quiet: `wget -qO- URL` (also `-q -O -`, `-q -O FILE`, `-q URL` saving
 * index.html) fetches over the simulated network and writes the body; failures print nothing
 * and give wget's exit status (4 network failure, 8 an error answer such as 404). -T sets the
 * timeout, -t is accepted. wget's progress log (without -q) is not simulated.
 */
import { httpGet } from '../../../engine';
import type { CommandContext, CommandFn } from '../../command';
import { splitResponse } from './http-response';
import { parseUrl, resolveHost, type Url } from './url';

/** The request Wget 1.21.3 sends (captured from the lab VM). */
export function wgetRequestFor(url: Url): string {
  return `GET ${url.path} HTTP/1.1\r\nHost: ${url.hostHeader}\r\nUser-Agent: Wget/1.21.3\r\nAccept: */*\r\nAccept-Encoding: identity\r\nConnection: Keep-Alive\r\n\r\n`;
}

interface WgetArgs {
  quiet: boolean;
  output: string | undefined;
  timeoutMs: number | undefined;
  urls: string[];
}

function parseArgs(argv: readonly string[]): WgetArgs | string {
  const a: WgetArgs = { quiet: false, output: undefined, timeoutMs: 900_000, urls: [] };
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i] as string;
    const long = /^--(output-document|timeout|tries|quiet)(?:=(.*))?$/.exec(w);
    if (long) {
      const value = long[1] === 'quiet' ? undefined : long[2] ?? argv[++i];
      if (long[1] !== 'quiet' && value === undefined) return `option '--${long[1]}' requires an argument`;
      if (long[1] === 'quiet') a.quiet = true;
      else if (long[1] === 'output-document') a.output = value;
      else if (long[1] === 'timeout') a.timeoutMs = Number(value) * 1000;
      continue;
    }
    if (!w.startsWith('-') || w === '-') {
      a.urls.push(w);
      continue;
    }
    for (let k = 1; k < w.length; k++) {
      const c = w[k] as string;
      if (c === 'q') a.quiet = true;
      else if (c === 'O' || c === 'T' || c === 't') {
        const value = k + 1 < w.length ? w.slice(k + 1) : argv[++i];
        if (value === undefined) return `option requires an argument -- '${c}'`;
        if (c === 'O') a.output = value;
        if (c === 'T') a.timeoutMs = Number(value) * 1000;
        break;
      } else return `option -${c} is not simulated`;
    }
  }
  return a;
}

export function wget(ctx: CommandContext): number {
  const a = parseArgs(ctx.argv.slice(1));
  if (typeof a === 'string') {
    ctx.err(`lvs-flow: wget: ${a}\n`);
    return 2;
  }
  if (!a.quiet) {
    ctx.err('lvs-flow: wget: only the quiet forms (wget -q, wget -qO- URL) are simulated; its progress log is not\n');
    return 2;
  }
  if (a.urls.length === 0) {
    ctx.err('lvs-flow: wget: missing URL\n');
    return 1;
  }
  let status = 0;
  for (const text of a.urls) status = Math.max(status, fetchOne(ctx, a, text));
  return status;
}

function fetchOne(ctx: CommandContext, a: WgetArgs, text: string): number {
  const parsed = parseUrl(text);
  if (!parsed.ok || parsed.url.scheme !== 'http') return 1;
  const dst = resolveHost(parsed.url.host);
  const host = ctx.live.host(ctx.hostId);
  if (dst === undefined || !host) return 4;
  const timeout = Number.isFinite(a.timeoutMs) && (a.timeoutMs as number) > 0 ? a.timeoutMs : undefined;
  const r = httpGet(ctx.live, host, { dst, port: parsed.url.port, request: wgetRequestFor(parsed.url), skipsErrorBody: true, maxTimeMs: timeout, connectTimeoutMs: timeout });
  if (r.end !== 'response' || r.data === '') return 4;
  const response = splitResponse(r.data);
  if (response.status >= 400) return 8;
  const target = a.output ?? 'index.html';
  if (target === '-') ctx.out(response.body);
  else if (!ctx.files.write(target, response.body, false).ok) return 3;
  return 0;
}

export const WGET_COMMANDS: ReadonlyArray<[string, CommandFn]> = [['wget', wget]];
