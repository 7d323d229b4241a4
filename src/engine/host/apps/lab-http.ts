/**
 * The headers the lab VM's web servers write, byte for byte as captured (fixtures/oracle:
 * nat-lab, traffic, python-http): busybox httpd, which the VM runs for `service apache2|nginx
 * start`, and Python 3.11's http.server. Their length matters beyond curl -i: it is in every
 * byte counter a lab reads (`ipvsadm -L -n --stats`, ifconfig's RX/TX bytes).
 *
 * Dates come from the simulated clock: a live world's time 0 is midnight UTC of LIVE_EPOCH_S's
 * day, so the servers' Date headers and tcpdump's time of day (simulated time of day) agree.
 * Every date is 29 characters and the ETag's mtime 8 hex digits, as on the VM.
 */

/** 2026-12-04 00:00:00 UTC: the day the course's labs were captured on the real kernel. */
export const LIVE_EPOCH_S = 1796342400;

/** RFC 7231's IMF-fixdate ("Fri, 04 Dec 2026 16:42:56 GMT") at simulated time `ms`. */
export function httpDate(ms: number): string {
  // A fixed instant, not the wall clock: the same simulated time always gives the same text.
  return new Date(LIVE_EPOCH_S * 1000 + Math.floor(ms / 1000) * 1000).toUTCString();
}

export type LabServer = 'busybox' | 'python3';

export interface LabPage {
  /** The status line's code and phrase, e.g. "200 OK". */
  readonly status: string;
  readonly body: string;
  /** Simulated ms at which the response is written, and at which the served file last changed. */
  readonly now: number;
  readonly mtime: number;
}

const lines = (xs: readonly string[]): string => `${xs.join('\r\n')}\r\n\r\n`;

/** busybox httpd's headers (send_headers): errors carry no length, files an ETag of mtime and size. */
function busyboxHeaders(p: LabPage): string {
  const common = [`HTTP/1.1 ${p.status}`, `Date: ${httpDate(p.now)}`, 'Connection: close', 'Content-type: text/html'];
  if (!p.status.startsWith('200')) return lines(common);
  const etag = `"${Math.floor(LIVE_EPOCH_S + p.mtime / 1000).toString(16)}-${p.body.length.toString(16)}"`;
  return lines([...common, 'Accept-Ranges: bytes', `Last-Modified: ${httpDate(p.mtime)}`, `ETag: ${etag}`, `Content-Length: ${p.body.length}`]);
}

/** http.server's headers (send_response, then send_head's or send_error's). */
function pythonHeaders(p: LabPage): string {
  const common = [`HTTP/1.0 ${p.status}`, 'Server: SimpleHTTP/0.6 Python/3.11.2', `Date: ${httpDate(p.now)}`];
  if (!p.status.startsWith('200')) return lines([...common, 'Connection: close', 'Content-Type: text/html;charset=utf-8', `Content-Length: ${p.body.length}`]);
  return lines([...common, 'Content-type: text/html', `Content-Length: ${p.body.length}`, `Last-Modified: ${httpDate(p.mtime)}`]);
}

export function labHeaders(server: LabServer, page: LabPage): string {
  return server === 'python3' ? pythonHeaders(page) : busyboxHeaders(page);
}
