/**
 * l7-overview: the course's 七层工作逻辑 diagram. Two TCP connections: the client talks to the
 * Nginx proxy, and the proxy opens its own connection to a real server. No IPVS.
 */
import type { Scenario } from '../scenario/types';
import { CLIENT, host, httpClient, httpServer, iface, lan, t } from './parts';

const RIPS = ['192.168.1.11', '192.168.1.12', '192.168.1.13', '192.168.1.14'];

export const l7Overview: Scenario = {
  version: 1,
  id: 'l7-overview',
  group: 'overview',
  title: t('Layer 7: two connections, the proxy speaks to both sides', '七层工作逻辑：两条连接，代理分别与两端通信'),
  summary: t(
    'Client 192.168.1.2 connects to Nginx at 192.168.1.100. Nginx reads the HTTP request, opens a new connection from its own address to an Apache real server (192.168.1.11-.14) and relays the answer.',
    '客户端 192.168.1.2 连接 Nginx（192.168.1.100）。Nginx 读取 HTTP 请求，用自己的地址向一台 Apache 真实服务器（192.168.1.11-.14）发起新连接，再把响应转给客户端。',
  ),
  lessons: [
    t(
      'Count the handshakes: one between the client and Nginx, another between Nginx and the real server. The real server sees 192.168.1.100 as its client, never 192.168.1.2.',
      '数一数握手：客户端与 Nginx 之间一次，Nginx 与真实服务器之间又一次。真实服务器看到的客户端是 192.168.1.100，而不是 192.168.1.2。',
    ),
    t(
      'The slide writes port 80 on both ends of every pair (S 192.168.1.2:80). Only the servers listen on 80: the client\'s source port is an ephemeral port (40000 and up), and so is the proxy\'s source port toward the real server. The trace shows the real ports.',
      '幻灯片在每组地址两端都写了 80 端口（S 192.168.1.2:80）。只有服务器一侧监听 80：客户端的源端口是临时端口（40000 以上），代理连向真实服务器时的源端口也是临时端口。轨迹里显示的是真实端口。',
    ),
    t(
      'The proxy must understand the request before it picks a server, which is why layer 7 can route by URL or host name and why it serves only HTTP (B/S), while layer 4 serves any TCP/UDP service.',
      '代理必须先读懂请求再选服务器，所以七层可以按 URL 或主机名分发，但只能服务 HTTP（B/S）；四层则能服务任何 TCP/UDP 服务。',
    ),
    t(
      'Everything sits on one LAN, as drawn. Nginx takes its upstreams in turn (round robin, nginx\'s default).',
      '按图所示，所有主机在同一局域网。Nginx 轮流使用上游服务器（轮询，nginx 的默认方式）。',
    ),
  ],
  hosts: [
    host('C', 'client', { name: CLIENT, at: [100, 300], interfaces: [iface('eth0', '192.168.1.2/24')], apps: [httpClient('192.168.1.100:80')] }),
    host('D', 'proxy', {
      name: t('D Nginx', 'D Nginx 七层代理'),
      at: [450, 300],
      interfaces: [iface('eth0', '192.168.1.100/24')],
      apps: [{ kind: 'l7-proxy', port: 80, upstreams: RIPS.map((r) => `${r}:80`) }],
    }),
    ...RIPS.map((rip, i) =>
      host(`RS${i + 1}`, 'real-server', {
        name: t(`RS${i + 1} Apache`, `RS${i + 1} Apache`),
        at: [850, 90 + i * 140],
        interfaces: [iface('eth0', `${rip}/24`)],
        apps: [httpServer()],
      }),
    ),
  ],
  segments: [
    lan('lan', t('LAN 192.168.1.0/24', '局域网 192.168.1.0/24'), [650, 300], ['C:eth0', 'D:eth0', 'RS1:eth0', 'RS2:eth0', 'RS3:eth0', 'RS4:eth0']),
  ],
};
