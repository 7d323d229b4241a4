/**
 * `test` and `[ … ]` rule by rule, against what bash 5.2 printed in the bash-conditions labs
 * (the whole labs are compared in oracle-labs.test.ts; these pin each rule).
 */
import { describe, expect, it } from 'vitest';
import { lineRunnerAtC } from '../test/line-runner';

const run = lineRunnerAtC();
const status = (line: string): number => run(line).status;

describe('test and [ by the number of arguments', () => {
  it('is false with none, and with one true when it is not empty', () => {
    expect(status('[ ]')).toBe(1);
    expect(status('test')).toBe(1);
    expect(status('[ abc ]')).toBe(0);
    expect(status('[ "" ]')).toBe(1);
    expect(status('[ -n ]')).toBe(0); // one argument: a word, not an operator
    expect(status('[ ! ]')).toBe(0);
  });

  it('reads two as ! WORD or a unary test, else "unary operator expected"', () => {
    expect(status('[ -z "" ]')).toBe(0);
    expect(status('[ ! -z "" ]')).toBe(1);
    expect(run('[ 1 -lt ]')).toEqual({ out: 'bash: [: 1: unary operator expected\n', status: 2 });
    expect(run('[ $undefined -eq 1 ]')).toEqual({ out: 'bash: [: -eq: unary operator expected\n', status: 2 });
  });

  it('reads three as a binary test, -a/-o of two words, ! of two, or ( WORD )', () => {
    expect(status('[ abc = abc ]')).toBe(0);
    expect(status('[ x == x ]')).toBe(0);
    expect(status('[ foo != bar ]')).toBe(0);
    expect(status('[ b \\> a ]')).toBe(0);
    expect(status('[ a -a "" ]')).toBe(1);
    expect(status('[ a -o "" ]')).toBe(0);
    expect(run('[ 1 2 3 ]')).toEqual({ out: 'bash: [: 2: binary operator expected\n', status: 2 });
  });

  it('compares integers as bash reads them (blanks and a sign allowed, 64 bits)', () => {
    expect(status('[ 10 -gt 9 ]')).toBe(0);
    expect(status('[ 01 -eq 1 ]')).toBe(0);
    expect(status('[ " 5 " -eq 5 ]')).toBe(0);
    expect(status('[ -1 -lt 0 ]')).toBe(0);
    expect(status('test 5 -ne 5')).toBe(1);
    expect(run('[ abc -lt 2 ]')).toEqual({ out: 'bash: [: abc: integer expression expected\n', status: 2 });
    expect(run('[ 99999999999999999999 -gt 1 ]')).toEqual({ out: 'bash: [: 99999999999999999999: integer expression expected\n', status: 2 });
  });

  it('parses more with -o over -a over ! and parentheses', () => {
    expect(status('[ 1 -eq 1 -a 2 -eq 3 ]')).toBe(1);
    expect(status('[ 1 -eq 2 -o 2 -eq 2 ]')).toBe(0);
    expect(status('[ \\( 1 -eq 1 \\) ]')).toBe(0);
    expect(status('[ ! 1 -eq 2 -a 3 -eq 3 ]')).toBe(0);
    expect(run('[ 1 -eq 1 -a ]')).toEqual({ out: 'bash: [: argument expected\n', status: 2 });
    expect(run('[ 1 -lt 2 ] ]')).toEqual({ out: 'bash: [: too many arguments\n', status: 2 });
    expect(run('test 1 = 1 = 1')).toEqual({ out: 'bash: test: too many arguments\n', status: 2 });
    expect(run('[ \\( 1 -eq 1 x ]')).toEqual({ out: "bash: [: `)' expected, found x\n", status: 2 });
  });

  it("wants its closing ] and names itself in its messages", () => {
    expect(run('[ 1 -lt 2')).toEqual({ out: "bash: [: missing `]'\n", status: 2 });
    expect(run('[1 -eq 1 ]')).toEqual({ out: 'bash: [1: command not found\n', status: 127 });
  });
});

describe('file tests on the host', () => {
  it('sees the files the shell wrote, its directories and /proc/sys', () => {
    run('echo x > /tmp/cond-test');
    expect(status('[ -f /tmp/cond-test ]')).toBe(0);
    expect(status('[ -s /tmp/cond-test ]')).toBe(0);
    expect(status('[ -d /tmp/cond-test ]')).toBe(1);
    expect(status('[ -d /tmp ]')).toBe(0);
    expect(status('[ -x /tmp ]')).toBe(0);
    expect(status('[ ! -e /tmp/nothing-here ]')).toBe(0);
    expect(status('[ -e /proc/sys/net/ipv4/ip_forward ]')).toBe(0);
    expect(status('[ -s /proc/sys/net/ipv4/ip_forward ]')).toBe(1); // procfs files have size 0
    expect(status('[ -d /proc/sys/net/ipv4/conf/eth0 ]')).toBe(0);
    expect(status('[ -d /proc/sys/net/ipv4/conf/eth9 ]')).toBe(1);
    expect(status('[ /tmp/cond-test -ef /tmp/../tmp/cond-test ]')).toBe(0);
  });

  it('knows whether stdout is the terminal', () => {
    expect(run('[ -t 1 ] && echo tty').out).toBe('tty\n');
    expect(run('[ -t 1 ] && echo tty | cat').out).toBe('tty\n');
    expect(run('[ -t 1 ] > /dev/null; echo $?').out).toBe('1\n');
  });
});
