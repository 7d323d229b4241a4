/**
 * The text tools against what the real VM printed in the bash-forms lab (GNU coreutils 9.1,
 * GNU grep 3.8): the lab's lines replayed on a fresh console; the whole lab is compared in
 * oracle-labs.test.ts, these pin each tool's rules one by one.
 */
import { describe, expect, it } from 'vitest';
import { getPreset } from '../../../engine';
import { ConsoleSession } from '../../session';
import { grepRegex } from './grep-regex';

const s = ConsoleSession.fromScenario(getPreset('dr-lab')!);
const run = (line: string): { out: string; status: number } => {
  const r = s.type('C', line);
  return { out: r.transcript.split('\n').slice(1).join('\n'), status: r.exitCode };
};

describe('seq', () => {
  it('counts as coreutils does, and names a bad operand', () => {
    expect(run('seq 3').out).toBe('1\n2\n3\n');
    expect(run('seq 1 2 9').out).toBe('1\n3\n5\n7\n9\n');
    expect(run('seq 5 1').out).toBe('');
    expect(run('seq abc')).toEqual({ out: "seq: invalid floating point argument: 'abc'\nTry 'seq --help' for more information.\n", status: 1 });
    expect(run('seq')).toEqual({ out: "seq: missing operand\nTry 'seq --help' for more information.\n", status: 1 });
  });
});

describe('grep', () => {
  it('selects, counts, inverts and numbers lines; status 1 for none, 2 for a missing file', () => {
    expect(run("printf 'a Route\\nb\\nc route\\n' | grep -c Route").out).toBe('1\n');
    expect(run("printf 'a Route\\nb\\nc route\\n' | grep -i route").out).toBe('a Route\nc route\n');
    expect(run("printf 'a\\nTCP x\\n' | grep -n TCP").out).toBe('2:TCP x\n');
    expect(run("printf 'a\\nb\\n' | grep -v a").out).toBe('b\n');
    expect(run("printf 'a\\n' | grep zz").status).toBe(1);
    expect(run('grep -q Route /nonexistent-file; echo $?').out).toBe('grep: /nonexistent-file: No such file or directory\n2\n');
  });

  it('reads basic and extended patterns as GNU grep does', () => {
    const re = (p: string, e: 'basic' | 'extended'): RegExp => new RegExp((grepRegex(p, e) as { source: string }).source);
    expect(re('a|b', 'basic').test('a|b')).toBe(true);
    expect(re('a|b', 'basic').test('b')).toBe(false);
    expect(re('a\\|b', 'basic').test('b')).toBe(true);
    expect(re('Route|Masq', 'extended').test('Masq')).toBe(true);
    expect(re('[[:digit:]]+', 'extended').test('x7')).toBe(true);
    expect(re('x+', 'basic').test('x+')).toBe(true);
  });
});

describe('head, tail, wc, sort, uniq', () => {
  it('takes lines from either end', () => {
    expect(run('seq 5 | head -n 2').out).toBe('1\n2\n');
    expect(run('seq 5 | head -3').out).toBe('1\n2\n3\n');
    expect(run('seq 5 | tail -n 2').out).toBe('4\n5\n');
    expect(run('seq 5 | tail -n +4').out).toBe('4\n5\n');
    expect(run('seq 5 | head -n 2 | tail -n 1').out).toBe('2\n');
  });

  it("pads wc's counts as coreutils does: 1 column for one count, 7 for a pipe's three", () => {
    expect(run('seq 6 | wc -l').out).toBe('6\n');
    expect(run("printf 'ab cd\\n' | wc").out).toBe('      1       2       6\n');
    s.type('C', 'echo hello > /tmp/t-C; echo world >> /tmp/t-C');
    expect(run('wc -l /tmp/t-C').out).toBe('2 /tmp/t-C\n');
    expect(run('wc -l < /tmp/t-C').out).toBe('2\n');
  });

  it('sorts bytewise (the C locale) and counts runs', () => {
    expect(run("printf 'b\\nTCP\\n  ->\\na\\n' | sort").out).toBe('  ->\nTCP\na\nb\n');
    expect(run("printf 'b\\na\\nb\\nb\\n' | uniq -c").out).toBe('      1 b\n      1 a\n      2 b\n');
    expect(run("printf 'b\\na\\nb\\nb\\n' | sort | uniq").out).toBe('a\nb\n');
  });
});

describe('cut, tr, tee and grep -o/-A (bash-forms-more)', () => {
  it('cuts characters and fields', () => {
    expect(run('echo hello | cut -c 2-4').out).toBe('ell\n');
    expect(run('echo a:b:c | cut -d: -f1,3').out).toBe('a:c\n');
    expect(run("printf '  -> 10.10.10.12:80  Route\\n' | tr -s ' ' | cut -d' ' -f3").out).toBe('10.10.10.12:80\n');
  });

  it('translates, deletes and squeezes', () => {
    expect(run('echo IPvs | tr a-z A-Z').out).toBe('IPVS\n');
    expect(run("echo 'hello world' | tr ' ' '\\n'").out).toBe('hello\nworld\n');
    expect(run("echo 'a->b' | tr -d '>'").out).toBe('a-b\n');
  });

  it('tees to a file and to stdout', () => {
    expect(run('seq 3 | tee /tmp/tee-C | wc -l').out).toBe('3\n');
    expect(run('cat /tmp/tee-C').out).toBe('1\n2\n3\n');
  });

  it('prints only the matches with -o, and context with -A', () => {
    expect(run("printf 'RS1 10.10.10.12\\n' | grep -o 'RS[0-9]'").out).toBe('RS1\n');
    expect(run("printf 'a\\nTCP\\nb\\nc\\nTCP\\n' | grep -A 1 TCP").out).toBe('TCP\nb\n--\nTCP\n');
  });

  it('runs arithmetic loops', () => {
    expect(run('for ((i=1; i<=3; i++)); do echo "n=$i"; done').out).toBe('n=1\nn=2\nn=3\n');
    expect(run('i=0; for x in a b c; do i=$((i+1)); done; echo $i').out).toBe('3\n');
  });
});
