/**
 * What a check says, in English and Chinese side by side: the symptom the traffic shows first,
 * then what to do, then the checklist step. Shell commands stay as Linux spells them.
 */
import type { DiagnosisCode, Diagnosis } from './diagnose';
import type { CheckReport } from './check';
import type { BuildLab } from './types';

export type LabLang = 'en' | 'zh';
type P = Readonly<Record<string, string | number>>;
type Say = Record<LabLang, (p: P) => string>;

const METHOD: Record<string, Record<LabLang, string>> = {
  gate: { en: 'direct routing (-g)', zh: '直接路由（-g）' },
  masq: { en: 'masquerading (-m)', zh: '地址伪装（-m）' },
  ipip: { en: 'IP-in-IP tunnelling (-i)', zh: 'IP 隧道（-i）' },
};
const method = (m: string | number | undefined, lang: LabLang): string => METHOD[String(m)]?.[lang] ?? String(m);

const MESSAGES: Record<DiagnosisCode, Say> = {
  'client-silent': {
    en: (p) => `${p.client} sent nothing towards ${p.vip} (curl: "${p.curl}"): ${p.client} has no address or no route yet — give it its address`,
    zh: (p) => `${p.client} 没有向 ${p.vip} 发出任何报文（curl：“${p.curl}”）：${p.client} 还没有地址或路由——先为它配置地址`,
  },
  'vip-unanswered': {
    en: (p) => `nobody answered ${p.client}'s ARP request for ${p.target}, so no request left ${p.client} — ${p.target === p.vip ? `no host holds the VIP ${p.vip} yet: put it on the director` : `no host holds ${p.target} yet`}`,
    zh: (p) => `没有主机回应 ${p.client} 对 ${p.target} 的 ARP 请求，请求因此没有发出——${p.target === p.vip ? `还没有主机持有 VIP ${p.vip}：把它配置到调度器上` : `还没有主机持有 ${p.target}`}`,
  },
  'arp-answered-by-real-server': {
    en: (p) => `${p.count === p.total ? 'every request' : `${p.count} of ${p.total} requests`} went straight to ${p.server} and the director saw ${p.directorSaw === 0 ? 'none' : p.directorSaw}: ${p.client} took ${p.server}'s ARP reply for the VIP ${p.vip} — set arp_ignore and arp_announce on the real servers`,
    zh: (p) => `${p.count === p.total ? '所有请求' : `${p.total} 个请求中有 ${p.count} 个`}都直接发给了 ${p.server}，调度器${p.directorSaw === 0 ? '一个也没有收到' : `只收到 ${p.directorSaw} 个`}：${p.client} 采用了 ${p.server} 对 VIP ${p.vip} 的 ARP 回应——在真实服务器上设置 arp_ignore 和 arp_announce`,
  },
  'no-virtual-service': {
    en: (p) => `${p.director} received the requests for ${p.vip}:${p.port} but has no virtual service for them and refused them — add it with ipvsadm -A, then its real servers with ipvsadm -a`,
    zh: (p) => `${p.director} 收到了发往 ${p.vip}:${p.port} 的请求，但没有对应的虚拟服务，于是拒绝了——用 ipvsadm -A 添加虚拟服务，再用 ipvsadm -a 添加真实服务器`,
  },
  'director-cannot-reach': {
    en: (p) => `the director scheduled ${p.server} (${p.rip}) but could not reach it (${p.reason === 'no-route' ? 'no route' : 'no answer to its ARP'}): ${p.director} needs an address of its own on the real servers' network, not only the VIP`,
    zh: (p) => `调度器选中了 ${p.server}（${p.rip}），却无法到达它（${p.reason === 'no-route' ? '没有路由' : '它的 ARP 请求无人回应'}）：${p.director} 需要在真实服务器所在网络上有自己的地址，而不只是 VIP`,
  },
  'wrong-forwarding-method': {
    en: (p) => `the director forwards to ${p.dest} by ${method(p.forward, 'en')}, but this lab is built on ${method(p.expected, 'en')} — delete the real servers and add them again with the right option`,
    zh: (p) => `调度器以${method(p.forward, 'zh')}转发给 ${p.dest}，但本实验使用${method(p.expected, 'zh')}——删除真实服务器后用正确的选项重新添加`,
  },
  'vip-not-on-real-server': {
    en: (p) => `${p.server} dropped the requests the director passed it: they are addressed to the VIP ${p.vip}, which ${p.server} does not hold — put the VIP on ${p.where}`,
    zh: (p) => `${p.server} 丢弃了调度器转来的请求：它们的目的地址是 VIP ${p.vip}，而 ${p.server} 没有这个地址——把 VIP 配置到 ${p.where} 上`,
  },
  'no-tunnel': {
    en: (p) => `${p.server} cannot unwrap IP-in-IP and answered "protocol unreachable" — load the module (modprobe ipip) and put the VIP ${p.vip} on tunl0`,
    zh: (p) => `${p.server} 无法解封装 IP 隧道报文，回应了“协议不可达”——加载模块（modprobe ipip），并把 VIP ${p.vip} 配置到 tunl0 上`,
  },
  'martian-source': {
    en: (p) => `${p.server} dropped the tunnelled packets as martians: their outer source ${p.src} is an address ${p.server} holds itself (the VIP on tunl0) — set accept_local=1 on all and eth0, or give the service a VIP of its own`,
    zh: (p) => `${p.server} 把隧道报文当作火星报文丢弃：外层源地址 ${p.src} 是 ${p.server} 自己持有的地址（tunl0 上的 VIP）——在 all 和 eth0 上设置 accept_local=1，或者为服务单独使用一个 VIP`,
  },
  'rp-filter': {
    en: (p) => `${p.server}'s reverse-path filter dropped the requests (source ${p.src} arriving on ${p.dev}): with rp_filter=1 Linux wants them on the interface its route back uses — set rp_filter to 0 on all and tunl0`,
    zh: (p) => `${p.server} 的反向路径过滤丢弃了请求（源地址 ${p.src}，从 ${p.dev} 进入）：rp_filter=1 时 Linux 要求报文从回程路由所用的接口进入——在 all 和 tunl0 上把 rp_filter 设为 0`,
  },
  'port-mapping': {
    en: (p) => `${p.server} refused the connection to port ${p.port}: its web server listens on ${p.listening}. In DR and TUN the real server receives the VIP's port unchanged (ipvsadm replaces the real server's port by the service's), so ports cannot be mapped: run the web server on ${p.port}, or use NAT (-m)`,
    zh: (p) => `${p.server} 拒绝了到端口 ${p.port} 的连接：它的 Web 服务监听在 ${p.listening}。DR 与 TUN 模式下真实服务器收到的端口与 VIP 的相同（ipvsadm 会把真实服务器的端口换成服务的端口），无法做端口映射：让 Web 服务监听 ${p.port}，或改用 NAT（-m）`,
  },
  'web-server-stopped': {
    en: (p) => `${p.server} refused the connection to port ${p.port}: no web server runs there — start it (service apache2 start)`,
    zh: (p) => `${p.server} 拒绝了到端口 ${p.port} 的连接：那里没有运行 Web 服务——启动它（service apache2 start）`,
  },
  'real-server-no-route': {
    en: (p) => `the SYN-ACK never left ${p.server}: it has no route to ${p.dst} — ${p.nat ? 'its default gateway must be the director' : 'give it a default route (route add default gw …)'}`,
    zh: (p) => `SYN-ACK 从未离开 ${p.server}：它没有到 ${p.dst} 的路由——${p.nat ? '它的默认网关必须是调度器' : '为它添加默认路由（route add default gw …）'}`,
  },
  'gateway-unreachable': {
    en: (p) => `the SYN-ACK never left ${p.server}: its gateway ${p.gateway} does not answer ARP — ${p.nat ? 'the default gateway must be the director' : 'point the default route at a router that exists'}`,
    zh: (p) => `SYN-ACK 从未离开 ${p.server}：它的网关 ${p.gateway} 不回应 ARP——${p.nat ? '默认网关必须是调度器' : '让默认路由指向一台存在的路由器'}`,
  },
  'director-not-forwarding': {
    en: (p) => `${p.director} dropped the real servers' replies on their way to the client: it does not forward (ip_forward=0) — echo 1 > /proc/sys/net/ipv4/ip_forward`,
    zh: (p) => `${p.director} 丢弃了真实服务器发往客户端的回复：它没有开启转发（ip_forward=0）——echo 1 > /proc/sys/net/ipv4/ip_forward`,
  },
  'reply-not-from-vip': {
    en: (p) => `replies come from ${p.src} (${p.server}), not the VIP ${p.vip}: the client asked the VIP and drops them`,
    zh: (p) => `回复来自 ${p.src}（${p.server}），而不是 VIP ${p.vip}：客户端访问的是 VIP，会丢弃这些回复`,
  },
  'request-failed': {
    en: (p) => `${p.failed} of ${p.total} requests failed (curl: "${p.curl}")`,
    zh: (p) => `${p.total} 个请求中有 ${p.failed} 个失败（curl：“${p.curl}”）`,
  },
  'server-unused': {
    en: (p) => `${p.server} answered none of the ${p.total} requests: it is not in the virtual service, or its weight is 0 — ipvsadm -a -t ${p.vip}:80 -r …`,
    zh: (p) => `${p.server} 没有回应 ${p.total} 个请求中的任何一个：它不在虚拟服务中，或权重为 0——ipvsadm -a -t ${p.vip}:80 -r …`,
  },
};

/** 1-based position of a step in the lab's checklist. */
export function stepNumber(lab: BuildLab, stepId: string | undefined): number | undefined {
  const i = lab.steps.findIndex((s) => s.id === stepId);
  return i < 0 ? undefined : i + 1;
}

export function diagnosisText(lab: BuildLab, d: Diagnosis, lang: LabLang): string {
  const params: P = { ...d.params, nat: lab.forward === 'masq' ? 1 : 0, where: lab.forward === 'ipip' ? 'tunl0' : 'lo:0' };
  const n = stepNumber(lab, d.step);
  const text = MESSAGES[d.code][lang](params);
  if (n === undefined) return text;
  return lang === 'en' ? `${text} (step ${n})` : `${text}（第 ${n} 步）`;
}

export function reportText(lab: BuildLab, r: CheckReport, lang: LabLang): string {
  if (r.diagnosis) return diagnosisText(lab, r.diagnosis, lang);
  const spread = lab.servers.map((s) => `${s} ×${r.servedCounts[s] ?? 0}`).join(', ');
  const sched = r.scheduler ?? '';
  return lang === 'en'
    ? `Passed: ${r.outcomes.length} requests, every one through the director (${sched}) and answered from the VIP ${lab.vip}: ${spread}`
    : `通过：${r.outcomes.length} 个请求全部经过调度器（${sched}），并以 VIP ${lab.vip} 回应：${spread}`;
}
