// @vitest-environment jsdom
/** The glider hands its flight to the browser's animations, once per step, and sits at the end without them. */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Glider } from './Glider';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const PATH = [{ x: 0, y: 0 }, { x: 30, y: 40 }, { x: 30, y: 140 }];

function mount() {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  document.body.append(svg);
  const root = createRoot(svg);
  return { svg, root };
}

afterEach(() => {
  vi.restoreAllMocks();
  delete (Element.prototype as { animate?: unknown }).animate;
});

describe('Glider', () => {
  it('animates the transform through every point, at offsets proportional to the distance flown', () => {
    const cancel = vi.fn();
    const animate = vi.fn(() => ({ cancel }));
    (Element.prototype as { animate?: unknown }).animate = animate;
    const { root } = mount();
    act(() => root.render(<Glider path={PATH} duration={0.5} reduce={false} />));
    expect(animate).toHaveBeenCalledWith([
      { transform: 'translate(0px, 0px)', offset: 0 },
      { transform: 'translate(30px, 40px)', offset: 1 / 3 },
      { transform: 'translate(30px, 140px)', offset: 1 },
    ], { duration: 500, easing: 'linear', fill: 'forwards' });
    // Drawn again for the same step (a language switch): the flight goes on.
    act(() => root.render(<Glider path={PATH.map((p) => ({ ...p }))} duration={0.5} reduce={false} />));
    expect(animate).toHaveBeenCalledTimes(1);
    act(() => root.unmount());
    expect(cancel).toHaveBeenCalledTimes(1);
  });

  it('sits at the end of its path, unanimated, when the reader asked for reduced motion', () => {
    const animate = vi.fn(() => ({ cancel: () => undefined }));
    (Element.prototype as { animate?: unknown }).animate = animate;
    const { svg, root } = mount();
    act(() => root.render(<Glider path={PATH} duration={0.5} reduce />));
    expect(animate).not.toHaveBeenCalled();
    expect(svg.querySelector('.packet-glider')?.getAttribute('transform')).toBe('translate(30,140)');
    act(() => root.unmount());
  });
});
