/**
 * A compact structural diff of JSON values and its inverse, in the spirit of RFC 6902 JSON
 * Patch with JSON Pointer paths (RFC 6901), spelled as short tuples because they travel in links:
 *   ['a', path, value]  add: set an object key, or insert into an array at that index
 *   ['r', path, value]  replace an existing key or element ('' = the whole document)
 *   ['d', path]         delete an existing key, or remove an array element
 * diff() keeps, at every level, whichever is shorter: the changes inside, or one replace.
 * applyPatch() works on untrusted ops: every step is checked and a failure names the op.
 */
import type { Phrase } from '../engine';
import { sayLink } from './link-problems';
import { err, ok, type Result } from './result';

export type PatchOp = readonly ['a' | 'r', string, unknown] | readonly ['d', string];
type Json = unknown;
type JsonObject = Record<string, Json>;

const isObject = (x: Json): x is JsonObject => typeof x === 'object' && x !== null && !Array.isArray(x);

export function deepEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (!isObject(a) || !isObject(b)) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
}

const escapeKey = (k: string): string => k.replace(/~/g, '~0').replace(/\//g, '~1');
const size = (ops: readonly PatchOp[]): number => JSON.stringify(ops).length;

/** The ops that turn `a` into `b` (both plain JSON: no undefined, functions or cycles). */
export function diff(a: Json, b: Json, path = ''): PatchOp[] {
  if (deepEqual(a, b)) return [];
  const whole: PatchOp[] = [['r', path, b]];
  let inner: PatchOp[] | undefined;
  if (isObject(a) && isObject(b)) inner = diffObject(a, b, path);
  else if (Array.isArray(a) && Array.isArray(b)) inner = diffArray(a, b, path);
  return inner && size(inner) < size(whole) ? inner : whole;
}

function diffObject(a: JsonObject, b: JsonObject, path: string): PatchOp[] {
  const ops: PatchOp[] = [];
  for (const k of Object.keys(a)) if (!Object.hasOwn(b, k)) ops.push(['d', `${path}/${escapeKey(k)}`]);
  for (const k of Object.keys(b)) {
    const p = `${path}/${escapeKey(k)}`;
    if (Object.hasOwn(a, k)) ops.push(...diff(a[k], b[k], p));
    else ops.push(['a', p, b[k]]);
  }
  return ops;
}

/** Equal heads and tails stay; the middle is changed pairwise, then grown or shrunk at its end. */
function diffArray(a: readonly Json[], b: readonly Json[], path: string): PatchOp[] {
  const shorter = Math.min(a.length, b.length);
  let head = 0;
  while (head < shorter && deepEqual(a[head], b[head])) head++;
  let tail = 0;
  while (tail < shorter - head && deepEqual(a[a.length - 1 - tail], b[b.length - 1 - tail])) tail++;
  const midA = a.length - head - tail;
  const midB = b.length - head - tail;
  const ops: PatchOp[] = [];
  for (let i = head; i < head + Math.min(midA, midB); i++) ops.push(...diff(a[i], b[i], `${path}/${i}`));
  for (let i = head + midA; i < head + midB; i++) ops.push(['a', `${path}/${i}`, b[i]]);
  for (let n = midB; n < midA; n++) ops.push(['d', `${path}/${head + midB}`]);
  return ops;
}

/** Limits on untrusted patches: enough for any edit a person makes, too little to stall a page. */
export const PATCH_LIMITS = { ops: 4096, pathChars: 1024, pathDepth: 32 } as const;

function parsePointer(path: string): Result<string[], Phrase> {
  if (path === '') return ok([]);
  if (!path.startsWith('/')) return err(sayLink('patch.bad-start', { path }));
  if (path.length > PATCH_LIMITS.pathChars) return err(sayLink('patch.path-too-long', { max: PATCH_LIMITS.pathChars }));
  if (/~[^01]|~$/.test(path)) return err(sayLink('patch.bad-tilde', { path }));
  const keys = path.slice(1).split('/').map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (keys.length > PATCH_LIMITS.pathDepth) return err(sayLink('patch.too-deep', { path, max: PATCH_LIMITS.pathDepth }));
  // A document never holds these keys, and setting one would change an object's prototype.
  if (keys.includes('__proto__')) return err(sayLink('patch.names-proto', { path }));
  return ok(keys);
}

/** "3" → 3 for an array of this length; undefined when the key is not a canonical index in range. */
function indexIn(arr: readonly Json[], key: string, allowEnd: boolean): number | undefined {
  if (!/^(0|[1-9][0-9]{0,8})$/.test(key)) return undefined;
  const i = Number(key);
  return i < arr.length || (allowEnd && i === arr.length) ? i : undefined;
}

function applyOne(doc: Json, op: PatchOp): Result<Json, Phrase> {
  const keys = parsePointer(op[1]);
  if (!keys.ok) return keys;
  const last = keys.value.pop();
  if (last === undefined) return op[0] === 'd' ? err(sayLink('patch.delete-root')) : ok(structuredClone(op[2]));
  let parent = doc;
  for (const k of keys.value) {
    const next = Array.isArray(parent) ? parent[indexIn(parent, k, false) ?? -1] : isObject(parent) && Object.hasOwn(parent, k) ? parent[k] : undefined;
    if (next === undefined) return err(sayLink('patch.no-key-on-way', { key: k, path: op[1] }));
    parent = next;
  }
  if (Array.isArray(parent)) {
    const i = indexIn(parent, last, op[0] === 'a');
    if (i === undefined) return err(sayLink('patch.no-element', { path: op[1], index: last, length: parent.length }));
    if (op[0] === 'd') parent.splice(i, 1);
    else if (op[0] === 'a') parent.splice(i, 0, structuredClone(op[2]));
    else parent[i] = structuredClone(op[2]);
    return ok(doc);
  }
  if (!isObject(parent)) return err(sayLink('patch.parent-not-container', { path: op[1] }));
  if (op[0] !== 'a' && !Object.hasOwn(parent, last)) return err(sayLink('patch.no-key', { path: op[1], key: last }));
  if (op[0] === 'd') delete parent[last];
  else parent[last] = structuredClone(op[2]);
  return ok(doc);
}

/** Applies ops in order to `doc`, which it changes in place (pass a copy); the first failure stops it. */
export function applyPatch(doc: Json, ops: readonly PatchOp[]): Result<Json, Phrase> {
  let cur = doc;
  for (let n = 0; n < ops.length; n++) {
    const r = applyOne(cur, ops[n] as PatchOp);
    if (!r.ok) return err(sayLink('patch.change-failed', { index: n, reason: r.error }));
    cur = r.value;
  }
  return ok(cur);
}

/**
 * `value` with its object keys in `template`'s order where the template has them (then its
 * own), at every depth. Validation may rebuild objects in schema order; this puts a scenario
 * back in the order its preset is written in, so a decoded link prints as `export` does.
 */
export function orderKeysLike<T>(value: T, template: unknown): T {
  if (Array.isArray(value)) return value.map((x: unknown, i) => orderKeysLike(x, Array.isArray(template) ? template[i] : undefined)) as T;
  if (!isObject(value)) return value;
  const t = isObject(template) ? template : {};
  const keys = [...Object.keys(t).filter((k) => Object.hasOwn(value, k)), ...Object.keys(value).filter((k) => !Object.hasOwn(t, k))];
  return Object.fromEntries(keys.map((k) => [k, orderKeysLike(value[k], t[k])])) as T;
}
