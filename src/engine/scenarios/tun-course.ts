/**
 * tun-course: the course's LVS TUN 模式 diagram, hosts named by city. The director wraps the
 * client's packet in IP-in-IP toward a real server elsewhere on the Internet; the real server
 * unwraps it on tunl0 and replies directly. Router R stands in for the Internet.
 *
 * As drawn (VIP = the director's own 11.22.33.44) Linux drops the tunnelled packet as a martian
 * unless the real servers set accept_local=1, measured on a 6.1 kernel; this preset sets it.
 */
import type { Scenario } from '../scenario/types';
import { CLIENT, IP_FORWARD, defaultVia, host, httpClient, httpServer, iface, link, rrService, t, tunl0 } from './parts';

export const TUN_VIP = '11.22.33.44';

/** What the real servers set: no reverse-path filter on the tunnel, and accept_local for the slide's VIP. */
export const TUN_RS_SYSCTL: Readonly<Record<string, number>> = {
  'net.ipv4.conf.all.rp_filter': 0,
  'net.ipv4.conf.tunl0.rp_filter': 0,
  'net.ipv4.conf.all.accept_local': 1,
  'net.ipv4.conf.eth0.accept_local': 1,
};

const realServer = (id: 'RS1' | 'RS2', name: ReturnType<typeof t>, at: [number, number], cidr: string, gw: string) =>
  host(id, 'real-server', {
    name,
    at,
    interfaces: [iface('eth0', cidr), tunl0(TUN_VIP)],
    routes: defaultVia(gw),
    sysctl: { ...TUN_RS_SYSCTL },
    apps: [httpServer()],
  });

export const tunCourse: Scenario = {
  version: 1,
  id: 'tun-course',
  group: 'modes',
  title: t('LVS-TUN: IP-in-IP to real servers in other cities', 'LVS TUN 模式：IP 隧道通往其他城市的真实服务器'),
  summary: t(
    'Client 44.55.66.77 connects to 11.22.33.44, the director in Beijing. The director wraps the packet in a second IP header (outer 11.22.33.44 → the real server) and sends it across the Internet to Shanghai (22.33.44.55) or Guangzhou (33.44.55.66); the real server unwraps it on tunl0 and replies to the client directly.',
    '客户端 44.55.66.77 连接北京的负载调度器 11.22.33.44。调度器给报文再套一层 IP 头（外层 11.22.33.44 → 真实服务器），经互联网送往上海（22.33.44.55）或广州（33.44.55.66）；真实服务器在 tunl0 上解封装后直接回复客户端。',
  ),
  lessons: [
    t(
      'Router R is not on the slide: it stands for the Internet between the cities (44.55.66.1, 11.22.33.1, 22.33.44.1, 33.44.55.1) and is added so the drawing is routable. Every host\'s default route points at it.',
      '路由器 R 不在幻灯片上：它代表城市之间的互联网（44.55.66.1、11.22.33.1、22.33.44.1、33.44.55.1），是为了让拓扑可以路由而添加的。每台主机的默认路由都指向它。',
    ),
    t(
      'Look at the director\'s output: outer S 11.22.33.44 / D 33.44.55.66 (protocol ipip) around the untouched inner S 44.55.66.77 / D 11.22.33.44:80. The first request goes to RS2 Guangzhou, as on the slide, because Linux rr starts with the last real server added.',
      '看调度器发出的报文：外层 S 11.22.33.44 / D 33.44.55.66（协议 ipip），里面是原封不动的内层 S 44.55.66.77 / D 11.22.33.44:80。第一个请求发往 RS2 广州，与幻灯片一致，因为 Linux 的 rr 从最后添加的真实服务器开始。',
    ),
    t(
      'As drawn, this does not work on Linux without one more setting. The VIP is the director\'s own address, so the outer source 11.22.33.44 is also an address of the real server (on its tunl0), and Linux drops such a packet as a martian before unwrapping it. Here the real servers set net.ipv4.conf.all.accept_local=1 (and on eth0), and the flow completes exactly as the slide draws it. tun-course-no-accept-local shows the slide literally; tun-separate-vip shows the cleaner design.',
      '照图配置，Linux 上还差一个设置才能工作。VIP 就是调度器自己的地址，所以外层源地址 11.22.33.44 也是真实服务器（tunl0 上）自己的地址，Linux 会在解封装前把它当作火星报文丢弃。本场景中真实服务器设置了 net.ipv4.conf.all.accept_local=1（eth0 上也设置），流程便与幻灯片完全一致。tun-course-no-accept-local 按幻灯片原样配置；tun-separate-vip 展示更干净的做法。',
    ),
    t(
      'rp_filter is 0 on all and tunl0. Strict reverse-path filtering (rp_filter=1) accepts a packet only if the route back to its source leaves through the interface it came in on, and a TUN real server fails that twice: the outer source 11.22.33.44 is its own tunl0 address, not reached through eth0, and the unwrapped source 44.55.66.77 is reached through eth0, not tunl0. Linux uses the larger of all and the interface\'s value. See tun-course-rp-filter.',
      'all 与 tunl0 的 rp_filter 都为 0。严格的反向路径过滤（rp_filter=1）只接收"回到源地址的路由恰好从进来的接口出去"的报文，而 TUN 的真实服务器两次都不满足：外层源地址 11.22.33.44 是它自己 tunl0 上的地址，不经 eth0；解封装后的源地址 44.55.66.77 要经 eth0 而不是 tunl0 到达。Linux 取 all 与接口两者中的较大值。见 tun-course-rp-filter。',
    ),
    t(
      'Slips in the summary slide: real servers cannot run just any OS, since each must decapsulate IP-in-IP (tunl0 holding the VIP); and "压力较大" (heavy load) is copied from the NAT slide: as in DR, the director handles only the inbound side and replies go straight from the real servers. Only the real servers need the tunnel device; the director\'s IPVS builds the outer header itself.',
      '总结页的疏漏：真实服务器并非"随意"，每台都必须能解封装 IP-in-IP（tunl0 上配置 VIP）；"压力较大"是从 NAT 页抄来的：与 DR 一样，调度器只处理入站，回包由真实服务器直接发出。只有真实服务器需要隧道设备，调度器的 IPVS 自己构造外层 IP 头。',
    ),
  ],
  hosts: [
    host('C', 'client', {
      name: CLIENT,
      at: [80, 300],
      interfaces: [iface('eth0', '44.55.66.77/24')],
      routes: defaultVia('44.55.66.1'),
      apps: [httpClient(`${TUN_VIP}:80`)],
    }),
    host('R', 'router', {
      name: t('R Internet router', 'R 互联网路由器'),
      at: [320, 300],
      interfaces: [iface('eth0', '44.55.66.1/24'), iface('eth1', '11.22.33.1/24'), iface('eth2', '22.33.44.1/24'), iface('eth3', '33.44.55.1/24')],
      sysctl: { ...IP_FORWARD },
    }),
    host('D', 'director', {
      name: t('D Beijing director', 'D 北京 负载调度器'),
      at: [580, 110],
      interfaces: [iface('eth0', `${TUN_VIP}/24`)],
      routes: defaultVia('11.22.33.1'),
      services: [rrService(TUN_VIP, 'ipip', ['22.33.44.55', '33.44.55.66'])],
    }),
    realServer('RS1', t('RS1 Shanghai', 'RS1 上海'), [860, 270], '22.33.44.55/24', '22.33.44.1'),
    realServer('RS2', t('RS2 Guangzhou', 'RS2 广州'), [620, 500], '33.44.55.66/24', '33.44.55.1'),
  ],
  segments: [
    link('c-link', t('client link 44.55.66.0/24', '客户端链路 44.55.66.0/24'), 'C:eth0', 'R:eth0'),
    link('bj-link', t('Beijing link 11.22.33.0/24', '北京链路 11.22.33.0/24'), 'R:eth1', 'D:eth0'),
    link('sh-link', t('Shanghai link 22.33.44.0/24', '上海链路 22.33.44.0/24'), 'R:eth2', 'RS1:eth0'),
    link('gz-link', t('Guangzhou link 33.44.55.0/24', '广州链路 33.44.55.0/24'), 'R:eth3', 'RS2:eth0'),
  ],
};
