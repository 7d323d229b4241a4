/** Embed mode (`?embed=1`): the view for an iframe on a course page, with minimal chrome. */
export const isEmbed = (search: string): boolean => new URLSearchParams(search).get('embed') === '1';

/** The same address without the embed flag: the full app at the embed's link. */
export function fullAppAddress(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('embed');
  return url.href;
}

/** The snippet a teacher pastes into an LMS page. The URL is attribute-escaped: it is text, not markup. */
export function embedSnippet(url: string, title: string): string {
  const attr = (x: string) => x.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${attr(url)}" title="${attr(title)}" width="960" height="600" style="border:0" loading="lazy" allowfullscreen></iframe>`;
}
