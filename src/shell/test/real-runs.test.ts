import { describe, expect, it } from 'vitest';
import { agreesWithRealRuns } from './real-runs';

const stats = (inPkts: number, inBytes: number, conns = 6): string =>
  `TCP  11.22.33.44:80                      ${conns}       ${inPkts}        0     ${inBytes}        0`;

describe('agreesWithRealRuns', () => {
  it('takes a block equal to any real run', () => {
    expect(agreesWithRealRuns('a 1', ['a 2', 'a 1'])).toBe(true);
  });
  it('takes numbers that vary between real runs when ours lie within their range', () => {
    expect(agreesWithRealRuns(stats(28, 1820), [stats(31, 1976), stats(27, 1768), stats(29, 1872)])).toBe(true);
  });
  it('reads a right-aligned column padded for a shorter number as the same text', () => {
    expect(agreesWithRealRuns('    958 x', ['   1014 x', '    900 x'])).toBe(true);
  });
  it('refuses a number outside the real runs’ range', () => {
    expect(agreesWithRealRuns(stats(32, 1820), [stats(31, 1976), stats(27, 1768)])).toBe(false);
    expect(agreesWithRealRuns(stats(28, 1700), [stats(31, 1976), stats(27, 1768)])).toBe(false);
  });
  it('refuses a change in a number every real run agrees on', () => {
    expect(agreesWithRealRuns(stats(28, 1820, 5), [stats(31, 1976), stats(27, 1768)])).toBe(false);
  });
  it('refuses different text, and a single run gives no range', () => {
    expect(agreesWithRealRuns('b 1', ['a 1', 'a 2'])).toBe(false);
    expect(agreesWithRealRuns(stats(28, 1820), [stats(31, 1976)])).toBe(false);
  });
});
