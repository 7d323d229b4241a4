/**
 * routed-basic: plain IP routing, no IPVS. A client in 192.168.1.0/24 reaches a web server in
 * 10.10.10.0/24 through router R: the groundwork every LVS mode builds on.
 */
import type { Scenario } from '../scenario/types';
import { CLIENT, IP_FORWARD, defaultVia, host, httpClient, httpServer, iface, lan, t } from './parts';

export const routedBasic: Scenario = {
  version: 1,
  id: 'routed-basic',
  group: 'basics',
  title: t('Routing: a client reaches a web server through a router', '路由基础：客户端经路由器访问 Web 服务器'),
  summary: t(
    'Client C (192.168.1.2) and web server S (10.10.10.11) sit in two subnets joined by router R. The IP addresses stay the same end to end; at each hop the Ethernet addresses change and R lowers the TTL.',
    '客户端 C（192.168.1.2）与 Web 服务器 S（10.10.10.11）位于两个子网，由路由器 R 连接。IP 地址从头到尾不变；每一跳的以太网（MAC）地址都会改变，R 每转发一次 TTL 减 1。',
  ),
  lessons: [
    t(
      'Watch C\'s first step: the server is not in its subnet, so C sends the packet to its gateway (网关) 192.168.1.1. It ARPs for R, not for the server, and the frame carries R\'s MAC while the IP destination stays 10.10.10.11.',
      '注意 C 的第一步：服务器不在本子网，C 把报文交给网关 192.168.1.1。它 ARP 查询的是 R 而不是服务器；帧的目的 MAC 是 R 的，IP 目的地址仍是 10.10.10.11。',
    ),
    t(
      'R forwards because net.ipv4.ip_forward=1; a host without it drops packets that are not addressed to it. R decrements the TTL and rewrites only the MACs. The server answers through its own gateway, 10.10.10.1.',
      'R 能转发是因为 net.ipv4.ip_forward=1；没有它的主机会丢弃不是发给自己的报文。R 把 TTL 减 1，只改写 MAC。服务器经自己的网关 10.10.10.1 回包。',
    ),
    t(
      'The second request needs no ARP: every host keeps what it learnt in its neighbour (ARP) cache. Keep this picture in mind for NAT mode, where the director is the real servers\' gateway.',
      '第二个请求不再需要 ARP：每台主机都把学到的地址记在邻居（ARP）缓存里。记住这幅图：NAT 模式中，负载调度器就是真实服务器的网关。',
    ),
  ],
  hosts: [
    host('C', 'client', {
      name: CLIENT,
      at: [120, 300],
      interfaces: [iface('eth0', '192.168.1.2/24')],
      routes: defaultVia('192.168.1.1'),
      apps: [httpClient('10.10.10.11:80')],
    }),
    host('R', 'router', {
      name: t('R router', 'R 路由器'),
      at: [500, 300],
      interfaces: [iface('eth0', '192.168.1.1/24'), iface('eth1', '10.10.10.1/24')],
      sysctl: { ...IP_FORWARD },
    }),
    host('S', 'server', {
      name: t('S web server', 'S Web 服务器'),
      at: [880, 300],
      interfaces: [iface('eth0', '10.10.10.11/24')],
      routes: defaultVia('10.10.10.1'),
      apps: [httpServer()],
    }),
  ],
  segments: [
    lan('client-lan', t('client LAN 192.168.1.0/24', '客户端网段 192.168.1.0/24'), [310, 200], ['C:eth0', 'R:eth0']),
    lan('server-lan', t('server LAN 10.10.10.0/24', '服务器网段 10.10.10.0/24'), [690, 200], ['R:eth1', 'S:eth0']),
  ],
};
