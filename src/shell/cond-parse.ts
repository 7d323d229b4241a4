/**
 * The expression inside `[[ … ]]`, read from the line's tokens as bash reads it: `!`, `( … )`, `&&` and
 * `||` (`&&` binds tighter), unary tests (`-f FILE`, `-z STRING`…), binary ones (`==` `!=` `=~`
 * `<` `>` `-eq`…) and a lone word (true when not empty). `<` and `>` arrive as redirection
 * tokens, which inside `[[ … ]]` compare strings. Words stay unexpanded: they are expanded,
 * without splitting, when the command runs (cond-eval.ts).
 */
import { isBinaryOp, isUnaryOp } from './conditions';
import type { Token, Word } from './parse';

export type CondExpr =
  | { readonly k: 'and' | 'or'; readonly l: CondExpr; readonly r: CondExpr }
  | { readonly k: 'not'; readonly e: CondExpr }
  | { readonly k: 'unary'; readonly op: string; readonly arg: Word }
  | { readonly k: 'binary'; readonly op: string; readonly l: Word; readonly r: Word }
  | { readonly k: 'word'; readonly w: Word };

/**
 * The expression, or what an interactive bash says about it (captured: `[[ 1 -lt ]]`, `[[ -f ]]`,
 * and `[[ ]]`, which says nothing).
 */
export type CondParse = { ok: true; expr: CondExpr } | { ok: false; message: string };

class CondFailure {
  constructor(readonly message: string) {}
}

/** The token as bash names it in an error. */
function shown(tok: Token | undefined): string | undefined {
  if (tok === undefined) return ']]';
  if (tok.t === 'redir') return tok.op;
  return tok.v;
}

/** An unquoted literal word's text (operators only count unquoted). */
function bare(tok: Token | undefined): string | undefined {
  return tok?.t === 'word' && tok.parts.length === 1 && tok.parts[0]?.k === 'lit' && !tok.parts[0].quoted ? tok.v : undefined;
}

/** `<` or `>` typed inside `[[ … ]]` (read as a redirection by the tokenizer). */
function stringOrder(tok: Token | undefined): string | undefined {
  return tok?.t === 'redir' && !tok.both && ((tok.op === '<' && tok.fd === 0) || (tok.op === '>' && tok.fd === 1)) ? tok.op : undefined;
}

export function parseCondition(tokens: readonly Token[]): CondParse {
  let k = 0;
  /** The operand after an operator. */
  const operand = (kind: 'unary' | 'binary'): Word => {
    const tok = tokens[k];
    if (tok?.t !== 'word') throw new CondFailure(`unexpected argument \`${shown(tok)}' to conditional ${kind} operator`);
    k++;
    return tok.parts;
  };
  const term = (): CondExpr => {
    if (bare(tokens[k]) === '!') {
      k++;
      return { k: 'not', e: term() };
    }
    const first = tokens[k];
    if (first?.t === 'op' && first.v === '(') {
      k++;
      const inner = or();
      const close = tokens[k];
      if (close?.t !== 'op' || close.v !== ')') throw new CondFailure(`expected \`)'`);
      k++;
      return inner;
    }
    if (first?.t !== 'word') throw new CondFailure(`unexpected token \`${shown(first)}' in conditional command`);
    k++;
    const op = bare(first);
    if (op !== undefined && isUnaryOp(op)) return { k: 'unary', op, arg: operand('unary') };
    const next = tokens[k];
    if (next === undefined || (next.t === 'op' && ['&&', '||', ')'].includes(next.v))) return { k: 'word', w: first.parts };
    const bin = stringOrder(next) ?? bare(next);
    if (bin === undefined || !(isBinaryOp(bin) || bin === '=~')) {
      throw new CondFailure(`unexpected token \`${shown(next)}', conditional binary operator expected`);
    }
    k++;
    return { k: 'binary', op: bin, l: first.parts, r: operand('binary') };
  };
  const and = (): CondExpr => {
    let l = term();
    while (tokens[k]?.t === 'op' && (tokens[k] as { v: string }).v === '&&') {
      k++;
      l = { k: 'and', l, r: term() };
    }
    return l;
  };
  const or = (): CondExpr => {
    let l = and();
    while (tokens[k]?.t === 'op' && (tokens[k] as { v: string }).v === '||') {
      k++;
      l = { k: 'or', l, r: and() };
    }
    return l;
  };
  try {
    if (tokens.length === 0) return { ok: false, message: '' };
    const expr = or();
    if (k < tokens.length) return { ok: false, message: `bash: syntax error in conditional expression: unexpected token \`${shown(tokens[k])}'` };
    return { ok: true, expr };
  } catch (e) {
    if (e instanceof CondFailure) return { ok: false, message: `bash: ${e.message}` };
    throw e;
  }
}
