/**
 * Immutable edits of a scenario by JSON path (['hosts', 0, 'interfaces', 1, 'addrs', 0, 'cidr']):
 * a copy along the path, everything else shared, so undo snapshots cost little. The same path,
 * formatted as the engine formats it, finds the validation problems that belong to a field.
 */
import { formatPath } from '../../engine';

export type Path = ReadonlyArray<string | number>;
type Node = Record<string | number, unknown> | unknown[];

export const pathKey = (path: Path): string => formatPath(path);

export function getIn(root: unknown, path: Path): unknown {
  let node = root;
  for (const k of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[k];
  }
  return node;
}

function copy(node: unknown, k: string | number): Node {
  if (Array.isArray(node)) return [...(node as unknown[])];
  if (node !== null && typeof node === 'object') return { ...(node as Record<string, unknown>) };
  return typeof k === 'number' ? [] : {};
}

/** `value === undefined` removes an object key (an optional field left empty). */
export function setIn<T>(root: T, path: Path, value: unknown): T {
  const [k, ...rest] = path;
  if (k === undefined) return value as T;
  const out = copy(root, k) as Record<string | number, unknown>;
  const next = rest.length ? setIn(out[k], rest, value) : value;
  if (next === undefined && !Array.isArray(out)) delete out[k];
  else out[k] = next;
  return out as T;
}

/** Change the array at `path` with `f` (add, remove, reorder). */
export function updateList<T, I>(root: T, path: Path, f: (items: I[]) => I[]): T {
  const cur = getIn(root, path);
  return setIn(root, path, f(Array.isArray(cur) ? [...(cur as I[])] : []));
}

export const without = <I>(index: number) => (items: I[]): I[] => items.filter((_, i) => i !== index);
export const plus = <I>(item: I) => (items: I[]): I[] => [...items, item];
