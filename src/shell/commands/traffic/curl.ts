/**
 * curl 7.88.1: each URL in turn is fetched over the simulated network (the live world runs
 * until the transfer ends) and the body printed, or written to -o FILE; -i adds the response
 * headers, -I asks with HEAD and prints them (header names in bold on a terminal, as curl does).
 * A failure is curl's message `curl: (N) …` (hidden by -s unless -S) with curl's exit status;
 * its "after N ms" is the simulated time the attempt took. Without -s, and with the body going
 * to a file or a pipe, curl's progress meter goes to stderr (see curl-meter.ts).
 */
import { formatIpv4, httpGet, startHttpGet, type HttpGetResult } from '../../../engine';
import type { CommandContext, CommandFn } from '../../command';
import { parseCurlArgs, type CurlOptions } from './curl-options';
import { progressMeter } from './curl-meter';
import { splitResponse } from './http-response';
import { parseUrl, resolveHost, type Url } from './url';

const CURL_VERSION = '7.88.1';
const TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information\n";

/** The request curl 7.88.1 sends (captured from the lab VM). */
export function curlRequestFor(url: Url, head: boolean): string {
  return `${head ? 'HEAD' : 'GET'} ${url.path} HTTP/1.1\r\nHost: ${url.hostHeader}\r\nUser-Agent: curl/${CURL_VERSION}\r\nAccept: */*\r\n\r\n`;
}

interface Failure {
  readonly code: number;
  readonly message: string;
}

/** curl's message and status for a transfer that did not end with a response. */
export function failureOf(r: HttpGetResult, url: Url, o: Pick<CurlOptions, 'maxTimeMs' | 'connectTimeoutMs'>): Failure {
  const ms = Math.floor(r.elapsedMs);
  const failedConnect = (why: string, code = 7): Failure => ({ code, message: `Failed to connect to ${url.host} port ${url.port} after ${ms} ms: ${why}` });
  switch (r.end) {
    case 'connect-time-limit':
      // --connect-timeout cuts the connect in connect.c; --max-time in the multi loop, which words it differently.
      if (o.connectTimeoutMs !== undefined && (o.maxTimeMs === undefined || o.connectTimeoutMs < o.maxTimeMs)) return failedConnect('Timeout was reached', 28);
      return { code: 28, message: `Connection timed out after ${ms} milliseconds` };
    case 'time-limit': {
      const { body, contentLength } = splitResponse(r.data);
      return {
        code: 28,
        message: contentLength === undefined
          ? `Operation timed out after ${ms} milliseconds with ${body.length} bytes received`
          : `Operation timed out after ${ms} milliseconds with ${body.length} out of ${contentLength} bytes received`,
      };
    }
    case 'timeout':
      // The kernel gave up on the SYN (ETIMEDOUT): curl turns the connect failure into status 28.
      return r.connected ? { code: 56, message: 'Recv failure: Connection timed out' } : failedConnect("Couldn't connect to server", 28);
    case 'reset':
      return { code: 56, message: 'Recv failure: Connection reset by peer' };
    case 'response':
      return { code: 52, message: 'Empty reply from server' };
    case 'stalled':
      return { code: 28, message: 'lvs-flow: nothing happened on the connection for an hour of simulated time; a real curl would still be waiting' };
    default:
      return r.connected ? { code: 56, message: 'Recv failure: Connection reset by peer' } : failedConnect("Couldn't connect to server");
  }
}

/** One URL; returns its status. */
function transfer(ctx: CommandContext, o: CurlOptions, text: string): number {
  const showError = !o.silent || o.showError;
  const fail = (f: Failure): number => {
    if (showError) ctx.err(`curl: (${f.code}) ${f.message}\n`);
    return f.code;
  };
  const parsed = parseUrl(text);
  if (!parsed.ok) {
    return parsed.problem === 'unsupported-scheme'
      ? fail({ code: 1, message: `Protocol "${parsed.scheme}" not supported or disabled in libcurl` })
      : fail({ code: 3, message: 'URL using bad/illegal format or missing URL' });
  }
  const url = parsed.url;
  const dst = resolveHost(url.host);
  if (dst === undefined) return fail({ code: 6, message: `Could not resolve host: ${url.host}` });
  const host = ctx.live.host(ctx.hostId);
  if (!host) return 1;
  const request = { dst, port: url.port, request: curlRequestFor(url, o.head), head: o.head, maxTimeMs: o.maxTimeMs, connectTimeoutMs: o.connectTimeoutMs };
  if (ctx.background) {
    // A background curl prints whenever it finishes; like the lab VM's transcript, the console shows none of it.
    startHttpGet(ctx.live, host, request);
    return 0;
  }
  const meter = !o.silent && o.progressMeter && (o.output !== undefined || !ctx.isatty.out) ? progressMeter(ctx.live.now, (s) => ctx.err(s)) : undefined;
  const r = httpGet(ctx.live, host, request);
  const ok = r.end === 'response' && r.data !== '';
  const response = splitResponse(r.data);
  meter?.done(ctx.live.now, ok ? response.body.length : 0, response.contentLength);
  if (!ok) return fail(failureOf(r, url, o));
  if (url.scheme !== 'http') return fail({ code: 1, message: `lvs-flow: curl: ${url.scheme}:// is not simulated beyond the connect (${formatIpv4(dst)}:${url.port} answered)` });
  if (o.fail && response.status >= 400) return fail({ code: 22, message: `The requested URL returned error: ${response.status}` });
  const bold = ctx.isatty.out && o.output === undefined;
  const shown = (o.include || o.head ? formatHeaders(response.head, bold) : '') + (o.head ? '' : response.body);
  if (o.output === undefined) {
    ctx.out(shown);
    return 0;
  }
  const w = ctx.files.write(o.output, shown, false);
  if (!w.ok) {
    if (!o.silent) ctx.err(wrapWarning(`Failed to open the file ${o.output}: ${w.error}`));
    return fail({ code: 23, message: 'Failure writing output to destination' });
  }
  return 0;
}

/** The response headers as curl writes them: CRLF kept; on a terminal each name in bold. */
function formatHeaders(head: string, bold: boolean): string {
  const lines = head.split('\r\n');
  return lines.map((l, i) => {
    const colon = l.indexOf(':');
    return bold && i > 0 && colon > 0 ? `\x1b[1m${l.slice(0, colon)}\x1b[0m${l.slice(colon)}` : l;
  }).join('\r\n') + '\r\n\r\n';
}

/** curl's warnf: "Warning: " before each piece of at most 70 columns, cut at a blank. */
function wrapWarning(text: string): string {
  const prefix = 'Warning: ';
  const width = 79 - prefix.length;
  let out = '';
  let rest = text;
  while (rest.length > 0) {
    if (rest.length <= width) {
      out += `${prefix}${rest}`;
      break;
    }
    let cut = width - 1;
    while (cut > 0 && !/[ \t]/.test(rest[cut] as string)) cut--;
    if (cut === 0) cut = width - 1;
    out += `${prefix}${rest.slice(0, cut + 1)}\n`;
    rest = rest.slice(cut + 1);
  }
  return `${out}\n`;
}

export function curl(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  if (args.length === 0) {
    ctx.err(TRY_HELP);
    return 2;
  }
  const parsed = parseCurlArgs(args);
  if (!parsed.ok) {
    ctx.err(parsed.message);
    return parsed.status;
  }
  const o = parsed.options;
  if (o.urls.length === 0) {
    ctx.err(`curl: no URL specified!\n${TRY_HELP}`);
    return 2;
  }
  let status = 0;
  for (const u of o.urls) status = transfer(ctx, o, u);
  return status;
}

export const CURL_COMMANDS: ReadonlyArray<[string, CommandFn]> = [['curl', curl]];
