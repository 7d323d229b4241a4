/**
 * The pipe model (pipes.ts): when a reader that stops early has gone, and what that does to the
 * writer's next write. The whole-line behaviour is in language.test.ts and the bash-shell lab.
 */
import { describe, expect, it } from 'vitest';
import { parseLine, type Command } from './parse';
import { newPipe, QUICK_WRITES, readerDemand, writePipe } from './pipes';

const reader = (line: string): Command => {
  const r = parseLine(line);
  if (!r.ok) throw new Error(r.error);
  return r.list.pipelines[0]!.commands[0]!;
};
const demand = (line: string): ((input: string) => boolean) => readerDemand(reader(line), new Set());

describe('readerDemand', () => {
  it('knows head by lines and bytes, read by a line, and commands that read nothing', () => {
    expect(demand('head -n 2')('a\n')).toBe(false);
    expect(demand('head -n 2')('a\nb\n')).toBe(true);
    expect(demand('head -3')('a\nb\nc\n')).toBe(true);
    expect(demand('head -c 5')('x\nx\n')).toBe(false);
    expect(demand('head -c 5')('x\nx\nx\n')).toBe(true);
    expect(demand('head file')('')).toBe(true);
    expect(demand('read a')('x')).toBe(false);
    expect(demand('read a')('x\n')).toBe(true);
    expect(demand('true')('')).toBe(true);
  });

  it('lets readers of the whole input, compound commands and functions read to the end', () => {
    for (const line of ['sort', 'wc -l', 'grep x', 'head -n $N', 'while read l; do :; done', 'f']) {
      expect(readerDemand(reader(line), new Set(['f']))('a\n'.repeat(100_000))).toBe(false);
    }
  });
});

describe('writePipe', () => {
  it('lets quick writes land before the reader reads, then refuses the one after it has gone', () => {
    const gone: string[] = [];
    const pipe = newPipe(0, (input) => input.length >= 2, (input) => gone.push(input));
    for (let i = 0; i < QUICK_WRITES; i++) expect(writePipe(pipe, 'y\n', 0)).toBe(true);
    expect(gone).toEqual([]);
    expect(writePipe(pipe, 'y\n', 0)).toBe(true);
    expect(gone).toHaveLength(1);
    expect(writePipe(pipe, 'y\n', 0)).toBe(false);
  });

  it('has the reader read once simulated time has passed, or the pipe holds 64 KiB', () => {
    const later = newPipe(0, () => true);
    expect(writePipe(later, 'a\n', 5)).toBe(true);
    expect(writePipe(later, 'b\n', 5)).toBe(false);
    const full = newPipe(0, () => true);
    expect(writePipe(full, 'y'.repeat(65536), 0)).toBe(true);
    expect(writePipe(full, 'y', 0)).toBe(false);
  });
});
