/**
 * Presenter mode lives in the address as a query flag, `?present=1`, beside the share link in
 * the fragment: the link (scenario, step, depth, language) is the place, the flag is how it is
 * shown. A reload keeps both; a link without the flag opens as before, so no old link changes.
 * Pure string work, shared by the header's entry and the lazy view.
 */
export const PRESENT_PARAM = 'present';

export const isPresent = (search: string): boolean => new URLSearchParams(search).get(PRESENT_PARAM) === '1';

/** The same address with presenter mode on or off; the fragment, if any, is replaced by `fragment`. */
export function presentAddress(href: string, on: boolean, fragment?: string): string {
  const url = new URL(href);
  if (on) url.searchParams.set(PRESENT_PARAM, '1');
  else url.searchParams.delete(PRESENT_PARAM);
  if (fragment !== undefined) url.hash = fragment;
  return url.href;
}

/** The key that enters presenter mode, unless it is typed into a field or held with a modifier. */
export function isPresentKey(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; target: EventTarget | null }): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return false;
  if (e.key !== 'p' && e.key !== 'P') return false;
  const el = e.target as { tagName?: string; isContentEditable?: boolean } | null;
  const tag = el?.tagName?.toLowerCase();
  return !(tag === 'input' || tag === 'select' || tag === 'textarea' || el?.isContentEditable);
}
