import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isSimple, parseLine } from './parse';

/** The redirections of the first command, as typed (without the parts kept for expansion). */
function redirects(r: ReturnType<typeof parseLine>): Array<{ fd: number; op: string; target: string }> | false {
  return r.ok && (r.list.pipelines[0]?.commands[0]?.redirects ?? []).map(({ fd, op, target }) => ({ fd, op, target }));
}

function argvs(line: string): string[][] {
  const r = parseLine(line);
  if (!r.ok) throw new Error(r.error);
  return r.list.pipelines.flatMap((p) => p.commands.map((c) => (isSimple(c) ? [...c.argv] : [])));
}

describe('parseLine', () => {
  it('splits words and glues quoted parts to their word', () => {
    expect(argvs(`echo "RS1 10.10.10.12" 'a b'c d\\ e`)).toEqual([['echo', 'RS1 10.10.10.12', 'a bc', 'd e']]);
  });

  it('keeps a backslash inside single quotes and escapes only $ ` " \\ inside double quotes', () => {
    expect(argvs(`echo 'a\\nb' "c\\nd" "e\\"f"`)).toEqual([['echo', 'a\\nb', 'c\\nd', 'e"f']]);
  });

  it('reads > and >> redirections with their file, wherever they stand', () => {
    const r = parseLine('echo 1 > /proc/sys/net/ipv4/ip_forward');
    expect(redirects(r)).toEqual([{ fd: 1, op: '>', target: '/proc/sys/net/ipv4/ip_forward' }]);
    const a = parseLine('echo x>>/etc/sysctl.conf');
    expect(argvs('echo x>>/etc/sysctl.conf')).toEqual([['echo', 'x']]);
    expect(redirects(a)).toEqual([{ fd: 1, op: '>>', target: '/etc/sysctl.conf' }]);
  });

  it('reads 2>&1, &> and a here-string', () => {
    const r = parseLine('ipvsadm-restore <<< "-A -t 1.1.1.1:80 -s rr" 2>&1 &>/dev/null');
    expect(redirects(r)).toEqual([
      { fd: 0, op: '<<<', target: '-A -t 1.1.1.1:80 -s rr' },
      { fd: 2, op: '>&', target: '1' },
      { fd: 1, op: '>', target: '/dev/null' },
      { fd: 2, op: '>&', target: '1' },
    ]);
  });

  it('joins pipelines with ; && || and marks a trailing & as background', () => {
    const r = parseLine('a; b && c || d | e &');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.list.joins).toEqual([';', '&&', '||']);
    expect(r.list.pipelines.map((p) => p.commands.length)).toEqual([1, 1, 1, 2]);
    expect(r.list.pipelines[3]?.background).toBe(true);
  });

  it('treats # as a comment only at the start of a word', () => {
    expect(argvs('echo a#b # c d')).toEqual([['echo', 'a#b']]);
    expect(parseLine('# only a comment')).toEqual({ ok: true, list: { pipelines: [], joins: [] } });
  });

  it("reports bash's messages for an open quote and a misplaced operator", () => {
    expect(parseLine('echo "abc')).toEqual({ ok: false, error: 'bash: unexpected EOF while looking for matching `"\'' });
    expect(parseLine('; ls')).toEqual({ ok: false, error: "bash: syntax error near unexpected token `;'" });
    expect(parseLine('echo >')).toEqual({ ok: false, error: "bash: syntax error near unexpected token `newline'" });
    expect(parseLine('echo $(echo hi')).toEqual({ ok: false, error: "bash: unexpected EOF while looking for matching `)'", status: 1 });
  });

  it('reads for NAME in WORDS; do LIST; done, with the body a list of its own', () => {
    const r = parseLine('for i in $(seq 1 3) x; do curl -s http://$VIP/; echo "$i"; done | sort > /tmp/out');
    if (!r.ok) throw new Error(r.error);
    const [loop, sort] = r.list.pipelines[0]?.commands ?? [];
    expect(loop?.kind).toBe('for');
    if (loop?.kind !== 'for') return;
    expect(loop.name).toBe('i');
    expect(loop.items).toEqual([[{ k: 'cmd', src: 'seq 1 3', quoted: false }], [{ k: 'lit', text: 'x', quoted: false }]]);
    expect(loop.body.pipelines.map((p) => p.commands.map((c) => (isSimple(c) ? c.argv.join(' ') : c.kind)))).toEqual([['curl -s http://$VIP/'], ['echo $i']]);
    expect(sort && isSimple(sort) ? sort.argv : []).toEqual(['sort']);
    expect(sort?.redirects.map((x) => x.target)).toEqual(['/tmp/out']);
  });

  it("gives an interactive bash's messages for a loop cut short or missing its do (bash-conditions-more)", () => {
    expect(parseLine('for i in 1 2; do echo $i')).toEqual({ ok: false, error: 'bash: syntax error: unexpected end of file' });
    expect(parseLine('for i in 1 2; echo $i; done')).toEqual({ ok: false, error: "bash: syntax error near unexpected token `echo'" });
    expect(parseLine('for i in 1; do done').ok).toBe(false);
    expect(parseLine('echo done for in').ok).toBe(true);
  });

  it('reads while and until loops: a condition list, then do BODY; done', () => {
    const r = parseLine('i=0; until [ $i -eq 3 ]; do echo $i; i=$((i+1)); done > /tmp/x');
    if (!r.ok) throw new Error(r.error);
    const loop = r.list.pipelines[1]?.commands[0];
    if (loop?.kind !== 'while') throw new Error('not a loop');
    expect(loop.until).toBe(true);
    expect(loop.cond.pipelines.map((p) => p.commands.map((c) => (isSimple(c) ? c.argv.join(' ') : c.kind)))).toEqual([['[ $i -eq 3 ]']]);
    expect(loop.body.pipelines).toHaveLength(2);
    expect(loop.redirects.map((x) => x.target)).toEqual(['/tmp/x']);
  });

  it('reads if/elif/else/fi with each branch in order, and ! before a pipeline', () => {
    const r = parseLine('if ! ping -c 1 X; then echo a; elif true; then echo b; else echo c; fi | tr a b');
    if (!r.ok) throw new Error(r.error);
    const [cmd, tr] = r.list.pipelines[0]?.commands ?? [];
    if (cmd?.kind !== 'if') throw new Error('not an if');
    expect(cmd.branches).toHaveLength(2);
    expect(cmd.branches[0]?.cond.pipelines[0]?.negate).toBe(true);
    expect(cmd.orElse?.pipelines).toHaveLength(1);
    expect(tr && isSimple(tr) ? tr.argv : []).toEqual(['tr', 'a', 'b']);
  });

  it("gives the syntax errors an interactive bash gives for if and while (captured)", () => {
    expect(parseLine('if true; echo t; fi')).toEqual({ ok: false, error: "bash: syntax error near unexpected token `fi'" });
    expect(parseLine('if [ 1 -eq 1 ] then echo x; fi')).toEqual({ ok: false, error: "bash: syntax error near unexpected token `fi'" });
    expect(parseLine('if true; then fi')).toEqual({ ok: false, error: "bash: syntax error near unexpected token `fi'" });
    expect(parseLine('while; do echo x; done')).toEqual({ ok: false, error: "bash: syntax error near unexpected token `;'" });
    expect(parseLine('if; then echo x; fi')).toEqual({ ok: false, error: "bash: syntax error near unexpected token `;'" });
    expect(parseLine('then echo x')).toEqual({ ok: false, error: "bash: syntax error near unexpected token `then'" });
    expect(parseLine('while true; do echo x')).toEqual({ ok: false, error: 'bash: syntax error: unexpected end of file' });
  });

  it('reads [[ … ]] with && || ! and < >, and ends the line with status 0 on a malformed one, as bash -i does', () => {
    const r = parseLine('[[ -f /tmp/x && ! $a == b* || a < b ]] && echo y');
    if (!r.ok) throw new Error(r.error);
    const cond = r.list.pipelines[0]?.commands[0];
    expect(cond?.kind === 'cond' ? cond.expr.k : '').toBe('or');
    expect(parseLine('[[ 1 -lt ]] && echo x')).toEqual({ ok: false, error: "bash: unexpected argument `]]' to conditional binary operator", status: 0 });
    expect(parseLine('[[ -f ]]; echo $?')).toEqual({ ok: false, error: "bash: unexpected argument `]]' to conditional unary operator", status: 0 });
    expect(parseLine('[[ ]]; echo $?')).toEqual({ ok: false, error: '', status: 0 });
    expect(parseLine('[[ a b ]]').ok).toBe(false);
    expect(parseLine('[[ a == b').ok).toBe(false);
  });

  it('never throws, whatever is typed', () => {
    fc.assert(fc.property(fc.string({ minLength: 0, maxLength: 200 }), (line) => {
      const r = parseLine(line);
      expect(typeof r.ok).toBe('boolean');
    }), { numRuns: 2000 });
    fc.assert(fc.property(fc.array(fc.constantFrom('a', ' ', '"', "'", '\\', '>', '>>', '<', '<<<', '|', '&', ';', '&&', '#', '2>&1', '$',
      ' if ', ' then ', ' else ', ' fi ', ' while ', ' until ', ' do ', ' done ', ' [[ ', ' ]] ', ' ! ', '-eq'), { minLength: 1, maxLength: 40 }), (parts) => {
      expect(() => parseLine(parts.join(''))).not.toThrow();
    }), { numRuns: 2000 });
  });
});
