/**
 * bash's `test EXPR` and `[ EXPR ]` builtins. With up to four arguments bash decides by their
 * number (POSIX's rules: one word is true when not empty, `! X`, `X OP Y`, `( X )`); with more
 * it parses `-o` over `-a` over `!` over `( … )` and the tests. Errors are bash's, exit 2:
 * `[: 1: unary operator expected`, `[: abc: integer expression expected`, `[: missing \`]'`,
 * `[: too many arguments`.
 */
import type { CommandContext } from '../command';
import { resolvePath, type HostFiles } from '../fs';
import { compareFiles, compareIntegers, compareStrings, integerOf, isBinaryOp, isUnaryOp, unaryTest, type TestProbe } from '../conditions';

class TestError {
  constructor(readonly message: string) {}
}

/** What a test sees of the host: its files, whether stdout/stderr are the terminal, which variables are set. */
export function hostProbe(files: Pick<HostFiles, 'kind' | 'size'>, isatty: { out: boolean; err: boolean }, isSet: (name: string) => boolean): TestProbe {
  return {
    kind: (path) => files.kind(path),
    size: (path) => files.size(path),
    isatty: (fd) => (fd === 1 ? isatty.out : fd === 2 ? isatty.err : false),
    isSet,
  };
}

/** `-ef`: the same file, by path (the shell's files have no links). */
export const samePath = (a: string, b: string): boolean => resolvePath(a) === resolvePath(b);

class Evaluator {
  private pos = 0;
  constructor(private readonly args: readonly string[], private readonly probe: TestProbe) {}

  run(): boolean {
    const n = this.args.length;
    let value: boolean;
    if (n === 0) value = false;
    else if (n === 1) value = this.args[0] !== '';
    else if (n === 2) value = this.two(0);
    else if (n === 3) value = this.three(0);
    else if (n === 4 && this.args[0] === '!') value = !this.three(1);
    else if (n === 4 && this.args[0] === '(' && this.args[3] === ')') value = this.two(1);
    else {
      value = this.or();
      if (this.pos < n) {
        const w = this.args[this.pos] as string;
        throw new TestError(w.startsWith('-') ? `syntax error: \`${w}' unexpected` : 'too many arguments');
      }
    }
    return value;
  }

  private two(at: number): boolean {
    const [a, b] = [this.args[at] as string, this.args[at + 1] as string];
    if (a === '!') return b === '';
    if (isUnaryOp(a)) return unaryTest(a, b, this.probe);
    throw new TestError(`${a}: unary operator expected`);
  }

  private three(at: number): boolean {
    const [a, op, b] = [this.args[at] as string, this.args[at + 1] as string, this.args[at + 2] as string];
    if (isBinaryOp(op)) return this.binary(a, op, b);
    if (op === '-a') return a !== '' && b !== '';
    if (op === '-o') return a !== '' || b !== '';
    if (a === '!') return !this.two(at + 1);
    if (a === '(' && b === ')') return op !== '';
    throw new TestError(`${op}: binary operator expected`);
  }

  private binary(a: string, op: string, b: string): boolean {
    if (/^-(eq|ne|lt|le|gt|ge)$/.test(op)) {
      const l = integerOf(a);
      if (l === undefined) throw new TestError(`${a}: integer expression expected`);
      const r = integerOf(b);
      if (r === undefined) throw new TestError(`${b}: integer expression expected`);
      return compareIntegers(op, l, r);
    }
    if (op.startsWith('-')) return compareFiles(op, a, b, this.probe, samePath);
    return compareStrings(op, a, b);
  }

  private next(): string {
    const w = this.args[this.pos++];
    if (w === undefined) throw new TestError('argument expected');
    return w;
  }

  private or(): boolean {
    const l = this.and();
    if (this.args[this.pos] !== '-o') return l;
    this.pos++;
    const r = this.or();
    return l || r;
  }

  private and(): boolean {
    const l = this.term();
    if (this.args[this.pos] !== '-a') return l;
    this.pos++;
    const r = this.and();
    return l && r;
  }

  private term(): boolean {
    if (this.pos >= this.args.length) throw new TestError('argument expected');
    const w = this.args[this.pos] as string;
    if (w === '!') {
      this.pos++;
      return !this.term();
    }
    if (w === '(') {
      this.pos++;
      const v = this.or();
      const close = this.args[this.pos];
      if (close === undefined) throw new TestError("`)' expected");
      if (close !== ')') throw new TestError(`\`)' expected, found ${close}`);
      this.pos++;
      return v;
    }
    const op = this.args[this.pos + 1];
    if (this.pos + 3 <= this.args.length && op !== undefined && isBinaryOp(op)) {
      this.pos += 3;
      return this.binary(w, op, this.args[this.pos - 1] as string);
    }
    if (this.pos + 2 <= this.args.length && isUnaryOp(w)) {
      this.pos++;
      return unaryTest(w, this.next(), this.probe);
    }
    this.pos++;
    return w !== '';
  }
}

/** `test …` and `[ … ]`: 0 true, 1 false, 2 and bash's message for a malformed expression. */
export function testBuiltin(ctx: CommandContext): number {
  const name = ctx.argv[0] as string;
  let args = ctx.argv.slice(1);
  if (name === '[') {
    if (args[args.length - 1] !== ']') {
      ctx.err(`bash: [: missing \`]'\n`);
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    // The builtin cannot see the shell's variables: `-v` is false here (`[[ -v NAME ]]` sees them).
    return new Evaluator(args, hostProbe(ctx.files, ctx.isatty, () => false)).run() ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestError)) throw e;
    ctx.err(`bash: ${name}: ${e.message}\n`);
    return 2;
  }
}
