import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseCidr, parseIpv4, parseMac, getPreset, checkScenario, validateScenario, ENGINE_PROBLEMS, problemAt, say, type ParamValue, type Phrase, type Problem, type Templates } from '../../engine';
import { decodeLink, LINK_PROBLEMS } from '../../share';
import { sayLink } from '../../share/link-problems';
import { packBytes, packText } from '../../share/test-fixtures';
import { EDITOR_PROBLEMS } from '../editor/editor-problems';
import { readScenarioFile } from '../editor/file-io';
import { endpoint, ident, int, required } from '../editor/parsers';
import en from './en.json';
import { leafKeys, lookup } from './i18n';
import { englishLine, phraseText, PROBLEM_TEXT, problemLineText } from './problem-text';
import zhCN from './zh-CN.json';

// --- A catalogue of broken inputs: one or more per sentence the engine, the codec and the editor write ---

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
  ['an address twice on one interface', (s) => { s.hosts[2].interfaces[0].addrs.push({ cidr: s.hosts[2].interfaces[0].addrs[0].cidr }); }],
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

function scenarioProblems(): Problem[] {
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
  '', `v1.${'A'.repeat(20_000)}`, 'hello', 'v9.abc', 'v1.p.nat-lab.0.en.x', 'v1.p.Bad_Id.0.en', 'v1.p.nat-lab.x.en', 'v1.p.nat-lab.0.fr',
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

function linkProblems(): Problem[] {
  const out = BAD_LINKS.map((f) => {
    const r = decodeLink(f);
    if (r.ok) throw new Error(`link ${f.slice(0, 40)} opened`);
    return r.problem;
  });
  const notText = decodeLink(5 as unknown as string);
  if (!notText.ok) out.push(notText.problem);
  return out;
}

/** The editor's field parsers and the file import. */
async function editorProblems(): Promise<Problem[]> {
  const out: Problem[] = [];
  for (const r of [required(' '), ident('a b'), endpoint('10.10.10.100'), endpoint('10.10.10.300:80'), endpoint('10.10.10.100:70000'), int(1, 60_000)('0')]) {
    if (!r.ok) out.push(problemAt(null, r.error));
  }
  for (const r of [parseIpv4('1.2.3'), parseCidr('1.2.3.4/x'), parseMac('zz')]) if (!r.ok) out.push(problemAt(null, r.error));
  for (const blob of [new Blob(['{ "version": 1,']), new Blob([new Uint8Array(1_000_001)])]) {
    const r = await readScenarioFile(blob);
    if (!r.ok) out.push(r.problem);
  }
  return out;
}

/** Problems no input can reach today (there are no migrations yet, the catch-alls catch nothing): written out. */
const UNREACHABLE: Problem[] = [
  problemAt(null, say('version.no-migration', { version: 1, next: 2 })),
  problemAt(null, say('version.migration-failed', { version: 1, next: 2, reason: 'hosts is not iterable' })),
  problemAt('scenario', say('scenario.unreadable', { reason: 'Maximum call stack size exceeded' })),
  problemAt(null, sayLink('link.no-migration', { version: 'v1', next: 'v2' })),
  problemAt(null, sayLink('link.unreadable', { reason: 'Maximum call stack size exceeded' })),
  problemAt('link', sayLink('link.not-v1-state')),
];

let all: Promise<Problem[]> | undefined;
/** The whole catalogue, built once (it inflates a 2 MB link). */
function allProblems(): Promise<Problem[]> {
  all ??= editorProblems().then((editor) => [...scenarioProblems(), ...linkProblems(), ...editor, ...UNREACHABLE]);
  return all;
}

// --- The catalogues ---------------------------------------------------------------------------

type Tree = { [k: string]: string | Tree };
const placeholders = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();

/** Codes of `table` whose entry in `catalog` is missing or fills other placeholders than the English. */
function gaps(table: Templates, catalog: Tree): string[] {
  return Object.entries(table).filter(([code, english]) => {
    const entry = lookup(catalog, `problems.${code}`);
    return entry === undefined || placeholders(entry).join() !== placeholders(english).join();
  }).map(([code]) => code);
}

/** Error text Linux and ipvsadm print, quoted so it can be recognised on a real terminal. */
const TOOL_OUTPUT = ['File exists', 'Nexthop has invalid gateway', 'Service already exists', 'Destination already exists'];
/** Names, commands and units a Chinese networking course writes in Latin letters. */
const TERMS = new Set([
  'ipvsadm', 'Linux', 'IPv4', 'MAC', 'TCP', 'IP', 'in', 'JSON', 'MB', 'ip', 'addr', 'sysctl', 'lo', 'all', 'default',
  'via', 'dev', 'fwmark', 'true', 'false', 'base64url', 'deflate', 'lvs', 'flow', 'en', 'zh', 'switch',
  'ID', 'lan', 'v', 'scenario', 'preset', 'patch', 'custom', 'json', 'pointer', 'id', 'proto', 'net', 'ipv4', 'conf', 'host', 'event',
]);

/** Plain English words a Chinese template has besides its placeholders, tool output and terms. */
function englishWords(template: string): string[] {
  let rest = template.replace(/\{\{\w+\}\}/g, ' ');
  for (const t of TOOL_OUTPUT) rest = rest.split(t).join(' ');
  return rest
    .split(/[\s\p{Script=Han}，。：；、（）“”…]+/u)
    .map((token) => token.replace(/^[("',;[{]+|[)"',;\]}?]+$/g, ''))
    .filter((w) => /^[A-Za-z]{2,}$/.test(w) && !TERMS.has(w));
}

describe('problem catalogues', () => {
  it('hold every code of the engine, the link codec and the editor in en.json, word for word as the formatter writes it', () => {
    for (const [code, english] of Object.entries(PROBLEM_TEXT)) expect(lookup(en, `problems.${code}`), code).toBe(english);
    expect(leafKeys(en.problems).sort()).toEqual(Object.keys(PROBLEM_TEXT).sort());
  });

  it('define each code once: the engine, the link codec and the editor never reuse one another\'s', () => {
    const all = [ENGINE_PROBLEMS, LINK_PROBLEMS, EDITOR_PROBLEMS].flatMap((t) => Object.keys(t));
    expect(all.length).toBe(new Set(all).size);
    expect(Object.keys(PROBLEM_TEXT)).toHaveLength(all.length);
  });

  it('hold every code in zh-CN.json, filling the same placeholders as the English', () => {
    expect(gaps(PROBLEM_TEXT, zhCN)).toEqual([]);
  });

  it('notice a new code without a Chinese entry, and one whose entry drops a placeholder', () => {
    expect(gaps({ ...PROBLEM_TEXT, 'route.via-is-local': 'gateway {{via}} is an address of host {{host}}' }, zhCN)).toEqual(['route.via-is-local']);
    expect(gaps({ ...PROBLEM_TEXT, 'ipvs.bad-netmask': '{{netmask}} is not a netmask of {{host}}' }, zhCN)).toEqual(['ipvs.bad-netmask']);
  });

  it('leave no plain English in a Chinese sentence (values, tool output and terms aside)', () => {
    const leftovers = Object.keys(PROBLEM_TEXT)
      .map((code) => [code, englishWords(lookup(zhCN, `problems.${code}`) ?? '')] as const)
      .filter(([, words]) => words.length > 0);
    expect(leftovers).toEqual([]);
  });
});

describe('phraseText and problemLineText', () => {
  it('render the example of the brief in Chinese, path and value kept', () => {
    const s = preset('dr-lab');
    s.hosts[1].interfaces[0].addrs[0].cidr = '10.0.0.300/24';
    const r = validateScenario(s);
    expect(r.ok ? null : problemLineText(r.error, 'zh-CN')).toBe('hosts[1].interfaces[0].addrs[0].cidr: "10.0.0.300/24" 不是 IPv4 地址：300 大于 255');
  });

  it('word a phrase inside a phrase, and the count of further problems', () => {
    const target = say('endpoint.bad-address', { text: '10.1.1.300:80', reason: say('ipv4.octet-too-large', { text: '10.1.1.300', octet: '300' }) });
    expect(problemLineText({ ...problemAt('hosts[0].apps[0].target', target), more: 1 }, 'zh-CN'))
      .toBe('hosts[0].apps[0].target: "10.1.1.300:80" 不是有效的“地址:端口”："10.1.1.300" 不是 IPv4 地址：300 大于 255（另有 1 个问题）');
    expect(problemLineText(problemAt('hosts[2].routes[0].via', say('route.gateway-off-device', { via: '1.2.3.4', host: 'RS1', dev: 'eth0' })), 'zh-CN'))
      .toBe('hosts[2].routes[0].via: 网关 1.2.3.4 不在主机 RS1 的网卡 eth0 的任何子网内（Linux：Nexthop has invalid gateway）');
  });

  it('put a space where a value meets Han text, as zh-CN.json writes, and none before a Han value', () => {
    expect(phraseText(say('shape.expected-found', { expected: say('what.whole-number', { min: 0, max: 65535 }), found: '"x"' }), 'zh-CN'))
      .toBe('应为 0-65535 的整数，实际为 "x"');
    expect(phraseText(say('shape.expected-found', { expected: say('what.string'), found: say('type.object') }), 'zh-CN')).toBe('应为字符串，实际为对象');
  });

  it('render a code as [[problems.code]] in the pseudo-locale', () => {
    expect(phraseText(say('route.no-next-hop'), 'pseudo')).toBe('[[problems.route.no-next-hop]]');
  });
});

/** Every value a problem quotes (a phrase's own values included), as text. */
function values(p: Phrase): string[] {
  return Object.values(p.params).flatMap((v: ParamValue) => (typeof v === 'object' ? values(v) : [String(v)]));
}

/** The codes a problem uses, its inner phrases' too. */
function codes(p: Phrase): string[] {
  return [p.code, ...Object.values(p.params).flatMap((v) => (typeof v === 'object' ? codes(v) : []))];
}

describe('every problem a broken scenario, link, field or file produces', () => {
  it('has a code of the tables: none is valibot wording passed through as written', async () => {
    const problems = await allProblems();
    expect(problems.length).toBeGreaterThan(140);
    const unknown = problems.flatMap(codes).filter((c) => c === 'text.as-written' || !Object.hasOwn(PROBLEM_TEXT, c));
    expect(unknown).toEqual([]);
  });

  it('reads in English from en.json exactly as the formatter (the CLI) writes it', async () => {
    for (const p of await allProblems()) expect(problemLineText(p, 'en')).toBe(englishLine(p));
  });

  it('reads in Chinese with every value it quotes kept verbatim', async () => {
    for (const p of await allProblems()) {
      const zh = problemLineText(p, 'zh-CN');
      expect(zh, englishLine(p)).not.toBe(englishLine(p));
      if (zh.endsWith('…')) continue; // cut at 1,000 characters, values and all
      for (const v of [...(p.path !== null ? [p.path] : []), ...values(p)]) expect(zh, englishLine(p)).toContain(v);
    }
  });
});
