/**
 * A command line read the way bash reads the forms labs use: words with single and double
 * quotes and backslashes, redirections (`>`, `>>`, `2>`, `2>&1`, `&>`, `<`, `<<<`), pipes,
 * `;`, `&&`, `||`, a trailing `&`, and `#` comments. Expansions (`$VAR`, globs, `$(…)`) are
 * not performed: words keep those characters as typed.
 */

export interface Redirect {
  /** 1 = stdout, 2 = stderr, 0 = stdin. */
  readonly fd: 0 | 1 | 2;
  /** '>' truncates, '>>' appends, '<' reads a file, '<<<' reads the word itself, '>&' duplicates onto fd `target`. */
  readonly op: '>' | '>>' | '<' | '<<<' | '>&';
  readonly target: string;
}

export interface SimpleCommand {
  readonly argv: readonly string[];
  readonly redirects: readonly Redirect[];
}

/** Commands joined by `|`. */
export interface Pipeline {
  readonly commands: readonly SimpleCommand[];
  /** Run in the background (`cmd &`). */
  readonly background: boolean;
}

/** Pipelines joined by `;`, `&&` and `||`; `next[i]` says how pipeline i+1 follows pipeline i. */
export interface CommandList {
  readonly pipelines: readonly Pipeline[];
  readonly joins: ReadonlyArray<';' | '&&' | '||'>;
}

export type ParseResult = { ok: true; list: CommandList } | { ok: false; error: string };

type Token = { t: 'word'; v: string } | { t: 'op'; v: string } | { t: 'redir'; fd: 0 | 1 | 2; op: Redirect['op']; both: boolean };

const OPS = ['&&', '||', ';', '|', '&'];

/** bash's wording, as `bash -c` prints it for the line a console runs. */
function syntaxError(near: string): string {
  return `bash: -c: line 1: syntax error near unexpected token \`${near}'`;
}

function tokenize(line: string): { ok: true; tokens: Token[] } | { ok: false; error: string } {
  const tokens: Token[] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    const c = line[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#') break; // a comment runs to the end of the line
    // Redirections, with an optional file descriptor in front.
    const redir = /^(\d)?(&>>|&>|>>|>&|>|<<<|<)/.exec(line.slice(i));
    if (redir) {
      const fdText = redir[1];
      const op = redir[2] as string;
      i += redir[0].length;
      if (op === '&>' || op === '&>>') {
        // &> FILE sends both streams to FILE
        tokens.push({ t: 'redir', fd: 1, op: op === '&>' ? '>' : '>>', both: true });
        continue;
      }
      const fd = (fdText !== undefined ? Number(fdText) : op.startsWith('<') ? 0 : 1) as 0 | 1 | 2;
      if (fd > 2) return { ok: false, error: `bash: ${fd}: Bad file descriptor` };
      tokens.push({ t: 'redir', fd, op: op as Redirect['op'], both: false });
      continue;
    }
    const op = OPS.find((o) => line.startsWith(o, i));
    if (op) {
      tokens.push({ t: 'op', v: op });
      i += op.length;
      continue;
    }
    // A word: quoted and unquoted parts glued together until a blank or an operator.
    let word = '';
    while (i < n) {
      const ch = line[i] as string;
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === ';' || ch === '|' || ch === '&' || ch === '>' || ch === '<') break;
      if (ch === "'") {
        const end = line.indexOf("'", i + 1);
        if (end < 0) return { ok: false, error: "bash: -c: line 1: unexpected EOF while looking for matching `''" };
        word += line.slice(i + 1, end);
        i = end + 1;
        continue;
      }
      if (ch === '"') {
        i++;
        let closed = false;
        while (i < n) {
          const d = line[i] as string;
          if (d === '"') {
            closed = true;
            i++;
            break;
          }
          // Inside double quotes a backslash escapes only $ ` " \ and newline.
          if (d === '\\' && i + 1 < n && '$`"\\\n'.includes(line[i + 1] as string)) {
            word += line[i + 1];
            i += 2;
            continue;
          }
          word += d;
          i++;
        }
        if (!closed) return { ok: false, error: 'bash: -c: line 1: unexpected EOF while looking for matching `"\'' };
        continue;
      }
      if (ch === '\\') {
        if (i + 1 < n) word += line[i + 1];
        i += 2;
        continue;
      }
      word += ch;
      i++;
    }
    tokens.push({ t: 'word', v: word });
  }
  return { ok: true, tokens };
}

/** Parses one command line; an empty line or a comment gives an empty list. */
export function parseLine(line: string): ParseResult {
  const tk = tokenize(line);
  if (!tk.ok) return tk;
  const pipelines: Pipeline[] = [];
  const joins: Array<';' | '&&' | '||'> = [];
  let commands: SimpleCommand[] = [];
  let argv: string[] = [];
  let redirects: Redirect[] = [];
  let background = false;
  const tokens = tk.tokens;

  const endCommand = (near: string): string | undefined => {
    if (argv.length === 0 && redirects.length === 0) return syntaxError(near);
    commands.push({ argv, redirects });
    argv = [];
    redirects = [];
    return undefined;
  };

  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k] as Token;
    if (tok.t === 'word') {
      argv.push(tok.v);
      continue;
    }
    if (tok.t === 'redir') {
      const next = tokens[k + 1];
      if (next?.t !== 'word') return { ok: false, error: syntaxError(next === undefined ? 'newline' : next.t === 'op' ? next.v : '>') };
      k++;
      if (tok.op === '>&') {
        if (next.v !== '1' && next.v !== '2') return { ok: false, error: `bash: ${next.v}: ambiguous redirect` };
        redirects.push({ fd: tok.fd, op: '>&', target: next.v });
      } else {
        redirects.push({ fd: tok.fd, op: tok.op, target: next.v });
        if (tok.both) redirects.push({ fd: 2, op: '>&', target: '1' });
      }
      continue;
    }
    if (tok.v === '|') {
      const e = endCommand('|');
      if (e) return { ok: false, error: e };
      continue;
    }
    // ; && || &
    const e = endCommand(tok.v);
    if (e) return { ok: false, error: e };
    if (tok.v === '&') background = true;
    pipelines.push({ commands, background });
    commands = [];
    background = false;
    const following = tokens[k + 1];
    if (following === undefined) {
      if (tok.v === '&&' || tok.v === '||') return { ok: false, error: 'bash: -c: line 2: syntax error: unexpected end of file' };
      break;
    }
    joins.push(tok.v === '&' ? ';' : (tok.v as ';' | '&&' | '||'));
  }
  if (argv.length > 0 || redirects.length > 0) {
    commands.push({ argv, redirects });
  } else if (commands.length > 0) {
    return { ok: false, error: 'bash: -c: line 2: syntax error: unexpected end of file' };
  }
  if (commands.length > 0) pipelines.push({ commands, background: false });
  return { ok: true, list: { pipelines, joins: joins.slice(0, Math.max(0, pipelines.length - 1)) } };
}
