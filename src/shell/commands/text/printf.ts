/**
 * bash's printf builtin: the format's backslash escapes and %s %d %i %u %x %o %c %f %%
 * conversions (with flags, width and precision); the format is reused while arguments remain.
 */
import type { CommandContext } from '../../command';

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', '"': '"', "'": "'", e: '\x1b' };

function unescape(text: string): string {
  return text.replace(/\\(0?[0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)/g, (m, c: string) => {
    if (/^0?[0-7]{1,3}$/.test(c)) return String.fromCharCode(parseInt(c, 8) & 0xff);
    if (c.startsWith('x') && c.length > 1) return String.fromCharCode(parseInt(c.slice(1), 16));
    return ESCAPES[c] ?? m;
  });
}

export function printf(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  if (args[0] === '--') args.shift();
  const format = args.shift();
  if (format === undefined) {
    ctx.err('bash: printf: usage: printf [-v var] format [arguments]\n');
    return 2;
  }
  let status = 0;
  let out = '';
  let used = 0;
  do {
    used = 0;
    const text = format.replace(/%([-+ 0#]*)(\d*)(?:\.(\d*))?([sdiuxXocfb%])|\\(0?[0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)/g, (m, fl: string | undefined, width: string | undefined, prec: string | undefined, conv: string | undefined) => {
      if (conv === undefined) return unescape(m);
      if (conv === '%') return '%';
      const arg = args.shift();
      if (arg !== undefined) used++;
      let s: string;
      const flagsText = fl ?? '';
      if ('diuxXoc'.includes(conv) || conv === 'f') {
        if (conv === 'c') s = (arg ?? '').slice(0, 1);
        else {
          const raw = arg ?? '0';
          let n = Number(raw);
          if (!/^\s*[-+]?\d+(\.\d*)?$/.test(raw) && !(conv === 'f' && !Number.isNaN(n))) {
            ctx.err(`bash: printf: ${raw}: invalid number\n`);
            status = 1;
            n = parseInt(raw, 10) || 0;
          }
          if (conv === 'f') s = n.toFixed(prec === undefined || prec === '' ? 6 : Number(prec));
          else {
            n = Math.trunc(n);
            s = conv === 'x' ? n.toString(16) : conv === 'X' ? n.toString(16).toUpperCase() : conv === 'o' ? n.toString(8) : String(n);
            if (flagsText.includes('+') && n >= 0) s = `+${s}`;
          }
        }
      } else {
        s = conv === 'b' ? unescape(arg ?? '') : arg ?? '';
        if (prec !== undefined) s = s.slice(0, Number(prec || 0));
      }
      const w = Number(width || 0);
      if (s.length < w) s = flagsText.includes('-') ? s.padEnd(w) : flagsText.includes('0') && conv !== 's' ? s.padStart(w, '0') : s.padStart(w);
      return s;
    });
    out += text;
  } while (args.length > 0 && used > 0);
  ctx.out(out);
  return status;
}
