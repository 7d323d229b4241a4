// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { chartsSvg, SLIDE_W } from './export-charts';

function chart(label: string): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'chart');
  svg.setAttribute('viewBox', '0 0 480 270');
  svg.setAttribute('data-testid', 'chart-conns');
  svg.innerHTML = `<text>${label}</text>`;
  return svg;
}

describe('chartsSvg', () => {
  const out = chartsSvg([chart('RS1'), chart('RS2'), chart('RS3')], 'nat-lab: 1000 clients, wlc');
  const doc = new DOMParser().parseFromString(out.text, 'image/svg+xml');
  const charts = [...doc.querySelectorAll('svg.chart')];

  it('lays the charts out two a row, slide-wide, under the heading', () => {
    expect(out.width).toBe(SLIDE_W);
    expect(charts.map((c) => [c.getAttribute('x'), c.getAttribute('y')])).toEqual([['0', '60'], ['960', '60'], ['0', '600']]);
    expect(out.height).toBe(60 + 2 * 540);
    expect(doc.documentElement.getAttribute('width')).toBe('1920');
  });

  it('carries the heading, every chart\'s text and the charts\' stylesheet, and no test ids', () => {
    expect(doc.documentElement.textContent).toContain('nat-lab: 1000 clients, wlc');
    expect(charts.map((c) => c.textContent)).toEqual(['RS1', 'RS2', 'RS3']);
    expect(doc.querySelector('style')?.textContent).toContain('svg.chart');
    expect(out.text).not.toContain('data-testid');
  });
});
