import type { TypedLine } from './types';

/** `on('RS1', 'a', 'b')` → the lines a and b typed on RS1. */
export function on(host: string, ...lines: string[]): TypedLine[] {
  return lines.map((line) => ({ host, line }));
}
