/**
 * The engine's, the link decoder's and the import's messages in the UI language. Their English
 * stays the contract (the CLI and outside checkers read it byte for byte), so Chinese is made
 * here, at display time: an ordered table of patterns whose captures (addresses, names, paths,
 * numbers, lists) are carried over verbatim. A message the table does not know comes back in
 * English, unchanged: a gap shows as English, never as a wrong or shortened sentence.
 */
import type { Lang } from './i18n';

type Tr = (message: string) => string | undefined;
type Rule = readonly [RegExp, (m: readonly string[], tr: Tr) => string | undefined];

const HAN = /\p{Script=Han}/u;
const ASCII = /[!-~]/;
const gap = (a: string, b: string): string => ((HAN.test(a) && ASCII.test(b)) || (ASCII.test(a) && HAN.test(b)) ? ' ' : '');

/** Chinese text with a space between Han and Latin where a value meets the text, as zh-CN.json writes. */
function zh(parts: TemplateStringsArray, ...values: Array<string | undefined>): string | undefined {
  if (values.some((v) => v === undefined)) return undefined;
  let out = parts[0] ?? '';
  values.forEach((v = '', i) => {
    const next = parts[i + 1] ?? '';
    out += (v ? gap(out.slice(-1), v[0] ?? '') : '') + v;
    out += gap(out.slice(-1), next[0] ?? '') + next;
  });
  return out;
}

/** "0, 1 or 2" → "0, 1 或 2": the values stay, the last "or" becomes 或. */
const orList = (list: string): string => list.replace(/ or (?=\S+$)/, ' 或 ');

/** What a message says was expected ("a string", "a whole number 0-65535", …). */
const NOUNS: ReadonlyArray<readonly [RegExp, (m: readonly string[]) => string | undefined]> = [
  [/^(?:an object|Object)$/, () => '对象'],
  [/^(?:an array|Array)$/, () => '数组'],
  [/^(?:a string|string)$/, () => '字符串'],
  [/^(?:a number|number)$/, () => '数字'],
  [/^boolean$/, () => '布尔值'],
  [/^text$/, () => '文本'],
  [/^true or false$/, () => 'true 或 false'],
  [/^a valid value$/, () => '有效的值'],
  [/^a whole number (\d+)-(\d+)$/, ([a, b]) => zh`${a}-${b} 的整数`],
  [/^a whole number \(the format version; this app writes (\d+)\)$/, ([n]) => zh`整数（格式版本号；本应用写的是 ${n}）`],
  [/^(\d+) to (\d+) items$/, ([a, b]) => zh`${a} 到 ${b} 项`],
  [/^at most (\d+) items$/, ([n]) => zh`最多 ${n} 项`],
  [/^at most (\d+) characters$/, ([n]) => zh`最多 ${n} 个字符`],
  [/^at most (\d+) changes$/, ([n]) => zh`最多 ${n} 个改动`],
  [/^an interface name such as eth0 \(1-15 letters, digits, "_", "\." or "-"; an alias such as eth0:0 is an address label\)$/,
    () => '网卡名，如 eth0（1-15 个字母、数字、"_"、"." 或 "-"；eth0:0 这样的别名是地址标签，不是网卡名）'],
  [/^a (host|segment) id such as (.+) \(a letter, then up to 31 letters, digits, "_" or "-"\)$/,
    ([kind, eg]) => zh`${kind === 'host' ? '主机' : '网段'} ID，如 ${eg?.replace(/, /g, '、')}（以字母开头，后面最多 31 个字母、数字、"_" 或 "-"）`],
  [/^an alias label such as (\S+) or (\S+)$/, ([a, b]) => zh`别名标签，如 ${a} 或 ${b}`],
  [/^a scenario id \(1-100 characters, no spaces\)$/, () => '场景 ID（1-100 个字符，不含空格）'],
  [/^an IPv4 address, e\.g\. (\S+)$/, ([eg]) => zh`IPv4 地址，例如 ${eg}`],
  [/^an IPv4 address with its prefix length, as ip addr shows it, e\.g\. (\S+)$/, ([eg]) => zh`带前缀长度的 IPv4 地址（ip addr 显示的形式），例如 ${eg}`],
  [/^"default" or a network with its prefix length, e\.g\. (\S+)$/, ([eg]) => zh`"default" 或带前缀长度的网络地址，例如 ${eg}`],
  [/^a MAC address, e\.g\. (\S+)$/, ([eg]) => zh`MAC 地址，例如 ${eg}`],
  [/^an IPv4 address and a TCP port, e\.g\. (\S+)$/, ([eg]) => zh`IPv4 地址加 TCP 端口，例如 ${eg}`],
  [/^address:port such as (\S+)$/, ([eg]) => zh`“地址:端口”，如 ${eg}`],
  [/^1-32 letters, digits, "-", "_", "\." or ":"$/, () => '1-32 个字母、数字、"-"、"_"、"." 或 ":"'],
  [/^a preset id$/, () => '预设 ID'],
  [/^a preset id such as (\S+)$/, ([eg]) => zh`预设 ID，如 ${eg}`],
  [/^a host id$/, () => '主机 ID'],
  [/^a host id of at most (\d+) characters$/, ([n]) => zh`最多 ${n} 个字符的主机 ID`],
  [/^1 \(a version-1 link\)$/, () => '1（第 1 版链接）'],
  [/^a change \["a" or "r", "\/json\/pointer", value\] or \["d", "\/json\/pointer"\]$/, () => '一个改动：["a" 或 "r", "/json/pointer", 值] 或 ["d", "/json/pointer"]'],
  [/^\{"preset": id\}, \{"preset": id, "patch": \[\.\.\.\]\} or \{"custom": scenario\}$/, () => '{"preset": id}、{"preset": id, "patch": [...]} 或 {"custom": scenario}'],
  [/^\{"host"\?, "event"\?\}$/, () => '{"host"?, "event"?}'],
  // Literal values: 1, "tcp" | "udp", "en" or "zh": kept as written.
  [/^((?:"[^"]*"|-?\d+)(?: \| (?:"[^"]*"|-?\d+))+)$/, ([choices]) => zh`${choices} 之一`],
  [/^((?:"[^"]*"|-?\d+)(?: or (?:"[^"]*"|-?\d+))?)$/, ([choices]) => orList(choices ?? '')],
];

function noun(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  for (const [re, render] of NOUNS) {
    const m = re.exec(text);
    if (!m) continue;
    const out = render(m.slice(1).map((g) => g ?? ''));
    if (out !== undefined) return out;
  }
  return undefined;
}

/** What a message says was found: valibot's type names and typeof words read as Chinese, values as they are. */
function found(text: string | undefined): string | undefined {
  // One value: quoted text or a single token (valibot's received, typeof, a number); more is not ours to read.
  if (text === undefined || !/^(?:".*"|[^\s"]+|an (?:object|array))$/s.test(text)) return undefined;
  const named: Record<string, string> = { Object: '对象', 'an object': '对象', Array: '数组', 'an array': '数组', string: '字符串', number: '数字', boolean: '布尔值' };
  return named[text] ?? text;
}

/** Body rules, tried in order on a message without its path; the first that matches and renders wins. */
const RULES: readonly Rule[] = [
  // Messages that wrap another come first, so an inner pattern's quoted capture cannot swallow them.
  [/^"(.*)" is not an address:port \(expected e\.g\. (\S+)\)$/s, ([t, eg]) => zh`"${t}" 不是“地址:端口”（例如 ${eg}）`],
  [/^"(.*)" is not an address:port: port "(.*)" is not a whole number 1-65535$/s, ([t, p]) => zh`"${t}" 不是有效的“地址:端口”：端口 "${p}" 不是 1-65535 的整数`],
  [/^"(.*?)" is not an address:port: (.+)$/s, ([t, why], tr) => zh`"${t}" 不是有效的“地址:端口”：${tr(why ?? '')}`],
  [/^(.*), or "default"$/s, ([rest], tr) => zh`${tr(rest ?? '')}；也可以是 "default"`],

  // The address parsers (src/engine/addr).
  [/^"(.*)" is not an IPv4 address \(expected four numbers 0-255 separated by dots, e\.g\. (\S+)\)$/s, ([t, eg]) => zh`"${t}" 不是 IPv4 地址（应为用点分隔的四个 0-255 的数，例如 ${eg}）`],
  [/^"(.*)" is not an IPv4 address: (\d+) is larger than 255$/s, ([t, n]) => zh`"${t}" 不是 IPv4 地址：${n} 大于 255`],
  [/^"(.*)" is not an IPv4 address: (\d+) has a leading zero$/s, ([t, n]) => zh`"${t}" 不是 IPv4 地址：${n} 有前导零`],
  [/^"(.*)" has no prefix length \(expected an address with a prefix, e\.g\. (\S+)\)$/s, ([t, eg]) => zh`"${t}" 缺少前缀长度（应为带前缀的地址，例如 ${eg}）`],
  [/^"(.*)" has a bad prefix length "(.*)" \(expected a whole number 0-32\)$/s, ([t, l]) => zh`"${t}" 的前缀长度 "${l}" 无效（应为 0-32 的整数）`],
  [/^"(.*)" is not a MAC address \(expected six hex pairs separated by colons, e\.g\. (\S+)\)$/s, ([t, eg]) => zh`"${t}" 不是 MAC 地址（应为用冒号分隔的六组两位十六进制数，例如 ${eg}）`],

  // The shape check (schema.ts) and valibot's own wording.
  [/^"(.*)" has spaces in it \(expected (.+)\)$/s, ([t, what]) => zh`"${t}" 中有空格（应为${noun(what)}）`],
  [/^missing, expected (.+)$/s, ([what]) => zh`缺少此项，应为${noun(what)}`],
  [/^missing \(every link has v and scenario\)$/, () => '缺少此项（每个链接都有 v 和 scenario）'],
  [/^unknown field, expected (?:one of )?(.+)$/s, ([list]) => zh`未知字段，应为以下之一：${orList(list ?? '')}`],
  [/^Invalid (type|length|value|key): Expected (.+) but received (.+)$/s,
    ([kind, what, got]) => zh`${{ type: '类型', length: '长度', value: '值', key: '键' }[kind ?? 'type']}无效：应为${noun(what)}，实际为${found(got)}`],

  // Cross-references (validate.ts), one rule per report() there.
  [/^host (\S+) already has an interface "(.*)"$/s, ([h, n]) => zh`主机 ${h} 已有名为 "${n}" 的网卡`],
  [/^"(.*)" is a multicast MAC \(the low bit of the first byte is set\); an interface needs a unicast MAC$/s, ([m]) => zh`"${m}" 是组播 MAC（第一个字节的最低位为 1）；网卡需要单播 MAC`],
  [/^127\.0\.0\.1 is already on lo \(every host has lo with 127\.0\.0\.1\/8; list only the addresses to add\)$/, () => '127.0.0.1 已在 lo 上（每台主机的 lo 都有 127.0.0.1/8；这里只列要添加的地址）'],
  [/^(\S+) is already on (\S+) \(Linux refuses it: File exists\)$/, ([a, d]) => zh`${a} 已在 ${d} 上（Linux 会拒绝：File exists）`],
  [/^"(.*)" must be "(.*)" or begin with "(.*):" \(e\.g\. (.*)\)$/s, ([l, d, p, eg]) => zh`"${l}" 必须是 "${d}" 或以 "${p}:" 开头（例如 ${eg}）`],
  [/^"(.*)" has host bits set \(expected the network, (\S+)\)$/s, ([d, net]) => zh`"${d}" 的主机位不全为 0（应为网络地址 ${net}）`],
  [/^host (\S+) already has a route to (.+)$/s, ([h, d]) => (d === 'default' ? zh`主机 ${h} 已有默认路由（default）` : zh`主机 ${h} 已有到 ${d} 的路由`)],
  [/^expected "via" or "dev" \(a route needs a next hop or a device\)$/, () => '需要 "via" 或 "dev"（路由需要下一跳或出口设备）'],
  [/^host (\S+) has no interface "(.*)" \(its interfaces are (.*); or use all\/default\)$/s, ([h, n, l]) => zh`主机 ${h} 没有网卡 "${n}"（它的网卡：${l}；也可以用 all 或 default）`],
  [/^host (\S+) has no interface "(.*)" \(its interfaces are (.*)\)$/s, ([h, n, l]) => zh`主机 ${h} 没有网卡 "${n}"（它的网卡：${l === 'none' ? '无' : l}）`],
  [/^gateway (\S+) is not in any subnet of host (\S+?)(?:'s (\S+))? \(Linux: Nexthop has invalid gateway\)$/,
    ([g, h, d]) => (d ? zh`网关 ${g} 不在主机 ${h} 的网卡 ${d} 的任何子网内（Linux：Nexthop has invalid gateway）` : zh`网关 ${g} 不在主机 ${h} 的任何子网内（Linux：Nexthop has invalid gateway）`)],
  [/^(\S+) is not an address of host (\S+) \(a preferred source must be local\)$/, ([a, h]) => zh`${a} 不是主机 ${h} 的地址（首选源地址必须是本机地址）`],
  [/^unknown sysctl, expected net\.ipv4\.ip_forward or net\.ipv4\.conf\.\{all,default,<interface>\}\.\{(.*)\}$/,
    ([keys]) => zh`未知的 sysctl，应为 net.ipv4.ip_forward 或 net.ipv4.conf.{all,default,<网卡>}.{${keys}}`],
  [/^(.+) is not a valid (\S+) \(expected (.+)\)$/s, ([v, key, list]) => zh`${v} 不是 ${key} 的有效值（应为 ${orList(list ?? '')}）`],
  [/^unknown scheduler "(.*)", expected one of (.+)$/s, ([s, l]) => zh`未知的调度算法 "${s}"，应为以下之一：${l}`],
  [/^unknown scheduler flag "(.*)", expected one of (.+)$/s, ([f, l]) => zh`未知的调度标志 "${f}"，应为以下之一：${l}`],
  [/^expected a port 1-65535 \(0 only with fwmark\)$/, () => '应为 1-65535 的端口（只有 fwmark 服务的端口可以是 0）'],
  [/^(\S+) is not a netmask \(expected contiguous ones, e\.g\. (\S+)\)$/, ([m, eg]) => zh`${m} 不是子网掩码（应为连续的 1，例如 ${eg}）`],
  [/^(fwmark \d+|(?:tcp|udp) \S+) is already a service on (\S+) \(ipvsadm: Service already exists\)$/, ([k, h]) => zh`${k} 已是 ${h} 上的虚拟服务（ipvsadm：Service already exists）`],
  [/^(\S+) is already a real server of this service \(ipvsadm: Destination already exists\)$/, ([d]) => zh`${d} 已是这个虚拟服务的真实服务器（ipvsadm：Destination already exists）`],
  [/^host (\S+) already has an app listening on (TCP|UDP) port (\d+)$/, ([h, p, n]) => zh`主机 ${h} 已有应用在监听 ${p} 端口 ${n}`],
  [/^"(.*)" is already the id of another segment$/s, ([id]) => zh`"${id}" 已是另一个网段的 ID`],
  [/^a link joins exactly 2 interfaces, found (\d+) \(use kind "switch" for more\)$/, ([n]) => zh`点对点链路只能连接 2 个网卡，这里有 ${n} 个（更多网卡请用类型 "switch"）`],
  [/^no host "(.*)" \(hosts are (.*)\)$/s, ([h, l]) => zh`没有主机 "${h}"（现有主机：${l}）`],
  [/^(\S+) is a virtual device \(loopback or IP-in-IP\) and cannot attach to a segment$/, ([d]) => zh`${d} 是虚拟设备（回环或 IP-in-IP 隧道），不能接入网段`],
  [/^(\S+ \S+) is already attached to segment "(.*)" \(an interface sits on one segment\)$/s, ([p, s]) => zh`${p} 已接入网段 "${s}"（一个网卡只能接入一个网段）`],
  [/^"(.*)" is already the id of (hosts\[\d+\])$/s, ([id, h]) => zh`"${id}" 已是 ${h} 的 ID`],
  [/^(\S+) is already the MAC of (\S+ \S+)$/, ([m, o]) => zh`${m} 已是 ${o} 的 MAC 地址`],

  // The version step (migrate.ts) and checkScenario's last resort.
  [/^version (-?\d+) is newer than this app understands \((\d+)\)$/, ([v, n]) => zh`格式版本 ${v} 比本应用支持的版本（${n}）更新`],
  [/^version (-?\d+) is not a scenario format version \(expected (\d+)-(\d+)\)$/, ([v, a, b]) => zh`格式版本 ${v} 不存在（应为 ${a}-${b}）`],
  [/^version (\d+) cannot be upgraded: no migration from version (\d+) to (\d+)$/, ([v, a, b]) => zh`格式版本 ${v} 无法升级：没有从版本 ${a} 到 ${b} 的迁移`],
  [/^version (\d+) could not be upgraded to (\d+): (.*)$/s, ([v, n, why]) => zh`格式版本 ${v} 升级到 ${n} 时出错：${why}`],
  [/^could not be read \((.*)\)$/s, ([why]) => zh`无法读取（${why}）`],

  // The editor's own field parsers (src/ui/editor/parsers.ts).
  [/^required$/, () => '必填'],
  [/^port (\d+) is not 1-65535$/, ([p]) => zh`端口 ${p} 不在 1-65535 之间`],

  // Importing a file (src/ui/editor/file-io.ts).
  [/^file too large \((\d+) bytes; a scenario is at most (\d+)\)$/, ([n, max]) => zh`文件太大（${n} 字节；场景文件最多 ${max} 字节）`],
  [/^not JSON \((.*)\)$/s, ([why]) => zh`不是 JSON（${why}）`],

  // Share links (src/share): the fragment, its bytes, the patch, the preset.
  [/^link is empty \(expected a fragment such as (\S+)\)$/, ([eg]) => zh`链接为空（应为 ${eg} 这样的片段）`],
  [/^link too large \((\d+) > (\d+) characters\)$/, ([n, max]) => zh`链接太长（${n} > ${max} 个字符）`],
  [/^not an lvs-flow link \(expected it to start with (\S+), found (.*)\)$/s, ([v, f]) => zh`不是 lvs-flow 的链接（应以 ${v} 开头，实际为 ${f}）`],
  [/^unknown link version (\S+) \(this app opens (\S+)\)$/, ([v, o]) => zh`未知的链接版本 ${v}（本应用能打开 ${o}）`],
  [/^link version (\S+) cannot be upgraded \(no migration to (\S+)\)$/, ([v, n]) => zh`链接版本 ${v} 无法升级（没有到 ${n} 的迁移）`],
  [/^link is malformed \(expected (v\d+)\.p\.<preset>\.<step>\.<lang>, e\.g\. (\S+)\)$/, ([v, eg]) => zh`链接格式错误（应为 ${v}.p.<预设>.<步骤>.<语言>，例如 ${eg}）`],
  [/^link is malformed: (".*") is not a preset id \(expected (v\d+)\.p\.<preset>\.<step>\.<lang>, e\.g\. (\S+)\)$/s,
    ([p, v, eg]) => zh`链接格式错误：${p} 不是预设 ID（应为 ${v}.p.<预设>.<步骤>.<语言>，例如 ${eg}）`],
  [/^link is malformed: step (".*") is not a whole number 0-(\d+)$/s, ([s, max]) => zh`链接格式错误：步骤 ${s} 不是 0-${max} 的整数`],
  [/^link is malformed: language (".*") is not en or zh$/s, ([l]) => zh`链接格式错误：语言 ${l} 不是 en 或 zh`],
  [/^link is malformed \(expected (v\d+)\.<base64url> or (v\d+)\.p\.<preset>\.<step>\.<lang>\)$/, ([a, b]) => zh`链接格式错误（应为 ${a}.<base64url> 或 ${b}.p.<预设>.<步骤>.<语言>）`],
  [/^link is truncated or corrupted \((.*)\)$/s, ([why], tr) => zh`链接不完整或已损坏（${tr(why ?? '')}）`],
  [/^too short$/, () => '太短'],
  [/^checksum mismatch$/, () => '校验和不符'],
  [/^deflate data invalid: (.*)$/s, ([why]) => zh`deflate 数据无效：${why}`],
  [/^character (".*") at (\d+) is not base64url \(A-Z a-z 0-9 - _\)$/s, ([c, i]) => zh`位置 ${i} 的字符 ${c} 不属于 base64url（A-Z a-z 0-9 - _）`],
  [/^(\d+) characters cannot be base64url$/, ([n]) => zh`${n} 个字符不可能是 base64url 编码`],
  [/^the last character has stray bits$/, () => '最后一个字符有多余的位'],
  [/^decoded link exceeds 1 MB \((\d+) bytes\)$/, ([n]) => zh`解码后的链接超过 1 MB（${n} 字节）`],
  [/^link content is not JSON text \((.*)\)$/s, ([why]) => zh`链接内容不是 JSON 文本（${why}）`],
  [/^link could not be read \((.*)\)$/s, ([why]) => zh`无法读取链接（${why}）`],
  [/^not a version-1 link state$/, () => '不是第 1 版的链接状态'],
  // The list of presets runs past the decoder's 300 characters, so the message often ends cut, with "…".
  [/^unknown preset "(.*)" in link \(this app has (.*?)(\)|…)$/s, ([p, l, end]) => zh`链接里的预设 "${p}" 不存在（本应用的预设：${l}${end === ')' ? '）' : '…'}`],
  [/^link's changes do not apply to preset (\S+): (.*)$/s, ([p, why], tr) => zh`链接里的改动无法应用到预设 ${p}：${tr(why ?? '')}`],
  [/^change (\d+): (.*)$/s, ([n, why], tr) => zh`第 ${n} 个改动：${tr(why ?? '')}`],
  [/^path (".*") must be empty or start with "\/"$/s, ([p]) => zh`路径 ${p} 必须为空或以 "/" 开头`],
  [/^path longer than (\d+) characters$/, ([n]) => zh`路径超过 ${n} 个字符`],
  [/^path (".*") has a "~" that is not ~0 or ~1$/s, ([p]) => zh`路径 ${p} 中的 "~" 不是 ~0 或 ~1`],
  [/^path (".*") is deeper than (\d+) levels$/s, ([p, n]) => zh`路径 ${p} 超过 ${n} 层`],
  [/^path (".*") names __proto__$/s, ([p]) => zh`路径 ${p} 指向 __proto__`],
  [/^cannot delete the whole document$/, () => '不能删除整个文档'],
  [/^no "(.*)" on the way to (.*)$/s, ([k, p]) => zh`通往 ${p} 的路上没有 "${k}"`],
  [/^(\/.*?): no element (\d+) \(the array has (\d+)\)$/s, ([p, i, n]) => zh`${p}：没有第 ${i} 个元素（数组只有 ${n} 个）`],
  [/^(\/.*?): the parent is not an object or array$/s, ([p]) => zh`${p}：上一级不是对象或数组`],
  [/^(\/.*?): no key "(.*)"$/s, ([p, k]) => zh`${p}：没有键 "${k}"`],

  // The general shapes last, so the specific sentences above win.
  [/^expected (.+?), found (.*)$/s, ([what, got]) => zh`应为${noun(what)}，实际为${found(got)}`],
  [/^expected (.+)$/s, ([what]) => zh`应为${noun(what)}`],
];

/** The number of message templates the table translates (the test reports it). */
export const RULE_COUNT = RULES.length;

const KEY = String.raw`(?:[A-Za-z_$][\w$]*|\[(?:\d+|"(?:[^"\\]|\\.)*")\])`;
const PATH = new RegExp(String.raw`^(${KEY}(?:\.[A-Za-z_$][\w$]*|\[(?:\d+|"(?:[^"\\]|\\.)*")\])*): (.*)$`, 's');

/** "hosts[0].id: missing, …" → { path: 'hosts[0].id', body: 'missing, …' }; no path → path null. */
export function splitProblem(message: string): { path: string | null; body: string } {
  const m = PATH.exec(message);
  return m ? { path: m[1] ?? '', body: m[2] ?? '' } : { path: null, body: message };
}

function translateBody(body: string): string | undefined {
  const more = /^(.*) \(and (\d+) more problems?\)$/s.exec(body);
  if (more) return zh`${translate(more[1] ?? '')}（另有 ${more[2]} 个问题）`;
  for (const [re, render] of RULES) {
    const m = re.exec(body);
    if (!m) continue;
    const out = render(m.slice(1).map((g) => g ?? ''), translate);
    if (out !== undefined) return out;
  }
  return undefined;
}

/** A whole message, path and all; undefined when any part of it is not in the table. */
function translate(message: string): string | undefined {
  const { path, body } = splitProblem(message);
  if (path === null) return translateBody(message);
  const inner = translateBody(body);
  return inner === undefined ? undefined : `${path}: ${inner}`;
}

/**
 * The message as the UI shows it in `lang`: Chinese for zh-CN when the table knows it, else the
 * English original, unchanged. Never throws.
 * @example problemText('hosts[0].id: missing, expected a string', 'zh-CN') // 'hosts[0].id: 缺少此项，应为字符串'
 */
export function problemText(message: string, lang: Lang): string {
  if (lang !== 'zh-CN') return message;
  try {
    return translate(message) ?? message;
  } catch {
    return message;
  }
}
