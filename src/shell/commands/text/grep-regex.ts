/**
 * GNU grep's patterns as JavaScript regular expressions: basic (BRE, the default: `\(` `\)`
 * `\{` `\}` `\|` `\+` `\?` are the operators, the bare characters literal), extended (-E) and
 * fixed strings (-F); `\<` `\>` word edges and POSIX classes such as `[[:digit:]]`.
 */

const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', cntrl: '\\x00-\\x1f\\x7f', print: ' -~', graph: '!-~',
};

/** A bracket expression starting at `p[i]` ("["): its JavaScript form and the index after it. */
function bracket(p: string, i: number): { js: string; next: number } | undefined {
  let j = i + 1;
  let js = '[';
  if (p[j] === '^') {
    js += '^';
    j++;
  }
  let first = true;
  while (j < p.length) {
    const c = p[j] as string;
    if (c === ']' && !first) return { js: `${js}]`, next: j + 1 };
    first = false;
    const cls = /^\[:([a-z]+):\]/.exec(p.slice(j));
    if (cls) {
      const set = POSIX_CLASSES[cls[1] as string];
      if (set === undefined) return undefined;
      js += set;
      j += cls[0].length;
      continue;
    }
    js += c === '\\' || c === ']' || c === '[' ? `\\${c}` : c;
    j++;
  }
  return undefined;
}

export type GrepSyntax = 'basic' | 'extended' | 'fixed';

/** The pattern as a JavaScript regex source, or an error message in grep's words. */
export function grepRegex(pattern: string, syntax: GrepSyntax): { source: string } | { error: string } {
  if (syntax === 'fixed') return { source: pattern.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') };
  const ere = syntax === 'extended';
  let out = '';
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\') {
      const d = pattern[i + 1];
      i++;
      if (d === undefined) return { error: 'Trailing backslash' };
      if (d === '<') out += '\\b(?=\\w)';
      else if (d === '>') out += '\\b(?<=\\w)';
      else if ('wWsSb'.includes(d)) out += `\\${d}`;
      else if (!ere && '(){}|+?'.includes(d)) {
        if (d === '(') depth++;
        if (d === ')' && --depth < 0) return { error: 'Unmatched ) or \\)' };
        out += d;
      } else out += /[A-Za-z0-9]/.test(d) ? d : `\\${d}`;
      continue;
    }
    if (c === '[') {
      const b = bracket(pattern, i);
      if (!b) return { error: 'Unmatched [, [^, [:, [., or [=' };
      out += b.js;
      i = b.next - 1;
      continue;
    }
    if ('(){}|+?'.includes(c)) {
      if (!ere) out += `\\${c}`;
      else {
        if (c === '(') depth++;
        if (c === ')' && --depth < 0) return { error: 'Unmatched ) or \\)' };
        out += c;
      }
      continue;
    }
    // A leading "*" (or one right after "^" or a group's start) is a literal star.
    if (c === '*' && (out === '' || out.endsWith('^') || out.endsWith('('))) {
      out += '\\*';
      continue;
    }
    out += c === '/' ? '\\/' : c;
  }
  if (depth > 0) return { error: 'Unmatched ( or \\(' };
  try {
    new RegExp(out);
  } catch {
    return { error: 'Invalid regular expression' };
  }
  return { source: out };
}
