/**
 * Runs a parsed `[[ … ]]` (cond-parse.ts): each word expanded without splitting; `==` and `!=`
 * match the right side as a pattern (`*`, `?`, `[…]`; quoted parts match literally), `=~` as
 * an extended regular expression, and `-eq`… compare arithmetic expressions, as bash does.
 * Status 0 true, 1 false, 2 for a regular expression that does not compile.
 */
import { compareFiles, compareIntegers, compareStrings, isIntegerOp, unaryTest, type TestProbe } from './conditions';
import type { CondExpr } from './cond-parse';
import { arithmetic, expandWord, type ExpandEnv } from './expand';
import { fnmatch } from './fnmatch';
import type { Word } from './parse';

class CondAbort {
  constructor(readonly status: number) {}
}

const escapeRegex = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/** The pieces as one fnmatch pattern: quoted text escaped, so that it matches only itself. */
function globOf(pieces: ReadonlyArray<{ text: string; literal: boolean }>): string {
  return pieces.map((p) => (p.literal ? p.text.replace(/[*?[\]\\]/g, '\\$&') : p.text)).join('');
}

/** The word's expanded pieces, each marked literal when it came from quoted text. */
function pieces(word: Word, env: ExpandEnv): Array<{ text: string; literal: boolean }> {
  return word.map((part) => {
    const text = expandWord([part], env);
    if (text === undefined) throw new CondAbort(1);
    return { text, literal: part.quoted };
  });
}

/** Whether a case item's pattern matches `word` (quoted parts of the pattern match literally). */
export function caseMatches(word: string, pattern: Word, env: ExpandEnv): boolean {
  try {
    return fnmatch(globOf(pieces(pattern, env)), word);
  } catch (e) {
    if (e instanceof CondAbort) return false;
    throw e;
  }
}

export function evaluateCondition(expr: CondExpr, env: ExpandEnv, probe: TestProbe, samePath: (a: string, b: string) => boolean): number {
  const text = (w: Word): string => {
    const v = expandWord(w, env);
    if (v === undefined) throw new CondAbort(1);
    return v;
  };
  const integer = (w: Word): bigint => {
    const v = arithmetic(text(w), env);
    if (v === undefined) throw new CondAbort(1);
    return BigInt(v);
  };
  const test = (e: CondExpr): boolean => {
    switch (e.k) {
      case 'and': return test(e.l) && test(e.r);
      case 'or': return test(e.l) || test(e.r);
      case 'not': return !test(e.e);
      case 'word': return text(e.w) !== '';
      case 'unary': return unaryTest(e.op, text(e.arg), probe);
      case 'binary': {
        if (isIntegerOp(e.op)) return compareIntegers(e.op, integer(e.l), integer(e.r));
        const left = text(e.l);
        if (e.op === '==' || e.op === '=' || e.op === '!=') {
          let match: boolean;
          try {
            match = fnmatch(globOf(pieces(e.r, env)), left);
          } catch {
            match = left === text(e.r); // a bracket no regular expression can hold (`[z-a]`): matches only itself
          }
          return match === (e.op !== '!=');
        }
        if (e.op === '=~') {
          let re: RegExp;
          try {
            re = new RegExp(pieces(e.r, env).map((p) => (p.literal ? escapeRegex(p.text) : p.text)).join(''));
          } catch {
            throw new CondAbort(2);
          }
          return re.test(left);
        }
        if (e.op === '<' || e.op === '>') return compareStrings(e.op, left, text(e.r));
        return compareFiles(e.op, left, text(e.r), probe, samePath);
      }
    }
  };
  try {
    return test(expr) ? 0 : 1;
  } catch (e) {
    if (e instanceof CondAbort) return e.status;
    throw e;
  }
}
