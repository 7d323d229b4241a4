/** An HTTP response as a client reads it: the status line and headers, then the body. */

export interface ResponseParts {
  /** The status line and headers, without the blank line that ends them. */
  readonly head: string;
  readonly body: string;
  /** The status code (0 when the status line is not HTTP's). */
  readonly status: number;
  /** The status line's reason phrase ("OK", "Not Found"). */
  readonly reason: string;
  readonly contentLength: number | undefined;
  readonly contentType: string | undefined;
}

export function splitResponse(data: string): ResponseParts {
  const end = data.indexOf('\r\n\r\n');
  const head = end < 0 ? data : data.slice(0, end);
  const body = end < 0 ? '' : data.slice(end + 4);
  const status = /^HTTP\/\d(?:\.\d)? (\d{3}) ?([^\r\n]*)/.exec(head);
  const header = (name: string): string | undefined => new RegExp(`\\r\\n${name}:[ \\t]*([^\\r\\n]*)`, 'i').exec(head)?.[1];
  const length = header('content-length');
  return {
    head, body,
    status: status ? Number(status[1]) : 0,
    reason: status?.[2] ?? '',
    contentLength: length !== undefined && /^\d+$/.test(length) ? Number(length) : undefined,
    contentType: header('content-type'),
  };
}
