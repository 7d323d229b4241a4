/**
 * while/until, if/elif/else, `[[ … ]]`, `!`, break and continue, as an interactive bash 5.2 ran
 * them in the bash-conditions labs (compared whole in oracle-labs.test.ts; these pin the rules),
 * and the round limit that keeps a loop that never ends from hanging the console.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineRunnerAtC } from './test/line-runner';
import { MAX_LOOP_EVENTS, MAX_LOOP_ROUNDS } from './loop-control';

const fresh = lineRunnerAtC;
const run = fresh();

describe('while and until', () => {
  it('loop while the condition holds (until: while it fails), with the line\'s variables', () => {
    expect(run('i=0; while [ $i -lt 3 ]; do echo "i=$i"; i=$((i+1)); done').out).toBe('i=0\ni=1\ni=2\n');
    expect(run('n=3; until [ $n -eq 0 ]; do echo $n; n=$((n-1)); done').out).toBe('3\n2\n1\n');
  });

  it('return the body\'s last status, 0 when the body never ran, even after a failing condition', () => {
    expect(run('while false; do echo never; done; echo $?').out).toBe('0\n');
    expect(run('while [ $j -lt 3 ]; do echo $j; done; echo $?').out).toBe('bash: [: -lt: unary operator expected\n0\n');
    expect(run('i=0; while [ $i -lt 1 ]; do i=1; false; done; echo $?').out).toBe('1\n');
  });

  it('take redirections and pipes after done', () => {
    expect(run('i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done | wc -l').out).toBe('3\n');
    expect(run('i=0; while [ $i -lt 2 ]; do echo x; i=$((i+1)); done > /tmp/loop-C; cat /tmp/loop-C').out).toBe('x\nx\n');
  });

  it('run traffic in the loop as typed (a served page each round)', () => {
    const r = run('i=0; while [ $i -lt 2 ]; do curl -s http://10.10.10.100/; i=$((i+1)); done');
    expect(r.out.split('\n').filter((l) => l !== '')).toHaveLength(2);
  });
});

describe('break and continue', () => {
  it('leave or skip a round of the innermost loop, or N loops out', () => {
    expect(run('for i in 1 2 3; do if [ $i -eq 2 ]; then continue; fi; echo $i; done').out).toBe('1\n3\n');
    expect(run('for i in 1 2 3; do [ $i -eq 2 ] && break; echo $i; done').out).toBe('1\n');
    expect(run('for i in 1 2; do for j in a b; do [ $j = b ] && continue 2; echo $i$j; done; done').out).toBe('1a\n2a\n');
    expect(run('for i in 1 2 3; do while true; do break 2; done; echo no; done; echo out').out).toBe('out\n');
    expect(run('for i in 1 2 3; do echo $i; break 5; done; echo $?').out).toBe('1\n0\n');
    expect(run('for i in 1 2 3; do continue 2; echo no; done; echo $?').out).toBe('0\n');
    expect(run('while true; do echo once; break; done').out).toBe('once\n');
  });

  it("say bash's messages outside a loop, for a count below 1 and for a word", () => {
    expect(run('break; echo $?').out).toBe("bash: break: only meaningful in a `for', `while', or `until' loop\n0\n");
    expect(run('continue; echo $?').out).toBe("bash: continue: only meaningful in a `for', `while', or `until' loop\n0\n");
    expect(run('for i in 1 2; do echo $i; break 0; done; echo $?').out).toBe('1\nbash: break: 0: loop count out of range\n1\n');
    // A word for the count ends the whole line with status 1 (captured).
    expect(run('for i in 1 2; do break x; done; echo $?')).toEqual({ out: 'bash: break: x: numeric argument required\n', status: 1 });
  });
});

describe('if', () => {
  it('runs the first branch whose condition holds, and returns its status (0 when none ran)', () => {
    expect(run('if [ 1 -gt 2 ]; then echo a; elif [ 2 -gt 1 ]; then echo b; else echo c; fi').out).toBe('b\n');
    expect(run('if false; then echo t; fi; echo $?').out).toBe('0\n');
    expect(run('if true; then false; fi; echo $?').out).toBe('1\n');
    expect(run('if ping -c 1 -W 1 10.10.10.99 > /dev/null; then echo up; else echo down; fi').out).toBe('down\n');
    expect(run('if true; then echo a; fi | tr a b').out).toBe('b\n');
  });

  it('inverts a pipeline after !', () => {
    expect(run('! true; echo $?').out).toBe('1\n');
    expect(run('! [ 1 -eq 2 ] && echo negated').out).toBe('negated\n');
  });

  it("gives bash's syntax errors, status 2", () => {
    expect(run('if true; echo t; fi')).toEqual({ out: "bash: syntax error near unexpected token `fi'\n", status: 2 });
  });
});

describe('[[ … ]]', () => {
  it('expands words without splitting, matches patterns and regular expressions', () => {
    expect(run('x="a b"; [[ $x == "a b" ]] && echo nosplit').out).toBe('nosplit\n');
    expect(run('[[ abc == a* ]] && echo glob').out).toBe('glob\n');
    expect(run('[[ abc == "a*" ]]; echo $?').out).toBe('1\n');
    expect(run('[[ abc == a?[bc] ]] && echo class').out).toBe('class\n');
    expect(run('[[ abc =~ ^a.c$ ]] && echo re').out).toBe('re\n');
    expect(run('[[ a < b ]] && echo less').out).toBe('less\n');
    expect(run('[[ $undefined == "" ]] && echo unset').out).toBe('unset\n');
  });

  it('reads -eq and the like as arithmetic, and && || ! between tests', () => {
    expect(run('[[ abc -lt 2 ]]; echo $?').out).toBe('0\n');
    expect(run('x=5; [[ x+1 -eq 6 ]] && echo arith').out).toBe('arith\n');
    expect(run('[[ 1 -lt 2 && 3 -gt 2 ]] && echo both').out).toBe('both\n');
    expect(run('[[ 1 -eq 1 || 1 -eq 2 ]] && echo either').out).toBe('either\n');
    expect(run('[[ ! -e /tmp/none ]] && echo notthere').out).toBe('notthere\n');
    expect(run('[[ -v x ]]; echo $?; x=1; [[ -v x ]]; echo $?').out).toBe('1\n0\n');
  });

  it('ends the line with status 0 when malformed, as an interactive bash does (captured)', () => {
    expect(run('[[ 1 -lt ]] && echo x')).toEqual({ out: "bash: unexpected argument `]]' to conditional binary operator\n", status: 0 });
    expect(run('[[ ]]; echo $?')).toEqual({ out: '', status: 0 });
  });
});

describe('a loop that never ends', () => {
  it(`stops after ${MAX_LOOP_ROUNDS} rounds of the whole line, says so once, and ends the line with status 1`, () => {
    const stop = `lvs-flow: bash: the loop stopped after ${MAX_LOOP_ROUNDS} rounds (a real console runs it until Ctrl+C)\n`;
    expect(run('while true; do :; done; echo after')).toEqual({ out: stop, status: 1 });
    expect(run('for i in 1 2; do while true; do :; done; done; echo $?')).toEqual({ out: stop, status: 1 });
    expect(run('until false; do x=1; done')).toEqual({ out: stop, status: 1 });
    expect(run('for ((;;)); do :; done')).toEqual({ out: stop, status: 1 });
    const counted = run('i=0; while true; do i=$((i+1)); echo $i; done | tail -n 1');
    expect(counted.out).toBe(`${stop}${MAX_LOOP_ROUNDS}\n`);
  });

  it(`stops once its traffic has added ${MAX_LOOP_EVENTS} events to the trace, each round's curl served`, () => {
    const r = run('while true; do curl -s http://10.10.10.100/; done | sort | uniq -c');
    const m = /^lvs-flow: bash: the loop stopped after (\d+) rounds: its traffic reached 10000 simulated events \(a real console runs it until Ctrl\+C\)\n/.exec(r.out);
    expect(m).not.toBeNull();
    const served = [...r.out.matchAll(/^ +(\d+) <h1>RS[12] /gm)].reduce((n, c) => n + Number(c[1]), 0);
    expect(served).toBe(Number(m?.[1]));
    expect(served).toBeGreaterThan(100);
  });

  it('gives the same transcript every time (the limits count rounds and events, not time)', () => {
    const line = 'while true; do curl -s http://10.10.10.100/; sleep 1; done | sort | uniq -c';
    expect(fresh()(line)).toEqual(fresh()(line));
  });
});

describe('random lines of loops, conditions and their errors', () => {
  it('never throw, always end, and give a status from 0 to 255', () => {
    const piece = fc.constantFrom(
      ' if ', ' then ', ' elif ', ' else ', ' fi ', ' while ', ' until ', ' do ', ' done ', ' for i in 1 2; do ', ' [[ ', ' ]] ',
      ' [ ', ' ] ', ' test ', ' ! ', ' -eq ', ' -lt ', ' -f ', ' -z ', ' == ', ' =~ ', ' < ', ' a* ', ' 1 ', ' x ', '"', ' $x ',
      ' true ', ' false ', ' break ', ' continue 2 ', ' echo y ', '; ', ' && ', ' || ', ' | ', ' x=$((x+1)) ', ' -a ', ' -o ', ' ( ',
    );
    const exec = fresh();
    fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 24 }), (parts) => {
      const r = exec(parts.join(''));
      expect(Number.isInteger(r.status) && r.status >= 0 && r.status <= 255).toBe(true);
      expect(r.out).not.toContain('internal error');
    }), { seed: 11, numRuns: 400 });
  });
});
