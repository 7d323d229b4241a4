/**
 * The words of a capture filter as libpcap 1.10's scanner (scanner.l) cuts them: keywords,
 * `and`/`&&`, `or`/`||`, `not`/`!`, parentheses, numbers (decimal, 0x hex, leading-0 octal),
 * dotted IPv4 (`10.0.0.1`, and the short `10.0`), MACs and other names. flex takes the longest
 * match and, between equal lengths, the rule listed first, so a keyword wins over a name.
 */

export type Token =
  | { readonly t: 'kw'; readonly v: Keyword }
  | { readonly t: 'and' | 'or' | '!' | '(' | ')' | '/' | 'other' }
  | { readonly t: 'num'; readonly v: number; readonly text: string }
  | { readonly t: 'hid' | 'eid' | 'id'; readonly v: string };

export const KEYWORDS = ['dst', 'src', 'ether', 'arp', 'ip', 'tcp', 'udp', 'icmp', 'host', 'net', 'mask', 'port'] as const;
export type Keyword = (typeof KEYWORDS)[number];

/** Keywords of libpcap we do not simulate: a filter using one is refused, naming it. */
const UNSIMULATED = new Set(['link', 'ppp', 'slip', 'fddi', 'tr', 'wlan', 'rarp', 'sctp', 'igmp', 'igrp', 'pim', 'vrrp', 'carp', 'radio', 'ip6', 'icmp6', 'ah', 'esp', 'atalk', 'aarp', 'decnet', 'lat', 'sca', 'moprc', 'mopdl', 'iso', 'esis', 'es-is', 'isis', 'is-is', 'l1', 'l2', 'iih', 'lsp', 'snp', 'csnp', 'psnp', 'clnp', 'stp', 'ipx', 'netbeui', 'portrange', 'proto', 'protochain', 'gateway', 'type', 'subtype', 'direction', 'dir', 'less', 'greater', 'byte', 'broadcast', 'multicast', 'len', 'length', 'inbound', 'outbound', 'ifindex', 'vlan', 'mpls', 'pppoed', 'pppoes', 'geneve']);

const N = '(?:0[xX][0-9A-Fa-f]+|[0-9]+)';
const B = '[0-9A-Fa-f][0-9A-Fa-f]?';
const PATTERNS: ReadonlyArray<readonly [RegExp, 'eid' | 'num' | 'hid' | 'id']> = [
  [new RegExp(`^(?:${B}:${B}:${B}:${B}:${B}:${B}|${B}-${B}-${B}-${B}-${B}-${B}|${B}\\.${B}\\.${B}\\.${B}\\.${B}\\.${B})`), 'eid'],
  [new RegExp(`^${N}`), 'num'],
  [new RegExp(`^${N}\\.${N}(?:\\.${N}(?:\\.${N})?)?`), 'hid'],
  [/^[A-Za-z0-9](?:[-_.A-Za-z0-9]*[.A-Za-z0-9])?/, 'id'],
];

/** stou(): decimal, 0x hex or leading-0 octal. */
function numberOf(text: string): number {
  if (/^0[xX]/.test(text)) return parseInt(text.slice(2), 16);
  if (text.length > 1 && text.startsWith('0')) return parseInt(text, 8);
  return parseInt(text, 10);
}

export type LexResult = { ok: true; tokens: Token[] } | { ok: false; unsimulated: string };

export function lexFilter(text: string): LexResult {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const space = /^[ \r\n\t]+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    if (rest.startsWith('&&') || rest.startsWith('||')) {
      tokens.push({ t: rest[0] === '&' ? 'and' : 'or' });
      i += 2;
      continue;
    }
    const c = rest[0] as string;
    if ('()!/'.includes(c)) {
      tokens.push({ t: c as '(' | ')' | '!' | '/' });
      i++;
      continue;
    }
    let best: [string, 'eid' | 'num' | 'hid' | 'id'] | undefined;
    for (const [re, kind] of PATTERNS) {
      const m = re.exec(rest);
      if (m && (!best || m[0].length > best[0].length)) best = [m[0], kind];
    }
    if (!best) {
      tokens.push({ t: 'other' });
      i++;
      continue;
    }
    const [word, kind] = best;
    i += word.length;
    if (kind === 'id' && (KEYWORDS as readonly string[]).includes(word)) tokens.push({ t: 'kw', v: word as Keyword });
    else if (kind === 'id' && (word === 'and' || word === 'or')) tokens.push({ t: word });
    else if (kind === 'id' && word === 'not') tokens.push({ t: '!' });
    else if (kind === 'id' && UNSIMULATED.has(word)) return { ok: false, unsimulated: word };
    else if (kind === 'num') tokens.push({ t: 'num', v: numberOf(word), text: word });
    else tokens.push({ t: kind, v: word });
  }
  return { ok: true, tokens };
}
