/**
 * GNU Wget 1.21.3: `wget URL` saves the page under the URL's file name (index.html for "/",
 * index.html.1 … when it exists) with wget's log on stderr (wget-log.ts); -O FILE and -O -
 * choose the output, -q silences the log, -T sets the timeout, -t the tries (connection
 * failures other than a refusal are retried, waiting 1, 2 … 10 s). Exit status 4 for a network
 * failure, 8 for an error answer such as 404, 3 when the file cannot be written.
 */
import { formatIpv4, httpGet, type HttpGetResult } from '../../../engine';
import { barLine, wgetLength, wgetRate, wgetTime } from './wget-log';
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
  tries: number;
  urls: string[];
}

function parseArgs(argv: readonly string[]): WgetArgs | string {
  const a: WgetArgs = { quiet: false, output: undefined, timeoutMs: 900_000, tries: 20, urls: [] };
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i] as string;
    const long = /^--(output-document|timeout|tries|quiet)(?:=(.*))?$/.exec(w);
    if (long) {
      const value = long[1] === 'quiet' ? undefined : long[2] ?? argv[++i];
      if (long[1] !== 'quiet' && value === undefined) return `option '--${long[1]}' requires an argument`;
      if (long[1] === 'quiet') a.quiet = true;
      else if (long[1] === 'output-document') a.output = value;
      else if (long[1] === 'timeout') a.timeoutMs = Number(value) * 1000;
      else if (long[1] === 'tries') a.tries = Number(value) || 20;
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
        if (c === 't') a.tries = Number(value) || 20;
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
  if (a.urls.length === 0) {
    ctx.err("wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n");
    return 1;
  }
  // -O FILE is opened (created) before anything is fetched.
  if (a.output !== undefined && a.output !== '-') {
    const w = ctx.files.write(a.output, '', false);
    if (!w.ok) {
      ctx.err(`${a.output}: ${w.error}\n`);
      return 1;
    }
  }
  let status = 0;
  for (const text of a.urls) status = Math.max(status, fetchOne(ctx, a, text));
  return status;
}

/** What connect() failed with, as wget words it after "failed: ". */
const CONNECT_ERRORS: Partial<Record<HttpGetResult['end'], string>> = {
  refused: 'Connection refused', 'host-unreachable': 'No route to host', unreachable: 'No route to host',
  'net-unreachable': 'Network is unreachable', 'no-route': 'Network is unreachable', timeout: 'Connection timed out',
  'connect-time-limit': 'Connection timed out',
};

/** The name `wget URL` saves to: the path's last segment (index.html for none), numbered if taken. */
function saveName(ctx: CommandContext, url: Url): string {
  const path = url.path.replace(/\?.*$/, '');
  const base = path.slice(path.lastIndexOf('/') + 1) || 'index.html';
  if (!ctx.files.exists(base)) return base;
  let n = 1;
  while (ctx.files.exists(`${base}.${n}`)) n++;
  return `${base}.${n}`;
}

function fetchOne(ctx: CommandContext, a: WgetArgs, text: string): number {
  const log = (t: string): void => {
    if (!a.quiet) ctx.err(t);
  };
  const parsed = parseUrl(text);
  if (!parsed.ok || parsed.url.scheme !== 'http') {
    log(`${text}: Unsupported scheme.\n`);
    return 1;
  }
  const url = parsed.url;
  const shown = `http://${url.hostHeader}${url.path}`;
  const dst = resolveHost(url.host);
  const host = ctx.live.host(ctx.hostId);
  if (dst === undefined || !host) {
    log(`--${wgetTime(ctx.live.now)}--  ${shown}\nResolving ${url.host} (${url.host})... failed: Name or service not known.\nwget: unable to resolve host address '${url.host}'\n`);
    return 4;
  }
  const timeout = Number.isFinite(a.timeoutMs) && (a.timeoutMs as number) > 0 ? a.timeoutMs : undefined;
  for (let attempt = 1; ; attempt++) {
    log(`--${wgetTime(ctx.live.now)}--  ${attempt > 1 ? `(try:${String(attempt).padStart(2)})  ` : ''}${shown}\n`);
    log(`Connecting to ${formatIpv4(dst)}:${url.port}... `);
    const r = httpGet(ctx.live, host, { dst, port: url.port, request: wgetRequestFor(url), skipsErrorBody: true, maxTimeMs: timeout, connectTimeoutMs: timeout });
    if (!r.connected) {
      log(`failed: ${CONNECT_ERRORS[r.end] ?? 'Connection timed out'}.\n`);
      // A refusal ends it at once; other failures are retried while tries remain.
      if (r.end === 'refused') return 4;
      if (attempt >= a.tries) {
        log('Giving up.\n\n');
        return 4;
      }
      log('Retrying.\n\n');
      ctx.live.advance(Math.min(attempt, 10) * 1000);
      continue;
    }
    log('connected.\n');
    if (r.end !== 'response' || r.data === '') {
      log(r.end === 'time-limit' ? 'HTTP request sent, awaiting response... Read error (Connection timed out) in headers.\nGiving up.\n\n' : 'HTTP request sent, awaiting response... No data received.\nGiving up.\n\n');
      return 4;
    }
    const response = splitResponse(r.data);
    log(`HTTP request sent, awaiting response... ${response.status} ${response.reason}\n`);
    if (response.status >= 400) {
      log(`${wgetTime(ctx.live.now)} ERROR ${response.status}: ${response.reason}.\n\n`);
      return 8;
    }
    const target = a.output ?? saveName(ctx, url);
    const type = response.contentType === undefined ? '' : ` [${response.contentType}]`;
    log(`Length: ${response.contentLength === undefined ? 'unspecified' : wgetLength(response.contentLength)}${type}\n`);
    log(`Saving to: '${target === '-' ? 'STDOUT' : target}'\n\n`);
    const name = target;
    const size = response.body.length;
    log(`\r${barLine(name, 0, response.contentLength, undefined)}`);
    if (target === '-') ctx.out(response.body);
    else if (!ctx.files.write(target, response.body, false).ok) {
      log(`\n${target}: No such file or directory\n`);
      return 3;
    }
    log(`\r${barLine(name, size, response.contentLength ?? size, r.elapsedMs)}\n\n`);
    const rate = wgetRate(size, r.elapsedMs);
    const total = response.contentLength === undefined ? `${size}` : `${size}/${response.contentLength}`;
    log(`${wgetTime(ctx.live.now)} (${rate}) - ${target === '-' ? 'written to stdout' : `'${target}' saved`} [${total}]\n\n`);
    return 0;
  }
}

export const WGET_COMMANDS: ReadonlyArray<[string, CommandFn]> = [['wget', wget]];
