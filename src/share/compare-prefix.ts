/**
 * How a compare link begins (compare-link.ts has its reader). Apart, with no imports, so the
 * first page can tell a compare link from the others without loading the codec.
 */
export const COMPARE_PREFIX = 'v1.cmp.';

/** Whether a fragment (or a URL, or `#…`) is a compare link, good or bad: the compare view's to open. */
export function isCompareLink(input: string): boolean {
  const hash = input.indexOf('#');
  return (hash >= 0 ? input.slice(hash + 1) : input).trimStart().startsWith(COMPARE_PREFIX);
}
