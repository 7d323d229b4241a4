/**
 * The bash language a console line may use beyond loops and conditions: pipelines that end by
 * SIGPIPE, PIPESTATUS and pipefail, `read`, groups and subshells, `(( ))`, `case`, functions and
 * `local`, positional parameters, `exit`, and the parameter expansions. Each rule here is what
 * bash 5.2 did in the bash-shell lab (compared whole in oracle-labs.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { lineRunnerAtC } from './test/line-runner';

const run = lineRunnerAtC();
const out = (line: string): string => run(line).out;

describe('pipelines', () => {
  it('end a writer that never stops once its reader has gone (SIGPIPE, status 141)', () => {
    expect(out('yes | head -3')).toBe('y\ny\ny\n');
    expect(out('yes | head -n 2; echo ${PIPESTATUS[@]}')).toBe('y\ny\n141 0\n');
    expect(out('while true; do echo y; done | head -n 2; echo ${PIPESTATUS[@]}')).toBe('y\ny\n141 0\n');
    expect(out('seq 1 100000 | head -n 1; echo ${PIPESTATUS[@]}')).toBe('1\n141 0\n');
  });

  it('let a writer finish that wrote all before its reader read', () => {
    expect(out('seq 1 5 | head -n 2; echo ${PIPESTATUS[@]}')).toBe('1\n2\n0 0\n');
    expect(out('{ echo a; echo b; echo c; } | head -n 1; echo ${PIPESTATUS[*]}')).toBe('a\n0 0\n');
    expect(out('echo hi | true; echo ${PIPESTATUS[@]}')).toBe('0 0\n');
  });

  it('show the reader\'s output as it reads, before the writer\'s next failure (curl ignores SIGPIPE: 23)', () => {
    expect(out('for i in 1 2 3; do curl -s http://10.10.10.100/; echo "curl $?" >&2; done | head -n 1'))
      .toMatch(/^[^\n]+\ncurl 0\ncurl 23\ncurl 23\n$/);
  });

  it('give $? from the last command, or with pipefail the last that failed', () => {
    expect(out('false | true; echo $? ${PIPESTATUS[0]} $PIPESTATUS ${PIPESTATUS[1]}')).toBe('0 1 1 0\n');
    expect(out('set -o pipefail; false | true; echo $?')).toBe('1\n');
    expect(out('set -o pipefail; yes | head -1; echo $?')).toBe('y\n141\n');
  });
});

describe('read', () => {
  it('splits a line at IFS, the last name taking the rest', () => {
    expect(out('read a b <<< "one two three"; echo "$a|$b"')).toBe('one|two three\n');
    expect(out('IFS=: read a b <<< "k:v:w"; echo "$a $b"')).toBe('k v:w\n');
    expect(out('while read l; do echo "[$l]"; done <<< "  lead  "')).toBe('[lead]\n');
    expect(out('while IFS= read -r l; do echo "[$l]"; done <<< "  lead  "')).toBe('[  lead  ]\n');
  });

  it('reads one line a time through a loop, and fails at the end (a last line without newline is lost)', () => {
    expect(out("printf 'l1\\nl2\\n' | while read line; do echo \"got $line\"; done")).toBe('got l1\ngot l2\n');
    expect(out("printf 'a\\nb' | while read l; do echo $l; done")).toBe('a\n');
    expect(out('read x < /dev/null; echo "$? [$x]"')).toBe('1 []\n');
  });

  it('keeps backslashes only with -r, and sets nothing outside a pipeline\'s subshell', () => {
    expect(out("read -r x <<< 'a\\b'; echo \"$x\"; read x <<< 'a\\b'; echo \"$x\"")).toBe('a\\b\nab\n');
    expect(out('echo "x y" | read a; echo "[$a]"')).toBe('[]\n');
    expect(out('echo "x y" | { read a b; echo "$b $a"; }')).toBe('y x\n');
  });
});

describe('groups, subshells, (( )) and case', () => {
  it('run a group in this shell and a subshell apart (its exit and variables stay inside)', () => {
    expect(out('x=1; { x=2; }; echo $x')).toBe('2\n');
    expect(out('x=1; (x=2; echo $x); echo $x')).toBe('2\n1\n');
    expect(out('(echo sub; exit 3); echo $?')).toBe('sub\n3\n');
  });

  it('give (( )) status 0 for a value that is not 0, and name itself in an error', () => {
    expect(out('i=5; (( i++ )); echo $i; (( i += 10 )); echo $i; ((i=i*2)); echo $i')).toBe('6\n16\n32\n');
    expect(out('(( 1/0 )); echo $?')).toBe('bash: ((: 1/0 : division by 0 (error token is "0 ")\n1\n');
  });

  it('match case patterns in order, with | alternatives, ;& and ;;&', () => {
    expect(out('for h in web1 db2 x; do case $h in web*) echo "$h web";; db*|x) echo "$h other";; esac; done')).toBe('web1 web\ndb2 other\nx other\n');
    expect(out('case a in a) echo one;& b) echo two;; c) echo three;; esac')).toBe('one\ntwo\n');
    expect(out('case a in a) echo one;;& a*) echo two;; esac')).toBe('one\ntwo\n');
    expect(run('case a in a) echo x')).toEqual({ out: 'bash: syntax error: unexpected end of file\n', status: 2 });
  });

  it('read braces as reserved words only where a command starts', () => {
    expect(out('{echo a; }')).toBe("bash: syntax error near unexpected token `}'\n");
    expect(out('{ echo a }')).toBe('bash: syntax error: unexpected end of file\n');
  });
});

describe('functions and parameters', () => {
  it('give a function its arguments, undo its locals and return its status', () => {
    expect(out('f() { echo "f got $# args: $1 $2"; }; f a "b c"')).toBe('f got 2 args: a b c\n');
    expect(out('f() { local v=in; echo $v; }; v=out; f; echo $v')).toBe('in\nout\n');
    expect(out('f() { return 3; }; f; echo $?')).toBe('3\n');
    expect(out('f() { for a in "$@"; do echo "[$a]"; done; }; f x "y z"')).toBe('[x]\n[y z]\n');
    expect(out('count() { echo $#; shift; echo $# $1; }; count a b c')).toBe('3\n2 b\n');
  });

  it('refuse local and return outside a function, and say exit as the console leaves', () => {
    expect(run('local x=1')).toEqual({ out: 'bash: local: can only be used in a function\n', status: 1 });
    expect(run('return')).toEqual({ out: "bash: return: can only `return' from a function or sourced script\n", status: 2 });
    expect(run('echo a; exit 3; echo b')).toEqual({ out: 'a\nexit\n', status: 3 });
  });

  it('expand ${…} operations', () => {
    expect(out('x=abc.tar.gz; echo ${x%.*} ${x%%.*} ${x#*.} ${x##*.} ${#x}')).toBe('abc.tar abc tar.gz gz 10\n');
    expect(out('x=abc.tar.gz; echo ${x/a/A} ${x//a/A} ${x/#a/S} ${x/%gz/Z} ${x/.tar}')).toBe('Abc.tar.gz Abc.tAr.gz Sbc.tar.gz abc.tar.Z abc.gz\n');
    expect(out('x=hello; echo ${x:1:3} ${x:2} ${x: -2} ${x^^} ${x^} X${x:10}X')).toBe('ell llo lo HELLO Hello XX\n');
    expect(run('echo ${x:?missing}; echo after')).toEqual({ out: 'bash: x: missing\n', status: 1 });
  });
});

describe('builtins\' options and errors (bash-shell-more)', () => {
  it('read: -n, -d, an unknown option with its usage', () => {
    expect(out('read -n 2 x <<< abcd; echo "$x"')).toBe('ab\n');
    expect(out('read -d : x <<< "a:b"; echo "$x"')).toBe('a\n');
    expect(out('read -x a <<< b; echo $?')).toMatch(/^bash: read: -x: invalid option\nread: usage: read \[-ers\].*\n2\n$/);
  });

  it('set: -x traces, -e leaves at a failure nothing tests, an unknown -o name is refused', () => {
    expect(out('set -x; echo hi')).toBe('+ echo hi\nhi\n');
    expect(run('set -e; false; echo after')).toEqual({ out: '', status: 1 });
    expect(out('set -e; if false; then :; fi; false || echo tested')).toBe('tested\n');
    expect(run('set -o nosuch')).toEqual({ out: 'bash: set: nosuch: invalid option name\n', status: 2 });
  });

  it('exit says exit before its complaint; an arithmetic error abandons the line', () => {
    expect(run('exit x; echo after')).toEqual({ out: 'exit\nbash: exit: x: numeric argument required\n', status: 2 });
    expect(run('echo $((1+)); echo after')).toEqual({ out: 'bash: 1+: syntax error: operand expected (error token is "+")\n', status: 1 });
    expect(out('(( x = 2, y = x * 3 )); echo $x $y')).toBe('2 6\n');
    expect(out('echo $(( 7 % 3 )) $(( 2 ** 10 )) $(( 1 << 4 )) $(( 5 > 3 ? 1 : 0 ))')).toBe('1 1024 16 1\n');
  });

  it('warns of a here-document a line cannot hold, and reads it empty', () => {
    expect(run('cat <<EOF')).toEqual({ out: "bash: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')\n", status: 0 });
  });
});
