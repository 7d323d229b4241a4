/**
 * The tests bash's `test`, `[ … ]` and `[[ … ]]` share: which words are operators, the unary
 * tests on strings and files, and the binary comparisons. The operators, their precedence and
 * the error texts follow bash 5.2's test.c (checked on the oracle: the bash-conditions lab).
 */

/** What a test can ask about the host: its files (as the shell's files hold them), the terminal, the variables. */
export interface TestProbe {
  /** 'file' or 'dir' when the path exists. */
  kind(path: string): 'file' | 'dir' | undefined;
  /** A file's size in bytes (a directory counts as non-empty, as its st_size is). */
  size(path: string): number;
  isatty(fd: number): boolean;
  isSet(name: string): boolean;
}

const UNARY = new Set([...'abcdefghknoprstuvwxzGLOSNR'].map((c) => `-${c}`));
const STRING_BINARY = new Set(['=', '==', '!=', '<', '>']);
const INTEGER_BINARY = new Set(['-eq', '-ne', '-lt', '-le', '-gt', '-ge']);
const FILE_BINARY = new Set(['-nt', '-ot', '-ef']);

export const isUnaryOp = (w: string): boolean => UNARY.has(w);
export const isIntegerOp = (w: string): boolean => INTEGER_BINARY.has(w);
export const isBinaryOp = (w: string): boolean => STRING_BINARY.has(w) || INTEGER_BINARY.has(w) || FILE_BINARY.has(w);

const INT64_MAX = 2n ** 63n - 1n;

/** bash's legal_number: blanks, an optional sign, decimal digits, blanks; within 64 bits. */
export function integerOf(text: string): bigint | undefined {
  const m = /^[ \t\n]*([+-]?\d+)[ \t\n]*$/.exec(text);
  if (!m) return undefined;
  const v = BigInt(m[1] as string);
  return v > INT64_MAX || v < -INT64_MAX - 1n ? undefined : v;
}

export function compareIntegers(op: string, a: bigint, b: bigint): boolean {
  switch (op) {
    case '-eq': return a === b;
    case '-ne': return a !== b;
    case '-lt': return a < b;
    case '-le': return a <= b;
    case '-gt': return a > b;
    default: return a >= b;
  }
}

/** `=`/`==`/`!=` compare as strings here ([[ … ]] matches patterns instead); `<` `>` byte order (the C locale). */
export function compareStrings(op: string, a: string, b: string): boolean {
  if (op === '<') return a < b;
  if (op === '>') return a > b;
  return (a === b) === (op !== '!=');
}

/** `-ef` is the same file; the shell keeps no modification times, so `-nt` and `-ot` hold for an existing file against a missing one only. */
export function compareFiles(op: string, a: string, b: string, probe: TestProbe, same: (a: string, b: string) => boolean): boolean {
  const ea = probe.kind(a) !== undefined;
  const eb = probe.kind(b) !== undefined;
  if (op === '-ef') return ea && eb && same(a, b);
  return op === '-nt' ? ea && !eb : !ea && eb;
}

/**
 * A unary test. The console is root, so every existing file is readable and writable; the files
 * the shell holds are plain ones (not executable, no devices, pipes, sockets or links).
 */
export function unaryTest(op: string, arg: string, probe: TestProbe): boolean {
  switch (op) {
    case '-n': return arg !== '';
    case '-z': return arg === '';
    case '-a': case '-e': case '-r': case '-w': case '-O': case '-G': return probe.kind(arg) !== undefined;
    case '-f': return probe.kind(arg) === 'file';
    case '-d': case '-x': return probe.kind(arg) === 'dir';
    case '-s': return probe.kind(arg) !== undefined && probe.size(arg) > 0;
    case '-t': {
      const fd = integerOf(arg);
      return fd !== undefined && probe.isatty(Number(fd));
    }
    case '-v': return probe.isSet(arg);
    default: return false; // -b -c -p -S -h -L -k -u -g -N -o -R: nothing here is one
  }
}
