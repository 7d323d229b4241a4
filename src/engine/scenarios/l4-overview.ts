/**
 * l4-overview: the course's 四层工作逻辑 diagram. One TCP connection: the LVS rewrites the
 * destination toward a real server and the source back to the VIP (NAT forwarding).
 */
import type { Scenario } from '../scenario/types';
import { CLIENT, IP_FORWARD, defaultVia, host, httpClient, httpServer, iface, lan, rrService, t } from './parts';

const RIPS = ['192.168.1.11', '192.168.1.12', '192.168.1.13', '192.168.1.14'];

export const l4Overview: Scenario = {
  version: 1,
  id: 'l4-overview',
  group: 'overview',
  title: t('Layer 4: one connection, the director rewrites addresses', '四层工作逻辑：一条连接，调度器改写地址'),
  summary: t(
    'Client 10.10.10.2 connects to the VIP 10.10.10.100. The LVS looks up its rule base, picks an Apache real server in 192.168.1.11-.14 and rewrites the destination; the reply comes back through the LVS, which rewrites the source to the VIP.',
    '客户端 10.10.10.2 连接 VIP 10.10.10.100。LVS 查规则库，从 192.168.1.11-.14 中选一台 Apache 真实服务器并改写目的地址；回包经过 LVS，源地址被改回 VIP。',
  ),
  lessons: [
    t(
      'Follow the four S/D pairs of the slide: 10.10.10.2 → 10.10.10.100, then 10.10.10.2 → 192.168.1.11 (destination rewritten), 192.168.1.11 → 10.10.10.2, and 10.10.10.100 → 10.10.10.2 (source rewritten). It is a single TCP connection: the LVS never opens one of its own.',
      '对照幻灯片的四组 S/D：10.10.10.2 → 10.10.10.100；10.10.10.2 → 192.168.1.11（改写目的地址）；192.168.1.11 → 10.10.10.2；10.10.10.100 → 10.10.10.2（改写源地址）。全程只有一条 TCP 连接，LVS 自己不建立连接。',
    ),
    t(
      'The rule base (规则库) is the IPVS table: TCP 10.10.10.100:80, scheduler rr, four real servers with -m (NAT). The slide shows RS1 chosen; Linux rr starts with the last real server added, so the first request goes to 192.168.1.14 and the second to 192.168.1.13.',
      '规则库就是 IPVS 表：TCP 10.10.10.100:80，调度算法 rr，四台真实服务器，转发方式 -m（NAT）。幻灯片画的是选中 RS1；Linux 的 rr 从最后添加的真实服务器开始，所以第一个请求到 192.168.1.14，第二个到 192.168.1.13。',
    ),
    t(
      'The slide leaves out how the replies find their way back. Here the LVS also holds 192.168.1.10 on its private side and is the real servers\' gateway (网关), as in NAT mode; the simulator adds that address so the drawing works.',
      '幻灯片没有画出回包如何回到 LVS。这里 LVS 在私网一侧还有地址 192.168.1.10，并作为真实服务器的网关，与 NAT 模式相同；这个地址是模拟器为让图能跑通而补上的。',
    ),
    t(
      'Layer 4 sees only addresses and ports, so it balances any TCP or UDP service (C/S and B/S); compare l7-overview, where the proxy reads the HTTP request.',
      '四层只看地址和端口，所以能为任何 TCP/UDP 服务做负载均衡（C/S 与 B/S）；对比 l7-overview，那里的代理要读懂 HTTP 请求。',
    ),
  ],
  hosts: [
    host('C', 'client', { name: CLIENT, at: [100, 300], interfaces: [iface('eth0', '10.10.10.2/24')], apps: [httpClient('10.10.10.100:80')] }),
    host('D', 'director', {
      name: t('D LVS', 'D LVS 负载调度器'),
      at: [450, 300],
      interfaces: [iface('eth0', '10.10.10.100/24'), iface('eth1', '192.168.1.10/24')],
      sysctl: { ...IP_FORWARD },
      services: [rrService('10.10.10.100', 'masq', RIPS)],
    }),
    ...RIPS.map((rip, i) =>
      host(`RS${i + 1}`, 'real-server', {
        name: t(`RS${i + 1} Apache`, `RS${i + 1} Apache`),
        at: [850, 90 + i * 140],
        interfaces: [iface('eth0', `${rip}/24`)],
        routes: defaultVia('192.168.1.10'),
        apps: [httpServer()],
      }),
    ),
  ],
  segments: [
    lan('lan', t('client side 10.10.10.0/24', '客户端一侧 10.10.10.0/24'), [275, 200], ['C:eth0', 'D:eth0']),
    lan('lan-private', t('private side 192.168.1.0/24', '私网一侧 192.168.1.0/24'), [650, 300], ['D:eth1', 'RS1:eth0', 'RS2:eth0', 'RS3:eth0', 'RS4:eth0']),
  ],
};
