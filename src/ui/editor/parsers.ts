/**
 * Field text → value, or what is expected, in the words `ip` and `ipvsadm` would use. These catch
 * a typo at the field at once; cross-field problems (a gateway not on-link, a duplicate address)
 * come from the engine's checkScenario, shown at the field its path names.
 */
import { parseCidr, parseIpv4, parseMac, HOST_ID_RE, say, type Phrase } from '../../engine';
import { sayEditor } from './editor-problems';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: Phrase };
export type Parser<T> = (text: string) => Parsed<T>;

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(error: Phrase): Parsed<T> => ({ ok: false, error });

/** Empty text = the optional field is left out. */
export const optional = <T>(p: Parser<T>): Parser<T | undefined> => (text) => (text.trim() === '' ? ok(undefined) : p(text));

export const required: Parser<string> = (text) => (text.trim() === '' ? bad(sayEditor('field.required')) : ok(text));

export const ident: Parser<string> = (text) =>
  /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,31}$/.test(text) ? ok(text) : bad(say('shape.expected', { expected: sayEditor('what.ident') }));

/** A segment id, by the schema's own rule (segments and hosts share it), in its words. */
export const segmentId: Parser<string> = (text) =>
  HOST_ID_RE.test(text) ? ok(text) : bad(say('shape.expected', { expected: say('what.segment-id') }));

export const cidr: Parser<string> = (text) => {
  const r = parseCidr(text.trim());
  return r.ok ? ok(text.trim()) : bad(r.error);
};

export const ipv4: Parser<string> = (text) => {
  const r = parseIpv4(text.trim());
  return r.ok ? ok(text.trim()) : bad(r.error);
};

export const mac: Parser<string> = (text) => {
  const r = parseMac(text.trim());
  return r.ok ? ok(text.trim().toLowerCase()) : bad(r.error);
};

/** A route destination: a prefix or "default". */
export const routeDst: Parser<string> = (text) => (text.trim() === 'default' ? ok('default') : cidr(text));

/** "VIP:port", as a client's target. */
export const endpoint: Parser<string> = (text) => {
  const m = /^([^:]+):(\d{1,5})$/.exec(text.trim());
  if (!m || !m[1] || !m[2]) return bad(say('shape.expected-found', { expected: sayEditor('what.address-port'), found: `"${text}"` }));
  const a = parseIpv4(m[1]);
  if (!a.ok) return bad(a.error);
  const port = Number(m[2]);
  return port >= 1 && port <= 65535 ? ok(text.trim()) : bad(sayEditor('field.port-range', { port }));
};

export const int = (min: number, max: number): Parser<number> => (text) => {
  const t = text.trim();
  const n = Number(t);
  return /^\d+$/.test(t) && n >= min && n <= max ? ok(n) : bad(say('shape.expected', { expected: say('what.whole-number', { min, max }) }));
};

/** Linux's ranges (include/uapi/linux/ip_vs.h, ipvsadm 1.31): weight 0-2147483647, thresholds, -p seconds. */
export const RANGES = {
  port: int(0, 65535),
  weight: int(0, 2147483647),
  threshold: int(0, 2 ** 31 - 1),
  persistence: int(1, 31_536_000),
  requests: int(0, 1000),
  ms: int(0, 3_600_000),
} as const;
