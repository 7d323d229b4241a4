/**
 * A capture filter's words to a tree, by libpcap 1.10's grammar (grammar.y) for the primitives
 * the simulator's frames can hold: `[ether|ip|arp|tcp|udp] [src|dst|src or dst|src and dst]
 * [host|net|port] ID`, `net N/LEN`, `net N mask M`, `ip`, `arp`, `tcp`, `udp`, `icmp`, `not`/`!`,
 * `and`/`&&`, `or`/`||` (equal precedence, left to right) and parentheses. A bare ID after
 * `and`/`or` takes the qualifiers before it (`host A or B`), as libpcap does. Errors are
 * libpcap's own messages (gencode.c), which tcpdump prints after "tcpdump: ".
 */
import { portByName } from '../../../engine';
import { lexFilter, type Keyword, type Token } from './filter-lex';

export type Dir = 'src' | 'dst' | 'or' | 'and';
export type Proto = 'default' | 'ether' | 'ip' | 'arp' | 'tcp' | 'udp' | 'icmp';
type Addr = 'default' | 'host' | 'net' | 'port';

export type Filter =
  | { readonly k: 'and' | 'or'; readonly a: Filter; readonly b: Filter }
  | { readonly k: 'not'; readonly a: Filter }
  | { readonly k: 'proto'; readonly p: Exclude<Proto, 'default' | 'ether'> }
  | { readonly k: 'host'; readonly proto: 'default' | 'ip' | 'arp'; readonly dir: Dir; readonly addr: number; readonly mask: number }
  | { readonly k: 'port'; readonly proto: 'default' | 'tcp' | 'udp'; readonly dir: Dir; readonly port: number }
  | { readonly k: 'ether'; readonly dir: Dir; readonly mac: readonly number[] };

interface Qual {
  readonly proto: Proto;
  readonly dir: Dir;
  readonly addr: Addr;
}

export type ParseFilterResult = { ok: true; filter: Filter | undefined } | { ok: false; message: string };

class FilterError extends Error {}
const fail = (message: string): never => {
  throw new FilterError(message);
};
const SYNTAX = "can't parse filter expression: syntax error";

const PNAMES: ReadonlySet<Keyword> = new Set(['ether', 'ip', 'arp', 'tcp', 'udp', 'icmp']);

/** `words` as tcpdump joins its trailing arguments (copy_argv: one space between). */
export function parseFilter(text: string): ParseFilterResult {
  const lexed = lexFilter(text);
  if (!lexed.ok) return { ok: false, message: `lvs-flow: tcpdump: the filter keyword '${lexed.unsimulated}' is not simulated` };
  const p = new Parser(lexed.tokens);
  try {
    if (lexed.tokens.length === 0) return { ok: true, filter: undefined };
    const f = p.expr();
    if (p.peek() !== undefined) fail(SYNTAX);
    return { ok: true, filter: f.f };
  } catch (e) {
    if (e instanceof FilterError) return { ok: false, message: e.message };
    throw e;
  }
}

const isId = (t: Token | undefined): boolean => t !== undefined && (t.t === 'id' || t.t === 'hid' || t.t === 'eid' || t.t === 'num');

class Parser {
  private i = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  peek(k = 0): Token | undefined {
    return this.tokens[this.i + k];
  }

  private next(): Token {
    return this.tokens[this.i++] ?? fail(SYNTAX);
  }

  private kw(v: Keyword, k = 0): boolean {
    const t = this.peek(k);
    return t?.t === 'kw' && t.v === v;
  }

  /** An id may follow `and`/`or` with the qualifiers before it: an address, `not` id, or `(` id … `)`. */
  private idFollows(): boolean {
    let k = 0;
    while (this.peek(k)?.t === '!') k++;
    return isId(this.peek(k)) || (this.peek(k)?.t === '(' && isId(this.peek(k + 1)));
  }

  expr(): { f: Filter; q: Qual | undefined } {
    let left = this.term();
    for (let t = this.peek(); t?.t === 'and' || t?.t === 'or'; t = this.peek()) {
      this.i++;
      const right = left.q && this.idFollows() ? { f: this.id(left.q), q: left.q } : this.term();
      left = { f: { k: t.t, a: left.f, b: right.f }, q: right.q };
    }
    return left;
  }

  private term(): { f: Filter; q: Qual | undefined } {
    const t = this.peek();
    if (t?.t === '!') {
      this.i++;
      const inner = this.term();
      return { f: { k: 'not', a: inner.f }, q: inner.q };
    }
    if (t?.t === '(') {
      this.i++;
      const inner = this.expr();
      if (this.next().t !== ')') fail(SYNTAX);
      return { f: inner.f, q: undefined };
    }
    let proto: Proto = 'default';
    if (t?.t === 'kw' && PNAMES.has(t.v)) {
      proto = t.v as Proto;
      this.i++;
    }
    const dir = this.dqual();
    const addr = this.aqual();
    if (dir === undefined && addr === undefined) {
      if (proto === 'default') fail(SYNTAX);
      if (proto === 'ether') fail('link layer applied in wrong context');
      return { f: { k: 'proto', p: proto as Exclude<Proto, 'default' | 'ether'> }, q: undefined };
    }
    const q: Qual = { proto, dir: dir ?? 'or', addr: addr ?? 'default' };
    return { f: this.id(q), q };
  }

  private dqual(): Dir | undefined {
    const first = this.kw('src') ? 'src' : this.kw('dst') ? 'dst' : undefined;
    if (!first) return undefined;
    this.i++;
    const join = this.peek()?.t;
    const other = first === 'src' ? 'dst' : 'src';
    if ((join === 'and' || join === 'or') && this.kw(other, 1)) {
      this.i += 2;
      return join;
    }
    return first;
  }

  private aqual(): Addr | undefined {
    for (const a of ['host', 'net', 'port'] as const) {
      if (this.kw(a)) {
        this.i++;
        return a;
      }
    }
    return undefined;
  }

  /** id: nid | `!` id | `(` id (and|or id)* `)`, all with the qualifiers `q`. */
  private id(q: Qual): Filter {
    const t = this.next();
    if (t.t === '!') return { k: 'not', a: this.id(q) };
    if (t.t === '(') {
      let f = this.id(q);
      for (let j = this.next(); j.t !== ')'; j = this.next()) {
        if (j.t !== 'and' && j.t !== 'or') fail(SYNTAX);
        f = { k: j.t as 'and' | 'or', a: f, b: this.id(q) };
      }
      return f;
    }
    switch (t.t) {
      case 'num':
        return numberCode(t.v, q);
      case 'hid':
        return this.hidCode(t.v, q);
      case 'eid':
        return etherCode(t.v, q);
      case 'id':
        return nameCode(t.v, q);
      default:
        return fail(SYNTAX);
    }
  }

  private hidCode(text: string, q: Qual): Filter {
    if (q.addr === 'port') fail("'port' modifier applied to ip host");
    const [n, nlen] = atoin(text);
    if (this.peek()?.t === '/') {
      this.i++;
      const len = this.next();
      if (len.t !== 'num') fail(SYNTAX);
      const bits = (len as { v: number }).v;
      if (bits > 32) fail('mask length must be <= 32');
      const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
      if ((n & ~mask) >>> 0 !== 0) fail(`non-network bits set in "${text}/${bits}"`);
      return hostCode(n, mask, q);
    }
    if (this.kw('mask')) {
      this.i++;
      const m = this.next();
      if (m.t !== 'hid') fail(SYNTAX);
      const [mv, mlen] = atoin((m as { v: string }).v);
      const mask = mlen === 32 ? mv : (mv << (32 - mlen)) >>> 0;
      if ((n & ~mask) >>> 0 !== 0) fail(`non-network bits set in "${text} mask ${(m as { v: string }).v}"`);
      return hostCode(n, mask, q);
    }
    // A short address (`10.0.0`) stands for its network, in `host` as in `net`.
    return hostCode(nlen === 32 ? n : (n << (32 - nlen)) >>> 0, nlen === 32 ? 0xffffffff : (0xffffffff << (32 - nlen)) >>> 0, q);
  }
}

/** __pcap_atoin: the value and how many bits it gave; a part above 255 is an invalid address. */
function atoin(text: string): [number, number] {
  let v = 0;
  const parts = text.split('.');
  for (const part of parts) {
    const n = Number(part);
    if (!/^\d+$/.test(part) || n > 255) fail(`invalid IPv4 address '${text}'`);
    v = (v * 256 + n) >>> 0;
  }
  return [v, parts.length * 8];
}

function numberCode(v: number, q: Qual): Filter {
  if (q.addr === 'port') return portCode(v, q);
  if (q.proto === 'ether') fail('illegal link layer address');
  if (q.addr === 'net') {
    let addr = v;
    let mask = 0xffffffff;
    while (addr && (addr & 0xff000000) === 0) {
      addr = (addr << 8) >>> 0;
      mask = (mask << 8) >>> 0;
    }
    return hostCode(addr, mask, q);
  }
  return hostCode(v >>> 0, 0xffffffff, q);
}

function portCode(port: number, q: Qual): Filter {
  if (q.proto !== 'default' && q.proto !== 'tcp' && q.proto !== 'udp') fail("illegal qualifier of 'port'");
  if (port > 65535) fail(`illegal port number ${port} > 65535`);
  return { k: 'port', proto: q.proto as 'default' | 'tcp' | 'udp', dir: q.dir, port };
}

function hostCode(addr: number, mask: number, q: Qual): Filter {
  const what = q.addr === 'net' ? 'net' : 'host';
  if (q.proto === 'tcp' || q.proto === 'udp' || q.proto === 'icmp') fail(`'${q.proto}' modifier applied to ${what}`);
  if (q.proto === 'ether') fail(`link-layer modifier applied to ${what}`);
  return { k: 'host', proto: q.proto as 'default' | 'ip' | 'arp', dir: q.dir, addr, mask };
}

function etherCode(text: string, q: Qual): Filter {
  if (q.proto !== 'ether' || (q.addr !== 'default' && q.addr !== 'host')) fail('ethernet address used in non-ether expression');
  const mac = text.split(/[:.-]/).map((b) => parseInt(b, 16));
  return { k: 'ether', dir: q.dir, mac };
}

/** A name: only port names resolve (Debian's /etc/services); the simulator has no DNS, /etc/hosts or /etc/ethers. */
function nameCode(name: string, q: Qual): Filter {
  if (q.addr === 'port') {
    const proto = q.proto === 'udp' ? 'udp' : 'tcp';
    const port = portByName(name, proto) ?? (q.proto === 'default' ? portByName(name, 'udp') : undefined);
    if (port === undefined) fail(`unknown port '${name}'`);
    return portCode(port as number, q);
  }
  if (q.addr === 'net') return fail(`unknown network '${name}'`);
  if (q.proto === 'ether') return fail(`unknown ether host '${name}'`);
  return fail(`unknown host '${name}'`);
}
