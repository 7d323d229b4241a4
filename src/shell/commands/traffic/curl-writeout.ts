/**
 * curl 7.88's -w/--write-out (src/tool_writeout.c): `%{name}` variables, `%%`, and the
 * backslash escapes \n \r \t \\; an unknown variable is warned about on stderr and prints
 * nothing. Times are the simulated ones.
 */

export interface TransferFacts {
  readonly httpCode: number;
  readonly sizeDownload: number;
  readonly sizeHeader: number;
  readonly sizeRequest: number;
  readonly remoteIp: string;
  readonly remotePort: number;
  readonly localIp: string;
  readonly method: string;
  readonly url: string;
  readonly connects: number;
  readonly contentType: string | undefined;
  readonly exitCode: number;
  readonly errorMessage: string;
  readonly totalMs: number;
  readonly connectMs: number;
  readonly filename: string | undefined;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(6);
}

function variable(name: string, f: TransferFacts): string | undefined {
  switch (name) {
    case 'http_code': case 'response_code': return String(f.httpCode).padStart(3, '0');
    case 'size_download': return String(f.sizeDownload);
    case 'size_header': return String(f.sizeHeader);
    case 'size_request': return String(f.sizeRequest);
    case 'size_upload': return '0';
    case 'remote_ip': return f.remoteIp;
    case 'remote_port': return f.remotePort === 0 ? '0' : String(f.remotePort);
    case 'local_ip': return f.localIp;
    case 'method': return f.method;
    case 'url_effective': case 'url': return f.url;
    case 'num_connects': return String(f.connects);
    case 'num_redirects': return '0';
    case 'redirect_url': return '';
    case 'content_type': return f.contentType ?? '';
    case 'exitcode': return String(f.exitCode);
    case 'errormsg': return f.errorMessage;
    case 'http_version': return f.httpCode === 0 ? '0' : '1.1';
    case 'scheme': return 'HTTP';
    case 'filename_effective': return f.filename ?? '';
    case 'time_total': return seconds(f.totalMs);
    case 'time_connect': return seconds(f.connectMs);
    case 'time_namelookup': return seconds(0);
    case 'time_appconnect': case 'time_redirect': return seconds(0);
    case 'time_pretransfer': return seconds(f.connectMs);
    case 'time_starttransfer': return seconds(f.httpCode === 0 ? 0 : f.totalMs);
    case 'speed_download': return String(f.totalMs > 0 ? Math.floor((f.sizeDownload * 1000) / f.totalMs) : 0);
    case 'speed_upload': return '0';
    default: return undefined;
  }
}

/** The text -w writes, and the warnings it gives (printed first, as curl prints them while reading the format). */
export function writeOut(format: string, f: TransferFacts): { text: string; warnings: string } {
  let text = '';
  let warnings = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i] as string;
    if (c === '%' && format[i + 1] === '%') {
      text += '%';
      i++;
      continue;
    }
    if (c === '%' && format[i + 1] === '{') {
      const end = format.indexOf('}', i + 2);
      if (end > 0) {
        const name = format.slice(i + 2, end);
        const v = variable(name, f);
        if (v === undefined) warnings += `curl: unknown --write-out variable: '${name}'\n`;
        else text += v;
        i = end;
        continue;
      }
    }
    if (c === '\\' && i + 1 < format.length) {
      const e = { n: '\n', r: '\r', t: '\t', '\\': '\\' }[format[i + 1] as string];
      if (e !== undefined) {
        text += e;
        i++;
        continue;
      }
    }
    text += c;
  }
  return { text, warnings };
}
