/** This page's address without query or fragment: links work from any static host and path. */
export const pageAddress = (loc: Pick<Location, 'origin' | 'pathname'>): string => `${loc.origin}${loc.pathname}`;
