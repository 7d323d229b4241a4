import { describe, expect, it } from 'vitest';
import { LABEL_FONT, WAS_FONT } from './label-box';
import { labelScale } from './label-scale';

describe('labelScale', () => {
  it('leaves the label alone without a minimum, or when the zoom already shows it large enough', () => {
    expect(labelScale(0, 0.5)).toBe(1);
    expect(labelScale(24, 2)).toBe(1);
  });

  it('enlarges the label so its smallest text reaches the minimum on screen', () => {
    const k = 0.7;
    const s = labelScale(24, k);
    expect(WAS_FONT * s * k).toBeCloseTo(24, 6);
    expect(LABEL_FONT * s * k).toBeGreaterThan(24);
  });

  it('ignores a zoom that is not a positive number', () => {
    expect(labelScale(24, 0)).toBe(1);
    expect(labelScale(24, Number.NaN)).toBe(1);
  });
});
