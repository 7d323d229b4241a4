/**
 * curl's progress meter (lib/progress.c, 7.88): two header lines, then a line at the start and
 * a final one when the transfer is done, each after a carriage return, and a newline. Lines in
 * between come at most once per wall-clock second; a simulated transfer takes milliseconds, so
 * it shows the first and the final line. Speeds are bytes per second over the simulated time.
 */

const HEADER = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n'
  + '                                 Dload  Upload   Total   Spent    Left  Speed\n';

/** max5data: at most five columns, with k, M, G suffixes. */
export function max5(bytes: number): string {
  const K = 1024;
  const M = K * K;
  if (bytes < 100000) return String(bytes).padStart(5);
  if (bytes < 10000 * K) return `${String(Math.floor(bytes / K)).padStart(4)}k`;
  if (bytes < 100 * M) return `${String(Math.floor(bytes / M)).padStart(2)}.${Math.floor((bytes % M) / (M / 10))}M`;
  return `${String(Math.floor(bytes / M)).padStart(4)}M`;
}

/** time2str: "--:--:--" for nothing, else H:MM:SS in eight columns. */
export function time2str(seconds: number): string {
  if (seconds <= 0) return '--:--:--';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds - h * 3600) / 60);
  const s = seconds - h * 3600 - m * 60;
  return `${String(h).padStart(2)}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

function line(downloaded: number, size: number | undefined, spentUs: number, currentSpeed: number): string {
  const speed = spentUs < 1 ? downloaded * 1_000_000 : Math.floor((downloaded * 1_000_000) / spentUs);
  const known = size !== undefined && speed > 0;
  const percent = (part: number, whole: number): number => (whole > 10000 ? Math.floor(part / Math.floor(whole / 100)) : whole > 0 ? Math.floor((part * 100) / whole) : 0);
  const estimate = known ? Math.floor((size as number) / speed) : 0;
  const spent = Math.floor(spentUs / 1_000_000);
  const total = size !== undefined ? size : downloaded;
  const pct = (n: number): string => String(n).padStart(3);
  return `\r${pct(percent(downloaded, total))} ${max5(total)}  ${pct(known ? percent(downloaded, size as number) : 0)} ${max5(downloaded)}  ${pct(0)} ${max5(0)}  `
    + `${max5(speed)}  ${max5(0)} ${time2str(estimate)} ${time2str(spent)} ${time2str(estimate > 0 ? estimate - spent : 0)} ${max5(currentSpeed)}`;
}

export interface Meter {
  /** The forced final update, then the newline (Curl_pgrsDone). */
  done(nowMs: number, downloaded: number, size: number | undefined): void;
}

/** Prints the header and the first line now; `done` prints the final line. */
export function progressMeter(startMs: number, err: (text: string) => void): Meter {
  err(`${HEADER}${line(0, undefined, 0, 0)}`);
  return {
    done(nowMs, downloaded, size) {
      const spentUs = Math.round((nowMs - startMs) * 1000);
      // The "current speed": bytes since the first update over the time since, in whole ms (at least 1).
      const spanMs = Math.max(1, Math.floor(nowMs - startMs));
      err(`${line(downloaded, size, spentUs, Math.floor((downloaded * 1000) / spanMs))}\n`);
    },
  };
}
