import { readFileSync } from 'node:fs';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseCidr } from '../../engine/addr/cidr';
import { parseIpv4 } from '../../engine/addr/ipv4';
import { parseMac } from '../../engine/addr/mac';
import { getPreset } from '../../engine/scenarios';
import { checkScenario, validateScenario } from '../../engine/scenario/validate';
import { decodeLink } from '../../share';
import { packBytes, packText } from '../../share/test-fixtures';
import { readScenarioFile } from '../editor/file-io';
import { endpoint, ident, int, required } from '../editor/parsers';
import { problemText, RULE_COUNT, splitProblem } from './problem-text';

/* eslint-disable @typescript-eslint/no-explicit-any -- the fixtures break documents on purpose */
const preset = (id: string): any => structuredClone(getPreset(id));

/** dr-lab: hosts C, D (the director, eth0 only), RS1 and RS2 (eth0 and lo), one switch "lan". */
const BROKEN: Array<[string, (s: any) => unknown]> = [
  // The address parsers, through the shape check.
  ['an octet over 255', (s) => { s.hosts[2].interfaces[0].addrs[0].cidr = '10.10.10.300/24'; }],
  ['dots but not four numbers', (s) => { s.hosts[0].interfaces[0].addrs[0].cidr = '10.10.10/24'; }],
  ['a leading zero', (s) => { s.hosts[1].ipvs.services[0].vip = '10.10.10.010'; }],
  ['no prefix length', (s) => { s.hosts[0].interfaces[0].addrs[0].cidr = '10.10.10.240'; }],
  ['a prefix over 32', (s) => { s.hosts[0].interfaces[0].addrs[0].cidr = '10.10.10.240/33'; }],
  ['a bad MAC', (s) => { s.hosts[0].interfaces[0].mac = '02:00:00:00:01'; }],
  ['a route to no network', (s) => { s.hosts[2].routes = [{ dst: '10.10.10.0', dev: 'eth0' }]; }],
  // The shape check (schema.ts).
  ['spaces in an address', (s) => { s.hosts[0].interfaces[0].addrs[0].cidr = ' 10.10.10.240/24'; }],
  ['spaces in a VIP', (s) => { s.hosts[1].ipvs.services[0].vip = '10.10.10.100 '; }],
  ['spaces in a route', (s) => { s.hosts[2].routes = [{ dst: 'default ', dev: 'eth0' }]; }],
  ['spaces in a MAC', (s) => { s.hosts[0].interfaces[0].mac = '02:00:00:00:01:01 '; }],
  ['spaces in a target', (s) => { s.hosts[0].apps[0].target = '10.10.10.100 :80'; }],
  ['a target without a port', (s) => { s.hosts[0].apps[0].target = '10.10.10.100'; }],
  ['a target with a bad address', (s) => { s.hosts[0].apps[0].target = '10.10.10.300:80'; }],
  ['a target with port 0', (s) => { s.hosts[0].apps[0].target = '10.10.10.100:0'; }],
  ['a missing role', (s) => { delete s.hosts[0].role; }],
  ['a missing id', (s) => { delete s.hosts[0].id; }],
  ['a missing address list', (s) => { delete s.hosts[0].interfaces[0].addrs; }],
  ['a missing port', (s) => { delete s.hosts[1].ipvs.services[0].port; }],
  ['a missing interface', (s) => { s.hosts[0].interfaces[0] = undefined; }],
  ['a missing app kind', (s) => { delete s.hosts[0].apps[0].kind; }],
  ['an unknown field', (s) => { s.hosts[0].interfaces[0].lable = 'x'; }],
  ['an unknown role', (s) => { s.hosts[0].role = 'nobody'; }],
  ['an unknown app', (s) => { s.hosts[0].apps[0].kind = 'ftp'; }],
  ['an array for an object', (s) => { s.hosts[0].interfaces[0] = []; }],
  ['an object for an array', (s) => { s.segments = {}; }],
  ['a number for a string', (s) => { s.hosts[0].name.en = 5; }],
  ['text for a number', (s) => { s.hosts[2].sysctl['net.ipv4.conf.all.arp_ignore'] = '1'; }],
  ['text for true or false', (s) => { s.hosts[0].interfaces[0].up = 'yes'; }],
  ['an infinite position', (s) => { s.hosts[0].position.x = Infinity; }],
  ['a weight too large', (s) => { s.hosts[1].ipvs.services[0].dests[0].weight = 2147483648; }],
  ['a fractional request count', (s) => { s.hosts[0].apps[0].requests = 1.5; }],
  ['no hosts', (s) => { s.hosts = []; s.segments = []; }],
  ['too many interfaces', (s) => { s.hosts[0].interfaces = Array.from({ length: 17 }, (_, i) => ({ name: `eth${i}`, addrs: [] })); }],
  ['a long summary', (s) => { s.summary.en = 'x'.repeat(4001); }],
  ['an alias as an interface name', (s) => { s.hosts[1].interfaces[0].name = 'eth0:0'; }],
  ['a bad host id', (s) => { s.hosts[0].id = '1C'; }],
  ['a bad segment id', (s) => { s.segments[0].id = 'my lan'; }],
  ['a label with spaces', (s) => { s.hosts[1].interfaces[0].addrs[1].label = 'eth0 0'; }],
  ['a scenario id with spaces', (s) => { s.id = 'my lab'; }],
  // The version step (migrate.ts).
  ['a newer version', (s) => { s.version = 7; }],
  ['version 0', (s) => { s.version = 0; }],
  ['a version as text', (s) => { s.version = '1'; }],
  ['no version', (s) => { delete s.version; }],
  ['an array', () => []],
  ['null', () => null],
  // Cross-references (validate.ts).
  ['a duplicate interface', (s) => { s.hosts[2].interfaces.push({ name: 'eth0', addrs: [] }); }],
  ['a multicast MAC', (s) => { s.hosts[2].interfaces[0].mac = '01:00:5e:00:00:01'; }],
  ['127.0.0.1 listed on lo', (s) => { s.hosts[2].interfaces[1].addrs.unshift({ cidr: '127.0.0.1/8' }); }],
  ['an address twice on one interface', (s) => { s.hosts[2].interfaces[0].addrs.push({ cidr: '10.10.10.12/16' }); }],
  ['a label of another interface', (s) => { s.hosts[1].interfaces[0].addrs[1].label = 'lo:0'; }],
  ['a route with host bits', (s) => { s.hosts[2].routes = [{ dst: '10.0.0.5/8', dev: 'eth0' }]; }],
  ['a route twice', (s) => { s.hosts[2].routes = [{ dst: 'default', dev: 'eth0' }, { dst: 'default', dev: 'eth0' }]; }],
  ['a route with neither via nor dev', (s) => { s.hosts[2].routes = [{ dst: '10.0.0.0/8' }]; }],
  ['a route out of a missing device', (s) => { s.hosts[2].routes = [{ dst: '10.0.0.0/8', dev: 'eth9' }]; }],
  ['a gateway off every subnet', (s) => { s.hosts[2].routes = [{ dst: 'default', via: '1.2.3.4' }]; }],
  ['a gateway off the named device', (s) => { s.hosts[2].routes = [{ dst: 'default', via: '1.2.3.4', dev: 'eth0' }]; }],
  ['a source that is not local', (s) => { s.hosts[2].routes = [{ dst: '10.0.0.0/8', dev: 'eth0', src: '9.9.9.9' }]; }],
  ['a misspelt sysctl', (s) => { s.hosts[2].sysctl['net.ipv4.conf.all.arp_ignor'] = 1; }],
  ['a sysctl for a missing interface', (s) => { s.hosts[2].sysctl['net.ipv4.conf.eth9.rp_filter'] = 1; }],
  ['arp_ignore out of range', (s) => { s.hosts[2].sysctl['net.ipv4.conf.all.arp_ignore'] = 5; }],
  ['ip_forward out of range', (s) => { s.hosts[2].sysctl = { 'net.ipv4.ip_forward': 2 }; }],
  ['an unknown scheduler', (s) => { s.hosts[1].ipvs.services[0].scheduler = 'fastest'; }],
  ['an unknown scheduler flag', (s) => { s.hosts[1].ipvs.services[0].schedFlags = ['sh-fast']; }],
  ['port 0 without fwmark', (s) => { s.hosts[1].ipvs.services[0].port = 0; }],
  ['a netmask with holes', (s) => { s.hosts[1].ipvs.services[0].persistence = { timeoutS: 300, netmask: '255.0.255.0' }; }],
  ['a service twice', (s) => { s.hosts[1].ipvs.services.push(structuredClone(s.hosts[1].ipvs.services[0])); }],
  ['a fwmark service twice', (s) => {
    const svc = { proto: 'tcp', vip: '0.0.0.0', port: 0, fwmark: 1, scheduler: 'rr', dests: [] };
    s.hosts[1].ipvs.services.push(svc, { ...svc });
  }],
  ['a real server twice', (s) => { s.hosts[1].ipvs.services[0].dests[1].addr = '10.10.10.12'; }],
  ['two apps on one port', (s) => { s.hosts[2].apps.push({ kind: 'http-server', port: 80 }); }],
  ['two UDP apps on one port', (s) => { s.hosts[2].apps.push({ kind: 'udp-server', port: 53 }, { kind: 'udp-server', port: 53 }); }],
  ['a segment id twice', (s) => { s.segments.push({ id: 'lan', kind: 'switch', ports: [] }); }],
  ['a link with four ends', (s) => { s.segments[0].kind = 'link'; }],
  ['a port naming no host', (s) => { s.segments[0].ports[1].host = 'RS9'; }],
  ['a port naming no interface', (s) => { s.segments[0].ports[1].if = 'eth3'; }],
  ['a port on a host without interfaces', (s) => { s.hosts.push({ id: 'E', role: 'server', interfaces: [] }); s.segments[0].ports.push({ host: 'E', if: 'eth0' }); }],
  ['lo on a segment', (s) => { s.segments[0].ports.push({ host: 'RS1', if: 'lo' }); }],
  ['an interface on two segments', (s) => { s.segments.push({ id: 'lan2', kind: 'switch', ports: [{ host: 'C', if: 'eth0' }] }); }],
  ['a host id twice', (s) => { s.hosts[3].id = 'RS1'; s.segments[0].ports.pop(); }],
  ['a MAC twice', (s) => { s.hosts[2].interfaces[0].mac = '02:00:00:00:00:09'; s.hosts[3].interfaces[0].mac = '02:00:00:00:00:09'; }],
];

function scenarioMessages(): string[] {
  const out = BROKEN.flatMap(([what, breakIt]) => {
    const s = preset('dr-lab');
    const whole = breakIt(s);
    const r = checkScenario(whole === undefined ? s : whole);
    if (r.ok) throw new Error(`${what}: dr-lab stayed valid`);
    return r.error;
  });
  const twoRoles = preset('dr-lab');
  twoRoles.hosts[0].role = 'nobody';
  twoRoles.hosts[1].role = 'nobody';
  const threeRoles = preset('dr-lab');
  for (const h of threeRoles.hosts.slice(0, 3)) h.role = 'nobody';
  for (const s of [twoRoles, threeRoles]) {
    const r = validateScenario(s);
    if (!r.ok) out.push(r.error);
  }
  return out;
}

const wire = (json: unknown): string => packText(JSON.stringify(json));
const natLab = (more: object) => wire({ v: 1, scenario: { preset: 'nat-lab', ...more } });
const patched = (...ops: unknown[]) => natLab({ patch: ops });

/** Links that cannot open, one per message the decoder writes. */
const BAD_LINKS: string[] = [
  '', `v1.${'A'.repeat(20_000)}`, 'hello', 'v9.abc', 'v1.p.nat-lab', 'v1.p.Bad_Id.0.en', 'v1.p.nat-lab.x.en', 'v1.p.nat-lab.0.fr',
  'v1.a.b', 'v1.ab*c', 'v1.A', 'v1.AB', 'v1.AAAA', 'v1.AAAAAAAA',
  packBytes(new Uint8Array([0xff, 0xff, 0xff])), packBytes(deflateSync(new Uint8Array(2_000_000))),
  packText('not json'), wire([]), wire({ v: 1, scenario: [] }), wire({ scenario: { preset: 'nat-lab' } }),
  wire({ v: 2, scenario: { preset: 'nat-lab' } }), wire({ v: 1, scenario: { preset: 'nat-lab' }, extra: 1 }),
  wire({ v: 1, scenario: { preset: 'nat-lab' }, step: -1 }),
  wire({ v: 1, scenario: { preset: 'nat-lab' }, depth: 'deep' }), wire({ v: 1, scenario: { preset: 'nat-lab' }, lang: 'fr' }),
  wire({ v: 1, scenario: { preset: 'nat-lab' }, selection: { foo: 1 } }), wire({ v: 1, scenario: { preset: 'nat-lab' }, selection: 5 }),
  wire({ v: 1, scenario: { preset: 'nat-lab' }, selection: { host: 5 } }), wire({ v: 1, scenario: { preset: 'nat-lab' }, selection: { host: 'x'.repeat(65) } }),
  wire({ v: 1, scenario: { preset: 5 } }), wire({ v: 1, scenario: { preset: 'Bad' } }), wire({ v: 1, scenario: { foo: 1 } }),
  wire({ v: 1, scenario: {} }), wire({ v: 1, scenario: 5 }), wire({ v: 1, scenario: { preset: 'nope' } }),
  natLab({ patch: 'x' }), natLab({ patch: [['x']] }), natLab({ patch: Array.from({ length: 4097 }, () => ['d', '/id']) }),
  patched(['r', 'x', 1]), patched(['r', `/${'a'.repeat(1100)}`, 1]), patched(['r', '/a~2', 1]), patched(['r', '/a'.repeat(40), 1]),
  patched(['r', '/__proto__', 1]), patched(['d', '']), patched(['r', '/nope/x', 1]), patched(['r', '/hosts/99', 1]),
  patched(['r', '/id/x', 1]), patched(['d', '/nokey']), patched(['r', '/hosts/0/interfaces/0/addrs/0/cidr', '10.10.10.300/24']),
  wire({ v: 1, scenario: { custom: 5 } }), wire({ v: 1, scenario: { custom: { version: 1 } } }),
];

function linkMessages(): string[] {
  const out = BAD_LINKS.map((f) => {
    const r = decodeLink(f);
    if (r.ok) throw new Error(`link ${f.slice(0, 40)} opened`);
    return r.message;
  });
  const notText = decodeLink(5 as unknown as string);
  if (!notText.ok) out.push(notText.message);
  return out;
}

async function uiMessages(): Promise<string[]> {
  const out: string[] = [];
  for (const r of [required(' '), ident('a b'), endpoint('10.10.10.100'), endpoint('10.10.10.300:80'), endpoint('10.10.10.100:70000'), int(1, 60_000)('0')]) {
    if (!r.ok) out.push(r.error);
  }
  for (const r of [parseIpv4('1.2.3'), parseCidr('1.2.3.4/x'), parseMac('zz')]) if (!r.ok) out.push(r.error);
  for (const blob of [new Blob(['{ "version": 1,']), new Blob([new Uint8Array(1_000_001)])]) {
    const r = await readScenarioFile(blob);
    if (!r.ok) out.push(r.message);
  }
  return out;
}

/** Templates no input can reach today (there are no migrations yet, the catch-alls catch nothing): written out. */
const UNREACHABLE = [
  'version 1 cannot be upgraded: no migration from version 1 to 2',
  'version 1 could not be upgraded to 2: hosts is not iterable',
  'scenario: could not be read (Maximum call stack size exceeded)',
  'link version v1 cannot be upgraded (no migration to v2)',
  'link could not be read (Maximum call stack size exceeded)',
  'link: not a version-1 link state',
  // decodeLink cuts a message at 300 characters, and the list of presets always runs past it.
  'unknown preset "nope" in link (this app has nat-lab, dr-lab)',
];

async function allMessages(): Promise<string[]> {
  return [...new Set([...scenarioMessages(), ...linkMessages(), ...(await uiMessages()), ...UNREACHABLE])];
}

// --- What a translation must keep, and what it must not leave in English ---------------------

/** Text from outside (parse errors of JSON.parse, fflate, a thrown Error): kept verbatim. */
const OPAQUE = [/not JSON(?: text)? \((.*)\)$/s, /deflate data invalid: (.*)\)$/s, /could not be read \((.*)\)$/s, /could not be upgraded to \d+: (.*)$/s];
/** Error text Linux and ipvsadm print, quoted so it can be recognised on a real terminal. */
const TOOL_OUTPUT = ['File exists', 'Nexthop has invalid gateway', 'Service already exists', 'Destination already exists'];
/** Names, commands and units a Chinese networking course writes in Latin letters. */
const TERMS = new Set([
  'ipvsadm', 'Linux', 'IPv4', 'MAC', 'TCP', 'UDP', 'IP', 'in', 'JSON', 'MB', 'ip', 'addr', 'sysctl', 'lo', 'all', 'default',
  'via', 'dev', 'fwmark', 'tcp', 'udp', 'true', 'false', 'null', 'undefined', 'base64url', 'deflate', 'lvs', 'flow', 'en', 'zh',
  'ID', 'v', 'scenario', 'preset', 'patch', 'custom', 'json', 'pointer', 'id', 'proto', 'net', 'ipv4', 'conf',
]);

/** The values a message carries: its path, quoted text, addresses, numbers, names and lists. */
function captured(message: string): string[] {
  const { path, body } = splitProblem(message);
  const opaque = OPAQUE.map((re) => re.exec(body)?.[1]).find((v) => v !== undefined);
  const own = opaque === undefined ? body : body.replace(opaque, ' ');
  const after = (re: RegExp) => [...own.matchAll(re)].map((m) => m[1] ?? '');
  return [
    ...(path !== null ? [path] : []),
    ...(opaque !== undefined ? [opaque] : []),
    ...(own.match(/"(?:[^"\\]|\\.)*"/g) ?? []),
    ...(own.match(/\d+(?:[.:/-]\d+)+|(?<![\w.])\d+(?![\w.])/g) ?? []),
    ...after(/(?:one of|unknown field, expected(?! one of)|interfaces are|hosts are|this app has|\.\{) ([^);}…]+)/g)
      .flatMap((list) => list.split(/, | or /)).filter((item) => item !== 'none'),
    // A type name after "found" is words, not a value: it is translated (Object → 对象).
    ...after(/(?:such as|e\.g\.|found) ([^\s(),]+)/g).filter((v) => !/^(?:Object|Array|string|number|boolean|an)$/.test(v)),
    ...after(/(?:host|valid|on|of|preset) ([A-Za-z][\w-]*)/g).filter((w) => /[A-Z0-9_-]/.test(w)),
  ].filter((v) => v.trim() !== '');
}

/** Plain English words left in a translation once its values, tool output, terms and code-like tokens are set aside. */
function leftoverEnglish(zh: string, message: string): string[] {
  let rest = zh;
  for (const v of [...captured(message), ...TOOL_OUTPUT].sort((a, b) => b.length - a.length)) rest = rest.split(v).join(' ');
  return rest
    .split(/[\s\p{Script=Han}，。：；、（）“”…]+/u)
    .map((token) => token.replace(/^[("',;]+|[)"',;]+$/g, ''))
    .filter((w) => /^[A-Za-z]{2,}$/.test(w) && !TERMS.has(w));
}

// --- Templates read from the source, so a new one cannot slip past without a message here ----

/** The literal passed as `call`'s last argument, turned into a pattern (`${…}` → anything). */
function templatesOf(source: string, call: string): RegExp[] {
  const out: RegExp[] = [];
  const at = new RegExp(`(?<![\\w.])${call}\\(`, 'g');
  for (let m = at.exec(source); m; m = at.exec(source)) {
    const args = splitArgs(source, m.index + m[0].length);
    const last = args[args.length - 1]?.trim() ?? '';
    const re = literalPattern(last);
    if (re) out.push(re);
  }
  return out;
}

/** Top-level arguments from just after '(' to the matching ')'. */
function splitArgs(src: string, from: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (c === '`' || c === "'" || c === '"') i = skipString(src, i);
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth--;
    else if (c === ',' && depth === 0) { args.push(src.slice(start, i)); start = i + 1; }
    else if (c === ')') { args.push(src.slice(start, i)); return args; }
  }
  return args;
}

/** Index of the quote closing the string opened at `i` (template `${…}` may nest). */
function skipString(src: string, i: number): number {
  const q = src[i];
  for (let j = i + 1; j < src.length; j++) {
    if (src[j] === '\\') j++;
    else if (src[j] === q) return j;
    else if (q === '`' && src.startsWith('${', j)) j = skipExpr(src, j + 2);
  }
  return src.length;
}

/** Index of the '}' closing a `${` whose body starts at `i`. */
function skipExpr(src: string, i: number): number {
  let depth = 0;
  for (let j = i; j < src.length; j++) {
    const c = src[j];
    if (c === '`' || c === "'" || c === '"') j = skipString(src, j);
    else if (c === '{') depth++;
    else if (c === '}' && depth-- === 0) return j;
  }
  return src.length;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A whole string or template literal → its pattern; undefined for any other expression or too little fixed text to tell. */
function literalPattern(arg: string): RegExp | undefined {
  const q = arg[0];
  if ((q !== '`' && q !== "'") || skipString(arg, 0) !== arg.length - 1) return undefined;
  let pattern = '';
  let fixed = 0;
  for (let i = 1; i < arg.length - 1; i++) {
    if (q === '`' && arg.startsWith('${', i)) {
      i = skipExpr(arg, i + 2);
      pattern += '.*';
    } else {
      const c = arg[i] === '\\' ? (arg[++i] ?? '') : (arg[i] ?? '');
      pattern += escape(c);
      fixed++;
    }
  }
  return fixed >= 6 ? new RegExp(pattern, 's') : undefined;
}

const source = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');

const TEMPLATES: Array<[string, RegExp[]]> = [
  ['validate.ts report()', templatesOf(source('../../engine/scenario/validate.ts'), 'report')],
  ['migrate.ts err()', templatesOf(source('../../engine/scenario/migrate.ts'), 'err')],
  ...['cidr', 'ipv4', 'mac'].map((f): [string, RegExp[]] => [`addr/${f}.ts err()`, templatesOf(source(`../../engine/addr/${f}.ts`), 'err')]),
  ...['link-codec', 'link-state', 'patch', 'base64url'].map((f): [string, RegExp[]] => [`share/${f}.ts err()`, templatesOf(source(`../../share/${f}.ts`), 'err')]),
  ['editor/parsers.ts bad()', templatesOf(source('../editor/parsers.ts'), 'bad')],
];

describe('problemText', () => {
  it('renders the example of the brief in Chinese, path and value kept', () => {
    expect(problemText('hosts[0].interfaces[1].addrs[0].cidr: "10.0.0.300/24" is not an IPv4 address: 300 is larger than 255', 'zh-CN'))
      .toBe('hosts[0].interfaces[1].addrs[0].cidr: "10.0.0.300/24" 不是 IPv4 地址：300 大于 255');
  });

  it('translates a wrapped message inside its wrapper, and the count of further problems', () => {
    expect(problemText('hosts[0].apps[0].target: "10.1.1.300:80" is not an address:port: "10.1.1.300" is not an IPv4 address: 300 is larger than 255 (and 1 more problem)', 'zh-CN'))
      .toBe('hosts[0].apps[0].target: "10.1.1.300:80" 不是有效的“地址:端口”："10.1.1.300" 不是 IPv4 地址：300 大于 255（另有 1 个问题）');
    expect(problemText('hosts[2].routes[0].via: gateway 1.2.3.4 is not in any subnet of host RS1\'s eth0 (Linux: Nexthop has invalid gateway)', 'zh-CN'))
      .toBe('hosts[2].routes[0].via: 网关 1.2.3.4 不在主机 RS1 的网卡 eth0 的任何子网内（Linux：Nexthop has invalid gateway）');
  });

  it('returns the input unchanged in English and in the pseudo-locale', async () => {
    for (const m of await allMessages()) {
      expect(problemText(m, 'en')).toBe(m);
      expect(problemText(m, 'pseudo')).toBe(m);
    }
  });

  it('falls back to the English, unchanged, for a message it does not know, even in part', () => {
    for (const m of [
      'something new went wrong',
      'hosts[0].id: something new went wrong',
      'hosts[0].id: missing, expected a brand-new kind of value',
      'hosts[0].id: expected a string, found "x" and then some',
      '',
    ]) expect(problemText(m, 'zh-CN')).toBe(m);
  });

  it(`has a Chinese sentence for every message a broken scenario, link, field or file produces (${RULE_COUNT} templates)`, async () => {
    const messages = await allMessages();
    expect(messages.length).toBeGreaterThan(120);
    const untranslated = messages.filter((m) => problemText(m, 'zh-CN') === m);
    expect(untranslated).toEqual([]);
    const leftovers = messages
      .map((m) => [m, leftoverEnglish(problemText(m, 'zh-CN'), m)] as const)
      .filter(([, words]) => words.length > 0);
    expect(leftovers).toEqual([]);
  });

  it('keeps every captured value (path, quoted text, address, number, name, list) verbatim', async () => {
    for (const m of await allMessages()) {
      const zh = problemText(m, 'zh-CN');
      for (const v of captured(m)) expect(zh, m).toContain(v);
    }
  });

  it.each(TEMPLATES)('meets every message template of %s in the catalogue above', async (_file, templates) => {
    const messages = await allMessages();
    expect(templates.length).toBeGreaterThan(0);
    const missing = templates.filter((re) => !messages.some((m) => re.test(m))).map(String);
    expect(missing).toEqual([]);
  });

  it('reads a literal message at every report() site of validate.ts', () => {
    const calls = source('../../engine/scenario/validate.ts').match(/(?<![\w.])report\(/g) ?? [];
    expect(calls.length).toBeGreaterThan(0);
    expect(TEMPLATES[0]?.[1]).toHaveLength(calls.length);
  });
});
