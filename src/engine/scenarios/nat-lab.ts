/**
 * nat-lab: the course's LVS NAT 构建 lab. Client 20.20.20.22 and the director's public side
 * 20.20.20.11 (also the VIP) share one LAN; the director's eth1 10.10.10.11 is the real servers'
 * gateway. nat-lab-bad-gateway starts from this one.
 */
import type { Scenario } from '../scenario/types';
import { CLIENT, DIRECTOR, IP_FORWARD, defaultVia, host, httpClient, httpServer, iface, lan, realServer, rrService, t } from './parts';

export const NAT_LAB_VIP = '20.20.20.11';
export const NAT_LAB_DIP = '10.10.10.11';

export const natLab: Scenario = {
  version: 1,
  id: 'nat-lab',
  group: 'labs',
  title: t('Lab: building LVS-NAT', '实验：LVS NAT 构建'),
  summary: t(
    'The course\'s NAT lab: client C 20.20.20.22; director D with eth0 20.20.20.11 (also the VIP) and eth1 10.10.10.11; real servers RS1 10.10.10.12 and RS2 10.10.10.13, whose gateway is 10.10.10.11. The director has net.ipv4.ip_forward=1.',
    '课程的 NAT 实验：客户端 C 20.20.20.22；负载调度器 D 的 eth0 为 20.20.20.11（同时是 VIP），eth1 为 10.10.10.11；真实服务器 RS1 10.10.10.12 与 RS2 10.10.10.13 以 10.10.10.11 为网关。调度器开启 net.ipv4.ip_forward=1。',
  ),
  lessons: [
    t(
      'The rules are ipvsadm -A -t 20.20.20.11:80 -s rr, then -a -t 20.20.20.11:80 -r 10.10.10.12:80 -m and the same for 10.10.10.13. The first request goes to RS2 (rr starts with the last real server added), the second to RS1.',
      '规则为 ipvsadm -A -t 20.20.20.11:80 -s rr，再 -a -t 20.20.20.11:80 -r 10.10.10.12:80 -m，10.10.10.13 同理。第一个请求到 RS2（rr 从最后添加的真实服务器开始），第二个到 RS1。',
    ),
    t(
      'Watch the director: inbound D 20.20.20.11:80 becomes D 10.10.10.13:80 (DNAT), and the reply\'s S 10.10.10.13 becomes S 20.20.20.11 (SNAT) before it reaches C. It decrements the TTL both ways.',
      '观察负载调度器：入站 D 20.20.20.11:80 被改为 D 10.10.10.13:80（DNAT），回包的 S 10.10.10.13 在到达 C 之前被改回 S 20.20.20.11（SNAT）。调度器在两个方向上都会把 TTL 减 1。',
    ),
    t(
      'Two settings make it work: ip_forward=1 on the director, and the real servers\' default gateway 10.10.10.11, because their replies go to 20.20.20.22, outside their subnet, and must pass the director to be rewritten. nat-lab-bad-gateway breaks the second.',
      '能工作靠两个设置：调度器的 ip_forward=1，以及真实服务器的默认网关 10.10.10.11——回包的目的地 20.20.20.22 不在本子网，必须经过调度器才能被改写。nat-lab-bad-gateway 破坏了后者。',
    ),
  ],
  hosts: [
    host('C', 'client', { name: CLIENT, at: [100, 300], interfaces: [iface('eth0', '20.20.20.22/24')], apps: [httpClient(`${NAT_LAB_VIP}:80`)] }),
    host('D', 'director', {
      name: DIRECTOR,
      at: [420, 300],
      interfaces: [iface('eth0', `${NAT_LAB_VIP}/24`), iface('eth1', `${NAT_LAB_DIP}/24`)],
      sysctl: { ...IP_FORWARD },
      services: [rrService(NAT_LAB_VIP, 'masq', ['10.10.10.12', '10.10.10.13'])],
    }),
    ...['10.10.10.12', '10.10.10.13'].map((rip, i) =>
      host(`RS${i + 1}`, 'real-server', {
        name: realServer(i + 1),
        at: [860, 180 + i * 240],
        interfaces: [iface('eth0', `${rip}/24`)],
        routes: defaultVia(NAT_LAB_DIP),
        apps: [httpServer()],
      }),
    ),
  ],
  segments: [
    lan('lan-public', t('public side 20.20.20.0/24', '公网一侧 20.20.20.0/24'), [260, 200], ['C:eth0', 'D:eth0']),
    lan('lan-private', t('private side 10.10.10.0/24', '私网一侧 10.10.10.0/24'), [640, 300], ['D:eth1', 'RS1:eth0', 'RS2:eth0']),
  ],
};
