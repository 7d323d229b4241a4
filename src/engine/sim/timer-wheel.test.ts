import { describe, expect, it } from 'vitest';
import { JIFFIES_AT_ZERO, JIFFY_MS, bucketExpiry, jiffiesAt, msToJiffies, wheelDelayMs } from './timer-wheel';

describe('the kernel timer wheel at HZ=250', () => {
  it('rounds a level-0 timer (under 63 jiffies) up by one jiffy', () => {
    expect(bucketExpiry(1000, 10)).toBe(1001);
  });

  it('files a 1 s timer (250 jiffies) in level 1: up to the next 8-jiffy boundary', () => {
    expect(bucketExpiry(1000, 250)).toBe(1008);
    expect(bucketExpiry(1007, 250)).toBe(1008);
    expect(bucketExpiry(1008, 250)).toBe(1016);
  });

  it('files a 5 s timer (1250 jiffies) in level 2: up to the next 64-jiffy boundary', () => {
    expect(bucketExpiry(1000, 1250)).toBe(1024);
    expect(bucketExpiry(1024, 1250)).toBe(1088);
  });

  it('runs a 1 s timer 4 to 32 ms late, whatever the phase', () => {
    const lates = new Set<number>();
    for (let t = 0; t < 64; t += 0.5) {
      const late = wheelDelayMs(t, 1000) - 1000;
      expect(late).toBeGreaterThan(0);
      expect(late).toBeLessThanOrEqual(32);
      lates.add(Math.round(late));
    }
    expect(lates.size).toBeGreaterThan(8);
  });

  it('fires on a tick: the firing time is a whole number of jiffies from time 0', () => {
    const at = 123.4 + wheelDelayMs(123.4, 1000);
    expect(at % JIFFY_MS).toBe(0);
    expect(jiffiesAt(at)).toBe(JIFFIES_AT_ZERO + at / JIFFY_MS);
  });

  it('turns milliseconds into whole jiffies, rounding up', () => {
    expect(msToJiffies(1000)).toBe(250);
    expect(msToJiffies(1001)).toBe(251);
    expect(msToJiffies(40)).toBe(10);
  });
});
