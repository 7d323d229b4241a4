/**
 * GNU sed as lab lines use it: `sed [-n] [-E|-r] [-i] [-e] SCRIPT [FILE…]`, the script's commands
 * `;`-separated, each with an optional address (`N`, `$`, `/re/`): `s/RE/REPLACEMENT/[gIp]` (any
 * delimiter, `&` and `\1`…), `p`, `d`, `q`, `i TEXT`, `a TEXT`. Basic regular expressions unless
 * -E. Anything else says it is not simulated, naming sed.
 */
import type { CommandContext } from '../../command';
import { readInputs } from './inputs';

type Address = { k: 'line'; n: number } | { k: 'last' } | { k: 're'; re: RegExp };
type SedCommand =
  | { c: 's'; re: RegExp; to: string; global: boolean; print: boolean }
  | { c: 'p' | 'd' | 'q' } | { c: 'i' | 'a'; text: string };
interface Step { addr: Address | undefined; cmd: SedCommand }

/** What GNU sed prints when given no script (captured: awk-sed lab), exit status 1. */
const USAGE = `${[
  'Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...',
  '',
  '  -n, --quiet, --silent',
  '                 suppress automatic printing of pattern space',
  '      --debug',
  '                 annotate program execution',
  '  -e script, --expression=script',
  '                 add the script to the commands to be executed',
  '  -f script-file, --file=script-file',
  '                 add the contents of script-file to the commands to be executed',
  '  --follow-symlinks',
  '                 follow symlinks when processing in place',
  '  -i[SUFFIX], --in-place[=SUFFIX]',
  '                 edit files in place (makes backup if SUFFIX supplied)',
  '  -l N, --line-length=N',
  '                 specify the desired line-wrap length for the `l\' command',
  '  --posix',
  '                 disable all GNU extensions.',
  '  -E, -r, --regexp-extended',
  '                 use extended regular expressions in the script',
  '                 (for portability use POSIX -E).',
  '  -s, --separate',
  '                 consider files as separate rather than as a single,',
  '                 continuous long stream.',
  '      --sandbox',
  '                 operate in sandbox mode (disable e/r/w commands).',
  '  -u, --unbuffered',
  '                 load minimal amounts of data from the input files and flush',
  '                 the output buffers more often',
  '  -z, --null-data',
  '                 separate lines by NUL characters',
  '      --help     display this help and exit',
  '      --version  output version information and exit',
  '',
  'If no -e, --expression, -f, or --file option is given, then the first',
  'non-option argument is taken as the sed script to interpret.  All',
  'remaining arguments are names of input files; if no input files are',
  'specified, then the standard input is read.',
  '',
  'GNU sed home page: <https://www.gnu.org/software/sed/>.',
  'General help using GNU software: <https://www.gnu.org/gethelp/>.',
].join('\n')}\n`;

class Unsupported {
  constructor(readonly why: string) {}
}

/** One of sed's own script errors (the expression's number is added where it is caught). */
class SedError {
  constructor(readonly what: string) {}
}

/** A basic regular expression as JavaScript reads one: \( \) \{ \} \+ \? \| are the operators. */
function fromBasic(re: string): string {
  return re.replace(/\\([(){}+?|])|([(){}+?|])/g, (_, op: string | undefined, lit: string | undefined) => (op !== undefined ? op : `\\${lit}`));
}

function regex(src: string, extended: boolean, flags: string): RegExp {
  try {
    return new RegExp(extended ? src : fromBasic(src), flags);
  } catch {
    throw new Unsupported(`the regular expression /${src}/`);
  }
}

/** Reads up to the next unescaped `delim` from i: the text and the index after the delimiter. */
function until(s: string, i: number, delim: string, command?: string): [string, number] {
  let out = '';
  for (; i < s.length; i++) {
    if (s[i] === '\\' && s[i + 1] === delim) {
      out += delim;
      i++;
    } else if (s[i] === '\\' && i + 1 < s.length) {
      out += s[i] + (s[i + 1] as string);
      i++;
    } else if (s[i] === delim) return [out, i + 1];
    else out += s[i];
  }
  throw command === undefined ? new Unsupported('an unterminated address') : new SedError(`char ${s.length}: unterminated \`${command}' command`);
}

function parseScript(script: string, extended: boolean): Step[] {
  const steps: Step[] = [];
  let i = 0;
  while (i < script.length) {
    while (/[\s;]/.test(script[i] ?? '')) i++;
    if (i >= script.length) break;
    let addr: Address | undefined;
    const num = /^\d+/.exec(script.slice(i));
    if (num) {
      addr = { k: 'line', n: Number(num[0]) };
      i += num[0].length;
    } else if (script[i] === '$') {
      addr = { k: 'last' };
      i++;
    } else if (script[i] === '/') {
      const [re, next] = until(script, i + 1, '/');
      addr = { k: 're', re: regex(re, extended, '') };
      i = next;
    }
    const c = script[i++];
    if (c === 's') {
      const delim = script[i] as string;
      const [re, a] = until(script, i + 1, delim, 's');
      const [to, b] = until(script, a, delim, 's');
      const flags = /^[gIip]*/.exec(script.slice(b))?.[0] ?? '';
      i = b + flags.length;
      steps.push({ addr, cmd: { c: 's', re: regex(re, extended, flags.includes('I') || flags.includes('i') ? 'i' : ''), to, global: flags.includes('g'), print: flags.includes('p') } });
    } else if (c === 'p' || c === 'd' || c === 'q') steps.push({ addr, cmd: { c } });
    else if (c === 'i' || c === 'a') {
      const rest = script.slice(i).replace(/^\\?\s*/, '');
      steps.push({ addr, cmd: { c, text: rest } });
      i = script.length;
    } else throw new Unsupported(c === undefined ? 'a missing command' : `the command '${c}'`);
  }
  return steps;
}

/** The replacement with `&` and `\N` as JavaScript's replace reads them. */
function replacement(to: string): string {
  return to.replace(/\$/g, '$$$$').replace(/\\(\d)|\\(.)|&/g, (m, d: string | undefined, c: string | undefined) => (d !== undefined ? `$${d}` : c !== undefined ? (c === 'n' ? '\n' : c) : '$&'));
}

export function sed(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  let quiet = false;
  let extended = false;
  let inPlace = false;
  const scripts: string[] = [];
  const files: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k] as string;
    if (a === '-n') quiet = true;
    else if (a === '-E' || a === '-r') extended = true;
    else if (a === '-i') inPlace = true;
    else if (a === '-e') scripts.push(args[++k] ?? '');
    else if (/^-./.test(a)) {
      ctx.err(`lvs-flow: sed: ${a}: this option is not simulated (sed -n, -E, -i, -e)\n`);
      return 1;
    } else if (scripts.length === 0) scripts.push(a);
    else files.push(a);
  }
  if (scripts.length === 0) {
    ctx.err(USAGE);
    return 1;
  }
  const steps: Step[] = [];
  try {
    scripts.forEach((s, n) => {
      try {
        steps.push(...parseScript(s, extended));
      } catch (e) {
        if (e instanceof SedError) throw new SedError(`-e expression #${n + 1}, ${e.what}`);
        throw e;
      }
    });
  } catch (e) {
    if (e instanceof SedError) {
      ctx.err(`sed: ${e.what}\n`);
      return 1;
    }
    if (!(e instanceof Unsupported)) throw e;
    ctx.err(`lvs-flow: sed: ${e.why} is not simulated; lab lines use s///, p, d, i and addresses N, $, /re/\n`);
    return 1;
  }
  // GNU sed says it cannot read a missing file, goes on with the rest, and exits 2 (captured).
  const readable = files.filter((f) => {
    const r = f === '-' ? { ok: true as const } : ctx.files.read(f);
    if (!r.ok) ctx.err(`sed: can't read ${f}: ${r.error}\n`);
    return r.ok;
  });
  const failed = readable.length < files.length;
  const { inputs } = readable.length === 0 && files.length > 0 ? { inputs: [] } : readInputs(ctx, 'sed', readable);
  for (const input of inputs) {
    const lines = input.text.split('\n');
    if (lines.at(-1) === '') lines.pop();
    let out = '';
    lines.every((line, n) => {
      const last = n === lines.length - 1;
      let text = line;
      let after = '';
      for (const { addr, cmd } of steps) {
        const hit = addr === undefined || (addr.k === 'line' ? addr.n === n + 1 : addr.k === 'last' ? last : addr.re.test(text));
        if (!hit) continue;
        if (cmd.c === 'd') return true;
        if (cmd.c === 'p') out += `${text}\n`;
        if (cmd.c === 'i') out += `${cmd.text}\n`;
        if (cmd.c === 'a') after += `${cmd.text}\n`;
        if (cmd.c === 'q') {
          out += `${quiet ? '' : `${text}\n`}${after}`;
          return false;
        }
        if (cmd.c === 's' && cmd.re.test(text)) {
          const re = new RegExp(cmd.re.source, cmd.re.flags + (cmd.global ? 'g' : ''));
          text = text.replace(re, replacement(cmd.to));
          if (cmd.print) out += `${text}\n`;
        }
      }
      out += `${quiet ? '' : `${text}\n`}${after}`;
      return true;
    });
    if (inPlace && input.name !== '-') ctx.files.write(input.name, out, false);
    else ctx.out(out);
  }
  return failed ? 2 : 0;
}
