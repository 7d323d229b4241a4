/**
 * tcpdump's default timestamp (`-t` not given): the time of day, `HH:MM:SS.uuuuuu`, in UTC
 * here (tcpdump prints local time; the simulated world's clock has no zone, and the oracle's
 * texts were made with TZ=UTC).
 */

const US_PER_DAY = 86_400_000_000;

export function timeOfDay(micros: number): string {
  const inDay = ((Math.round(micros) % US_PER_DAY) + US_PER_DAY) % US_PER_DAY;
  const s = Math.floor(inDay / 1_000_000);
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}.${pad(inDay % 1_000_000, 6)}`;
}
