/**
 * A lab run more than once on the real kernel does not print the same thing every time: how many
 * packets a curl's close takes depends on the VM's timing (a lone ACK after the delayed-ACK time,
 * a SYN_RECV entry left by a timed-out curl). So a block of our transcript that differs from the
 * first capture still agrees with the kernel when it equals another real run's block, or when
 * every real run prints the same text and only numbers differ, and ours lies within their range.
 * Everything that is the same in every real run must be the same in ours.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Transcripts of the same lab's later real runs: results/<lab>/reruns/transcript-N.txt. */
export function rerunTranscripts(resultsDir: string): string[] {
  const dir = join(resultsDir, 'reruns');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => /^transcript-\d+\.txt$/.test(f)).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
}

const NUMBER = /(\d+)/;

/**
 * A block as its text with the numbers taken out, and the numbers. Runs of spaces count as one:
 * a right-aligned column pads a shorter number with one more space.
 */
function shape(block: string): { text: string[]; numbers: number[] } {
  const parts = block.split(NUMBER);
  return {
    text: parts.filter((_, i) => i % 2 === 0).map((t) => t.replace(/ +/g, ' ')),
    numbers: parts.filter((_, i) => i % 2 === 1).map(Number),
  };
}

/** Whether `ours` agrees with some real run's block, or lies within what the real runs printed. */
export function agreesWithRealRuns(ours: string, real: readonly string[]): boolean {
  if (real.includes(ours)) return true;
  if (real.length < 2) return false;
  const runs = real.map(shape);
  const mine = shape(ours);
  const sameText = (a: string[], b: string[]): boolean => a.length === b.length && a.every((t, i) => t === b[i]);
  if (!runs.every((r) => sameText(r.text, mine.text))) return false;
  return mine.numbers.every((n, i) => {
    const seen = runs.map((r) => r.numbers[i] as number);
    return n >= Math.min(...seen) && n <= Math.max(...seen);
  });
}
