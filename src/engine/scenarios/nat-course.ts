/**
 * nat-course: the course's LVS NAT 模式 diagram. The client is across the Internet; the
 * director rewrites the destination on the way in (DNAT) and the source on the way out (SNAT),
 * and is the real servers' gateway. Router R stands in for the Internet cloud.
 */
import type { Scenario } from '../scenario/types';
import { CLIENT, DIRECTOR, INTERNET, IP_FORWARD, defaultVia, host, httpClient, httpServer, iface, lan, link, realServer, rrService, t } from './parts';

const RIPS = ['192.168.1.11', '192.168.1.12', '192.168.1.13'];

export const natCourse: Scenario = {
  version: 1,
  id: 'nat-course',
  group: 'modes',
  title: t('LVS-NAT: the director rewrites addresses both ways', 'LVS NAT 模式：调度器双向改写地址'),
  summary: t(
    'Client 10.11.12.13 reaches the VIP 11.12.13.14:80 across the Internet. The director (负载调度器) rewrites the destination to a real server in 192.168.1.0/24 (DNAT); the real servers use the director, 192.168.1.10, as their gateway, so every reply returns through it and gets its source rewritten back to the VIP (SNAT).',
    '客户端 10.11.12.13 经互联网访问 VIP 11.12.13.14:80。负载调度器把目的地址改写为 192.168.1.0/24 中的一台真实服务器（DNAT）；真实服务器以调度器的 192.168.1.10 为网关，所以回包都经过调度器，源地址被改回 VIP（SNAT）。',
  ),
  lessons: [
    t(
      'Router R (10.11.12.1 and 11.12.13.1) is not on the slide: it stands for the Internet cloud and is added so the drawing is routable. It lowers the TTL and changes the MACs, never the addresses.',
      '路由器 R（10.11.12.1 与 11.12.13.1）不在幻灯片上：它代表图中的互联网，是为了让拓扑可以路由而添加的。它只减 TTL、换 MAC，从不改地址。',
    ),
    t(
      'Watch the director: inbound S 10.11.12.13 / D 11.12.13.14:80 becomes D 192.168.1.11:80 (DNAT); outbound S 192.168.1.11 / D 10.11.12.13 becomes S 11.12.13.14 (SNAT). The client only ever sees the VIP. The director decrements the TTL in both directions.',
      '观察负载调度器：入站 S 10.11.12.13 / D 11.12.13.14:80 被改为 D 192.168.1.11:80（DNAT）；出站 S 192.168.1.11 / D 10.11.12.13 被改为 S 11.12.13.14（SNAT）。客户端始终只看到 VIP。调度器在两个方向上都会把 TTL 减 1。',
    ),
    t(
      'The real servers reply to the client\'s real address 10.11.12.13, which is not in their subnet, so the reply goes to their gateway (网关). That gateway must be the director, 192.168.1.10: see nat-lab-bad-gateway for what happens when it is not.',
      '真实服务器直接回复客户端的真实地址 10.11.12.13，它不在本子网内，所以回包交给网关。这个网关必须是调度器 192.168.1.10；若不是会怎样，见 nat-lab-bad-gateway。',
    ),
    t(
      'The slide shows RS1 chosen first. Linux rr starts with the last real server added, so the first request goes to RS3 and the second to RS2; ipvsadm -L -n still lists them in address order.',
      '幻灯片画的是先选中 RS1。Linux 的 rr 从最后添加的真实服务器开始，所以第一个请求到 RS3，第二个到 RS2；ipvsadm -L -n 仍按地址顺序列出。',
    ),
    t(
      'The summary slide is right that NAT supports port mapping (端口映射): -r 192.168.1.11:8080 -m would rewrite the port too. Every packet in and out passes the director, so it carries the heaviest load; real servers may run any OS because they only see ordinary packets.',
      '总结页说 NAT 支持端口映射是对的：-r 192.168.1.11:8080 -m 会连端口一起改写。进出的每个报文都经过调度器，所以它压力最大；真实服务器收到的都是普通报文，所以可以是任何操作系统。',
    ),
  ],
  hosts: [
    host('C', 'client', {
      name: CLIENT,
      at: [80, 300],
      interfaces: [iface('eth0', '10.11.12.13/24')],
      routes: defaultVia('10.11.12.1'),
      apps: [httpClient('11.12.13.14:80')],
    }),
    host('R', 'router', {
      name: INTERNET,
      at: [270, 300],
      interfaces: [iface('eth0', '10.11.12.1/24'), iface('eth1', '11.12.13.1/24')],
      sysctl: { ...IP_FORWARD },
    }),
    host('D', 'director', {
      name: DIRECTOR,
      at: [480, 300],
      interfaces: [iface('eth0', '11.12.13.14/24'), iface('eth1', '192.168.1.10/24')],
      routes: defaultVia('11.12.13.1'),
      sysctl: { ...IP_FORWARD },
      services: [rrService('11.12.13.14', 'masq', RIPS)],
    }),
    ...RIPS.map((rip, i) =>
      host(`RS${i + 1}`, 'real-server', {
        name: realServer(i + 1),
        at: [860, 140 + i * 160],
        interfaces: [iface('eth0', `${rip}/24`)],
        routes: defaultVia('192.168.1.10'),
        apps: [httpServer()],
      }),
    ),
  ],
  segments: [
    link('c-link', t('client access link 10.11.12.0/24 (public)', '客户端接入链路 10.11.12.0/24（公网）'), 'C:eth0', 'R:eth0'),
    link('d-link', t('director uplink 11.12.13.0/24 (public)', '调度器上联链路 11.12.13.0/24（公网）'), 'R:eth1', 'D:eth0'),
    lan('lan-private', t('private LAN 192.168.1.0/24', '私网 192.168.1.0/24'), [680, 300], ['D:eth1', 'RS1:eth0', 'RS2:eth0', 'RS3:eth0']),
  ],
};
