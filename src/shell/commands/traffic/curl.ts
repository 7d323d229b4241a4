/**
 * curl 7.88.1: each URL in turn is fetched over the simulated network (the live world runs
 * until the transfer ends) and the body printed, or written to -o FILE; -i adds the response
 * headers, -I asks with HEAD and prints them (header names in bold on a terminal, as curl does).
 * A failure is curl's message `curl: (N) …` (hidden by -s unless -S) with curl's exit status;
 * its "after N ms" is the simulated time the attempt took. Without -s, and with the body going
 * to a file or a pipe, curl's progress meter goes to stderr (see curl-meter.ts).
 */
import { formatIpv4, httpGet, selectSource, startHttpGet, type HttpGetResult, type Ipv4 } from '../../../engine';
import type { CommandContext, CommandFn } from '../../command';
import { parseCurlArgs, type CurlOptions } from './curl-options';
import { progressMeter } from './curl-meter';
import { splitResponse } from './http-response';
import { parseUrl, resolveHost, type Url } from './url';
import { curlRequestFor } from './curl-request';
import { writeOut, type TransferFacts } from './curl-writeout';

export { curlRequestFor } from './curl-request';

const TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information\n";

/** What connect()'s errno reads as in curl's verbose "connect to … failed: …" line. */
const CONNECT_ERRNO: Partial<Record<HttpGetResult['end'], string>> = {
  refused: 'Connection refused', 'host-unreachable': 'No route to host', unreachable: 'No route to host',
  'net-unreachable': 'Network is unreachable', 'no-route': 'Network is unreachable', timeout: 'Connection timed out',
};

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

/** The file -O saves to: the URL path's last segment. */
function remoteName(url: Url): string {
  const path = url.path.replace(/\?.*$/, '');
  return path.slice(path.lastIndexOf('/') + 1);
}

/** One URL; returns its status. */
function transfer(ctx: CommandContext, o: CurlOptions, text: string, index: number): number {
  const showError = !o.silent || o.showError;
  let attempted = false;
  const verbose = (line: string): void => {
    if (o.verbose) ctx.err(`* ${line}\n`);
  };
  const facts: { -readonly [K in keyof TransferFacts]: TransferFacts[K] } = {
    httpCode: 0, sizeDownload: 0, sizeHeader: 0, sizeRequest: 0, remoteIp: '', remotePort: 0, localIp: '',
    method: o.head ? 'HEAD' : 'GET', url: text, connects: 0, contentType: undefined, exitCode: 0, errorMessage: '',
    totalMs: 0, connectMs: 0, filename: undefined,
  };
  const finish = (status: number): number => {
    if (o.writeOut !== undefined) {
      facts.exitCode = status;
      const w = writeOut(o.writeOut, facts);
      ctx.err(w.warnings);
      ctx.out(w.text);
    }
    return status;
  };
  const fail = (f: Failure): number => {
    verbose(f.message);
    if (attempted) verbose('Closing connection 0');
    if (showError) ctx.err(`curl: (${f.code}) ${f.message}\n`);
    facts.errorMessage = f.message;
    return finish(f.code);
  };
  const parsed = parseUrl(text);
  if (!parsed.ok) {
    return parsed.problem === 'unsupported-scheme'
      ? fail({ code: 1, message: `Protocol "${parsed.scheme}" not supported or disabled in libcurl` })
      : fail({ code: 3, message: 'URL using bad/illegal format or missing URL' });
  }
  const url = parsed.url;
  facts.url = `${url.scheme}://${url.hostHeader}${url.path}`;
  let output = o.outputs[index];
  if (o.remoteName && output === undefined) {
    output = remoteName(url);
    if (output === '') {
      if (!o.silent) ctx.err('curl: Remote file name has no length!\n');
      return fail({ code: 23, message: 'Failed writing received data to disk/application' });
    }
    facts.filename = output;
  }
  const dst = resolveHost(url.host);
  if (dst === undefined) return fail({ code: 6, message: `Could not resolve host: ${url.host}` });
  const host = ctx.live.host(ctx.hostId);
  if (!host) return 1;
  const requestText = curlRequestFor(url, o.head, { userAgent: o.userAgent, custom: o.headers });
  const request = { dst, port: url.port, request: requestText, head: o.head, maxTimeMs: o.maxTimeMs, connectTimeoutMs: o.connectTimeoutMs };
  if (ctx.background) {
    // A background curl prints whenever it finishes; like the lab VM's transcript, the console shows none of it.
    startHttpGet(ctx.live, host, request);
    return 0;
  }
  facts.remoteIp = formatIpv4(dst);
  facts.remotePort = url.port;
  facts.localIp = localAddress(ctx, dst);
  verbose(`  Trying ${formatIpv4(dst)}:${url.port}...`);
  attempted = true;
  const meter = !o.silent && o.progressMeter && (output !== undefined || !ctx.isatty.out) ? progressMeter(ctx.live.now, (s) => ctx.err(s)) : undefined;
  const r = httpGet(ctx.live, host, request);
  const ok = r.end === 'response' && r.data !== '';
  const response = splitResponse(r.data);
  meter?.done(ctx.live.now, ok ? response.body.length : 0, response.contentLength);
  facts.totalMs = r.elapsedMs;
  if (r.connected) {
    facts.connects = 1;
    verbose(`Connected to ${url.host} (${formatIpv4(dst)}) port ${url.port} (#0)`);
    if (o.verbose) ctx.err(requestText.split('\r\n').slice(0, -1).map((l) => `> ${l}\r\n`).join(''));
    facts.sizeRequest = requestText.length;
  } else {
    facts.remoteIp = '';
    facts.remotePort = 0;
    facts.localIp = '';
    const errno = CONNECT_ERRNO[r.end];
    if (errno !== undefined) verbose(`connect to ${formatIpv4(dst)} port ${url.port} failed: ${errno}`);
  }
  if (r.data !== '') {
    facts.httpCode = response.status;
    facts.sizeHeader = response.head.length + 4;
    facts.sizeDownload = o.head ? 0 : response.body.length;
    facts.contentType = response.contentType;
    // With -i/-I on the terminal the headers are shown as they come: each "< " trace line, then the header.
    if (o.verbose && !(ok && (o.include || o.head))) ctx.err(`${response.head.split('\r\n').map((l) => `< ${l}\r\n`).join('')}< \r\n`);
  }
  if (!ok) return fail(failureOf(r, url, o));
  if (url.scheme !== 'http') return fail({ code: 1, message: `lvs-flow: curl: ${url.scheme}:// is not simulated beyond the connect (${formatIpv4(dst)}:${url.port} answered)` });
  if (o.fail && response.status >= 400) return fail({ code: 22, message: `The requested URL returned error: ${response.status}` });
  const bold = ctx.isatty.out && output === undefined;
  const body = o.head ? '' : response.body;
  if (o.verbose && (o.include || o.head) && output === undefined) {
    const traced = response.head.split('\r\n');
    formatHeaders(response.head, bold).split('\r\n').slice(0, traced.length).forEach((l, i) => {
      ctx.err(`< ${traced[i] as string}\r\n`);
      ctx.out(`${l}\r\n`);
    });
    ctx.out('\r\n');
    ctx.err('< \r\n');
    // busybox httpd sends the body after a HEAD's headers too: curl notes what it will not read.
    if (o.head && response.body.length > 0) verbose(`Excess found: excess = ${response.body.length} url = ${url.path} (zero-length body)`);
    ctx.out(body);
    verbose('Closing connection 0');
    return finish(0);
  }
  if (o.verbose && (o.include || o.head)) ctx.err(`${response.head.split('\r\n').map((l) => `< ${l}\r\n`).join('')}< \r\n`);
  const shown = (o.include || o.head ? formatHeaders(response.head, bold) : '') + body;
  // curl's trace names a body it does not show on the terminal by its size.
  const traced = o.verbose && body !== '' && (output !== undefined || !ctx.isatty.out) ? `{ [${body.length} bytes data]\n` : '';
  if (output === undefined) {
    ctx.out(shown);
    // curl ignores SIGPIPE: into a pipe whose reader has gone its write fails, and it says so.
    if (ctx.stdoutGone?.()) return fail({ code: 23, message: 'Failed writing body' });
    ctx.err(traced);
    verbose('Closing connection 0');
    return finish(0);
  }
  ctx.err(traced);
  const w = output === '/dev/null' ? { ok: true as const } : ctx.files.write(output, shown, false);
  if (!w.ok) {
    if (!o.silent) ctx.err(wrapWarning(`Failed to open the file ${output}: ${w.error}`));
    return fail({ code: 23, message: 'Failure writing output to destination' });
  }
  verbose('Closing connection 0');
  return finish(0);
}

/** The source address the kernel picks for a connection to `dst` (curl's %{local_ip}). */
function localAddress(ctx: CommandContext, dst: Ipv4): string {
  const host = ctx.live.host(ctx.hostId);
  const route = host?.routes.lookup(dst);
  const src = host && route ? selectSource(route, dst, host.ifaces) : undefined;
  return src === undefined ? '' : formatIpv4(src);
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
  o.urls.forEach((u, i) => {
    status = transfer(ctx, o, u, i);
  });
  return status;
}

export const CURL_COMMANDS: ReadonlyArray<[string, CommandFn]> = [['curl', curl]];
