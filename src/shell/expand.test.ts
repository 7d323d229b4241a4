/**
 * bash's expansions as the bash-forms lab captured them on the real VM (results/bash-forms):
 * braces, variables, $?, $(…) and backquotes, $((…)), word splitting and quoting; each line is
 * its own `bash -c`, so nothing carries over to the next line.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getPreset } from '../engine';
import { ConsoleSession } from './session';

function out(s: ConsoleSession, host: string, line: string): string {
  return s.type(host, line).transcript.split('\n').slice(1).join('\n');
}

describe('expansions', () => {
  const s = ConsoleSession.fromScenario(getPreset('dr-lab')!);

  it('expands variables set earlier on the line, in every quoting the lab used', () => {
    expect(out(s, 'C', `N=3; echo $N \${N} "$N" '$N' \\$N`)).toBe('3 3 3 $N $N\n');
    expect(out(s, 'C', 'A=1 B=2; echo $A$B ${A}-${B}')).toBe('12 1-2\n');
    expect(out(s, 'C', 'X=hello echo "x=[$X]"')).toBe('x=[]\n');
    expect(out(s, 'C', 'echo $UNSET_VAR_X end')).toBe('end\n');
  });

  it('forgets variables between lines, as each line is its own bash -c', () => {
    s.type('C', 'VIP=10.10.10.100');
    expect(out(s, 'C', 'echo "VIP=[$VIP]"')).toBe('VIP=[]\n');
  });

  it('gives $? the last status, also after a failed command on the same line', () => {
    expect(out(s, 'C', 'false; echo $?')).toBe('1\n');
    expect(out(s, 'C', 'true; echo $?')).toBe('0\n');
    expect(out(s, 'C', 'nosuch; echo $?')).toBe('bash: nosuch: command not found\n127\n');
    expect(out(s, 'C', 'false && echo yes || echo no')).toBe('no\n');
  });

  it('substitutes commands, strips their trailing newlines, and splits unquoted results', () => {
    expect(out(s, 'C', 'echo "$(echo hi) there"')).toBe('hi there\n');
    expect(out(s, 'C', 'echo `echo hi`')).toBe('hi\n');
    expect(out(s, 'C', 'for i in $(seq 3); do echo "<$i>"; done')).toBe('<1>\n<2>\n<3>\n');
    expect(out(s, 'C', 'x="a   b"; echo $x "$x"')).toBe('a b a   b\n');
  });

  it('expands braces and arithmetic', () => {
    expect(out(s, 'C', 'echo {1..4} x{a,b}y')).toBe('1 2 3 4 xay xby\n');
    expect(out(s, 'C', "echo '{1..3}' \"{a,b}\"")).toBe('{1..3} {a,b}\n');
    expect(out(s, 'C', 'i=4; echo $((i + 1)) $(( (2+3)*4 % 7 ))')).toBe('5 6\n');
    // A division by zero stops the command with bash's error (its wording is not captured yet).
    const r = s.type('C', 'echo $((1/0))');
    expect(r.exitCode).toBe(1);
    expect(r.transcript).toMatch(/\nbash: 1\/0: division by 0/);
  });

  it('runs a loop per item, piping the whole loop', () => {
    expect(out(s, 'C', 'for f in a b; do echo "$f"; done; echo after')).toBe('a\nb\nafter\n');
    expect(out(s, 'C', 'for i in 3 1 2; do echo $i; done | sort -r')).toBe('3\n2\n1\n');
    expect(out(s, 'C', 'for i in 1 2; do echo $i; done > /tmp/loop-C; cat /tmp/loop-C')).toBe('1\n2\n');
  });

  it('never throws on random lines built from the forms labs use', () => {
    const piece = fc.constantFrom('for', 'i', 'in', 'do', 'done', ';', '$i', '${i}', '$(', ')', '`', '"', "'", '{1..3}', '$((', '))', '|', 'echo', 'seq', '2', 'x=1', '$?', '&&', '\\');
    fc.assert(fc.property(fc.array(piece, { maxLength: 14 }), (parts) => {
      const r = s.type('C', parts.join(' '));
      expect(typeof r.exitCode).toBe('number');
    }), { numRuns: 200 });
  });
});

describe('parameter forms', () => {
  const s = ConsoleSession.fromScenario(getPreset('dr-lab')!);
  it('gives a length and defaults', () => {
    expect(out(s, 'C', 'V=abc; echo ${#V} ${U:-dflt} ${V:-x} ${V:+set} ${U:+set}.')).toBe('3 dflt abc set .\n');
    expect(out(s, 'C', 'echo ${U:=given} $U')).toBe('given given\n');
  });
});
