/**
 * A self-contained copy of an SVG drawn on the page, for slides: every element carries its
 * computed style (colours with the theme's variables resolved, the fonts and sizes as shown), the
 * drawing is fitted to `width`×`height` with a margin, and the page's interactivity is left out.
 * It needs the live element (computed styles, getBBox), so it runs in the browser only.
 * Reusable: any chart or drawing the app shows can be exported with it (the load view's charts too).
 */

export interface StandaloneOptions {
  width: number;
  height: number;
  /** Elements to leave out of the copy (e.g. the moving packet for a clean handout figure). */
  omit?: string;
  title?: string;
  /** Share of the picture kept free around the drawing, each side. */
  margin?: number;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * What a stylesheet can set on SVG content: [property, inherited, initial value]. An inherited
 * one is written where it differs from the parent's (a text under a stroked group must say
 * `stroke:none`); the others where they differ from their initial value.
 */
const PROPS: ReadonlyArray<readonly [string, boolean, string | null]> = [
  ['fill', true, null], ['fill-opacity', true, null], ['fill-rule', true, null],
  ['stroke', true, null], ['stroke-width', true, null], ['stroke-opacity', true, null], ['stroke-dasharray', true, null],
  ['stroke-linecap', true, null], ['stroke-linejoin', true, null], ['paint-order', true, null],
  ['font-family', true, null], ['font-size', true, null], ['font-weight', true, null], ['font-style', true, null],
  ['text-anchor', true, null], ['letter-spacing', true, null], ['visibility', true, null],
  ['opacity', false, '1'], ['dominant-baseline', false, 'auto'], ['display', false, 'inline'],
];

/** Drops what only the page needs: focus, button roles, the zoom variable, event hooks. */
function tidy(el: Element): void {
  for (const a of ['tabindex', 'role', 'aria-pressed', 'aria-hidden']) el.removeAttribute(a);
}

function inlineStyle(orig: Element, copy: Element, parent: CSSStyleDeclaration | null): void {
  const cs = getComputedStyle(orig);
  const decl: string[] = [];
  for (const [prop, inherited, initial] of PROPS) {
    const v = cs.getPropertyValue(prop);
    const same = inherited ? parent !== null && parent.getPropertyValue(prop) === v : v === initial;
    if (v !== '' && !same) decl.push(`${prop}:${v}`);
  }
  // A CSS transform (motion animates the packet with one) becomes the attribute every SVG reader knows.
  if (orig instanceof SVGElement && orig.style.transform !== '' && cs.transform !== 'none') copy.setAttribute('transform', cs.transform);
  if (decl.length > 0) copy.setAttribute('style', decl.join(';'));
  else copy.removeAttribute('style');
  tidy(copy);
}

/** The box `inner` grown to the aspect ratio of width×height, centred, with a margin. */
export function fitBox(inner: { x: number; y: number; width: number; height: number }, width: number, height: number, margin = 0.04) {
  const w = Math.max(inner.width, 1) / (1 - 2 * margin);
  const h = Math.max(inner.height, 1) / (1 - 2 * margin);
  const scale = Math.max(w / width, h / height);
  const vw = width * scale, vh = height * scale;
  return { x: inner.x + inner.width / 2 - vw / 2, y: inner.y + inner.height / 2 - vh / 2, width: vw, height: vh };
}

/**
 * `svg`'s first group (the drawing, whose transform is the page's pan and zoom) as a standalone
 * SVG document of width×height: the pan and zoom replaced by a viewBox that fits the drawing.
 */
export function standaloneSvg(svg: SVGSVGElement, opts: StandaloneOptions): string {
  const content = svg.querySelector(':scope > g');
  if (!(content instanceof SVGGElement)) throw new Error('standaloneSvg: the SVG has no drawing group');
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const origs = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  origs.forEach((o, i) => {
    const c = copies[i];
    if (c) inlineStyle(o, c, o === svg || !o.parentElement ? null : getComputedStyle(o.parentElement));
  });
  // Measured after the omitted parts are gone from the page's view of the box.
  const hidden: Array<[SVGGraphicsElement, string]> = [];
  if (opts.omit) for (const el of content.querySelectorAll<SVGGraphicsElement>(opts.omit)) { hidden.push([el, el.style.display]); el.style.display = 'none'; }
  const box = fitBox(content.getBBox(), opts.width, opts.height, opts.margin);
  for (const [el, display] of hidden) el.style.display = display;
  if (opts.omit) for (const el of copy.querySelectorAll(opts.omit)) el.remove();

  const drawing = copy.querySelector(':scope > g');
  drawing?.removeAttribute('transform');
  for (const a of ['class', 'data-testid', 'aria-label']) copy.removeAttribute(a);
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('width', String(opts.width));
  copy.setAttribute('height', String(opts.height));
  copy.setAttribute('viewBox', `${box.x} ${box.y} ${box.width} ${box.height}`);
  const root = getComputedStyle(document.body);
  copy.setAttribute('style', `font-family:${root.fontFamily};background:${root.backgroundColor}`);
  const bg = document.createElementNS(SVG_NS, 'rect');
  for (const [k, v] of Object.entries({ x: box.x, y: box.y, width: box.width, height: box.height })) bg.setAttribute(k, String(v));
  bg.setAttribute('fill', root.backgroundColor);
  copy.prepend(bg);
  if (opts.title) {
    const title = document.createElementNS(SVG_NS, 'title');
    title.textContent = opts.title;
    copy.prepend(title);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}
