/** wget's progress bar and numbers, against the segments the wget-forms lab captured (results/wget-forms). */
import { describe, expect, it } from 'vitest';
import { barLine, wgetLength, wgetRate } from './wget-log';

describe('barLine', () => {
  it('draws the start and the end of a transfer in 79 columns', () => {
    expect(barLine('index.html', 0, 11, undefined)).toBe('index.html            0%[                    ]       0  --.-KB/s               ');
    expect(barLine('index.html.1', 11, 11, 0)).toBe('index.html.1        100%[===================>]      11  --.-KB/s    in 0s      ');
    expect(barLine('index.html', 11, 11, 1)).toBe('index.html          100%[===================>]      11  --.-KB/s    in 0.001s  ');
    expect(barLine('-', 0, 11, undefined)).toHaveLength(79);
  });
});

describe('wget numbers', () => {
  it('gives rates with the decimals retr_rate gives (sizes under 1 KiB as they are)', () => {
    expect(wgetRate(11, 0.71)).toBe('15.1 KB/s');
    expect(wgetRate(11, 100)).toBe('110 B/s');
    expect(wgetLength(11)).toBe('11');
  });
});
