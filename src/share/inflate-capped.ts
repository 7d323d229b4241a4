/**
 * Raw-deflate decompression that refuses to grow past a limit. A few kilobytes of deflate can
 * stand for megabytes of zeros (one input byte can expand to about 1,032), so we feed the
 * inflater small slices and stop as soon as the output passes the cap: a decompression bomb
 * costs at most one slice's expansion of memory, never its full size.
 */
import { Inflate } from 'fflate';
import { err, ok, type Result } from './result';

/** Input bytes per push: at most ~260 KB of output can appear before we look at the total. */
const SLICE_BYTES = 256;

export type InflateError = { kind: 'too-large' } | { kind: 'invalid'; detail: string };

export function inflateCapped(data: Uint8Array, maxBytes: number): Result<Uint8Array, InflateError> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total <= maxBytes) chunks.push(chunk);
  });
  try {
    for (let i = 0; i < data.length; i += SLICE_BYTES) {
      const end = Math.min(i + SLICE_BYTES, data.length);
      inflater.push(data.subarray(i, end), end === data.length);
      if (total > maxBytes) return err({ kind: 'too-large' });
    }
    // An empty input never reaches the final push above; inflating nothing is not a link.
    if (data.length === 0) return err({ kind: 'invalid', detail: 'no data' });
  } catch (e) {
    return err({ kind: 'invalid', detail: e instanceof Error ? e.message : String(e) });
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return ok(out);
}
