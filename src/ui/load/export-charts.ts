/**
 * The charts as one picture for a slide: every chart card's SVG laid out two a row at 1920 px wide
 * (each chart at twice its drawn size), under a heading line, with the charts' stylesheet inside
 * so the file looks as the screen did; and that SVG rasterised to PNG.
 */
import { CHART_CSS } from './charts/chart-css';
import { H, W } from './charts/frame';

const NS = 'http://www.w3.org/2000/svg';
export const SLIDE_W = 1920;
const HEAD = 60;

export function chartsSvg(charts: readonly SVGSVGElement[], heading: string): { text: string; width: number; height: number } {
  const cols = 2;
  const cw = SLIDE_W / cols;
  const ch = (cw / W) * H;
  const height = HEAD + Math.ceil(charts.length / cols) * ch;
  const root = document.createElementNS(NS, 'svg');
  root.setAttribute('width', String(SLIDE_W));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${SLIDE_W} ${height}`);
  const style = document.createElementNS(NS, 'style');
  style.textContent = `${CHART_CSS}\n.slide-heading { font: 600 30px system-ui, 'Noto Sans', 'Noto Sans CJK SC', sans-serif; fill: #14181f; }`;
  const bg = document.createElementNS(NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#ffffff');
  const title = document.createElementNS(NS, 'text');
  title.setAttribute('class', 'slide-heading');
  title.setAttribute('x', '24');
  title.setAttribute('y', '42');
  title.textContent = heading;
  root.append(style, bg, title);
  charts.forEach((svg, i) => {
    const c = svg.cloneNode(true) as SVGSVGElement;
    c.removeAttribute('data-testid');
    c.setAttribute('x', String((i % cols) * cw));
    c.setAttribute('y', String(HEAD + Math.floor(i / cols) * ch));
    c.setAttribute('width', String(cw));
    c.setAttribute('height', String(ch));
    root.append(c);
  });
  return { text: new XMLSerializer().serializeToString(root), width: SLIDE_W, height };
}

export async function svgToPng(svg: { text: string; width: number; height: number }): Promise<Blob> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.text)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = svg.width;
  canvas.height = svg.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.drawImage(img, 0, 0);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}
