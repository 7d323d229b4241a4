/**
 * dr-lab: the course's LVS DR 构建 lab. Client 10.10.10.240, director 10.10.10.11 with the VIP
 * 10.10.10.100 on eth0:0, real servers 10.10.10.12 and 10.10.10.13 holding the VIP on lo:0 with
 * arp_ignore=1 and arp_announce=2. The broken dr-lab-* presets start from this one.
 */
import type { Scenario } from '../scenario/types';
import { CLIENT, DIRECTOR, DR_ARP_SYSCTL, host, httpClient, httpServer, iface, lan, loopback, realServer, rrService, t } from './parts';

export const DR_LAB_VIP = '10.10.10.100';
export const DR_LAB_RIPS = ['10.10.10.12', '10.10.10.13'] as const;

export const drLab: Scenario = {
  version: 1,
  id: 'dr-lab',
  group: 'labs',
  title: t('Lab: building LVS-DR', '实验：LVS DR 构建'),
  summary: t(
    'The course\'s DR lab on one LAN: client C 10.10.10.240, director D 10.10.10.11 with the VIP 10.10.10.100 on eth0:0, and real servers RS1 10.10.10.12 and RS2 10.10.10.13, each holding the VIP on lo:0 and set to arp_ignore=1, arp_announce=2.',
    '课程的 DR 实验，所有主机在同一局域网：客户端 C 10.10.10.240，负载调度器 D 10.10.10.11，VIP 10.10.10.100 配在 eth0:0；真实服务器 RS1 10.10.10.12 与 RS2 10.10.10.13 都在 lo:0 上配置 VIP，并设置 arp_ignore=1、arp_announce=2。',
  ),
  lessons: [
    t(
      'The lab slide prints 10.10.10.12 for both real servers: a typo. RS2 is 10.10.10.13 here, the address the NAT lab also uses.',
      '实验页两台真实服务器都写成了 10.10.10.12，是笔误。这里 RS2 用 10.10.10.13，与 NAT 实验一致。',
    ),
    t(
      'The rules are ipvsadm -A -t 10.10.10.100:80 -s rr, then -a -t 10.10.10.100:80 -r 10.10.10.12 -g and -r 10.10.10.13 -g. The first request goes to RS2 (rr starts with the last real server added), the second to RS1.',
      '规则为 ipvsadm -A -t 10.10.10.100:80 -s rr，再 -a -t 10.10.10.100:80 -r 10.10.10.12 -g 与 -r 10.10.10.13 -g。第一个请求到 RS2（rr 从最后添加的真实服务器开始），第二个到 RS1。',
    ),
    t(
      'ARP behaviour (Arp 通讯行为): when C asks who has 10.10.10.100, only the director answers. arp_ignore=1 (ARP 响应级别) makes a real server reply only for addresses on the interface the request arrived on, and the VIP is on lo, not eth0. arp_announce=2 (ARP 通告行为) makes its own ARP requests carry 10.10.10.12, never the VIP, so it does not teach C the wrong MAC. They are set on all and lo as the usual LVS-DR how-to does; Linux uses the larger of all and the interface\'s value.',
      'ARP 通讯行为：当 C 询问谁是 10.10.10.100 时，只有调度器回答。arp_ignore=1（ARP 响应级别）让真实服务器只在目标地址配置在请求到达的接口上时才回应，而 VIP 在 lo 上，不在 eth0 上。arp_announce=2（ARP 通告行为）让它自己发出的 ARP 请求使用 10.10.10.12 而不是 VIP，不会让 C 学到错误的 MAC。按常见的 LVS-DR 做法在 all 与 lo 上设置；Linux 取 all 与接口两者中的较大值。',
    ),
    t(
      'The VIP sits on lo:0 with a /32 mask, so it adds no route for the whole 10.10.10.0/24 through lo. The director holds the VIP as the alias eth0:0 (a /32 here) beside its own 10.10.10.11.',
      'VIP 以 /32 掩码配在 lo:0 上，这样不会为整个 10.10.10.0/24 增加一条走 lo 的路由。调度器把 VIP 作为别名 eth0:0（这里为 /32）配在自己的 10.10.10.11 旁边。',
    ),
    t(
      'Watch the MACs: C → D carries D\'s MAC, D → RS carries the real server\'s MAC with the same IP header, and the reply goes from the real server straight to C, from the VIP. Run ipvsadm -L -n -c: the director only ever sees the inbound half.',
      '观察 MAC：C → D 的帧目的 MAC 是 D 的，D → RS 的帧换成真实服务器的 MAC 而 IP 头不变，回包从真实服务器以 VIP 为源地址直接发给 C。运行 ipvsadm -L -n -c：调度器只看到入站的一半。',
    ),
  ],
  hosts: [
    host('C', 'client', { name: CLIENT, at: [100, 300], interfaces: [iface('eth0', '10.10.10.240/24')], apps: [httpClient(`${DR_LAB_VIP}:80`)] }),
    host('D', 'director', {
      name: DIRECTOR,
      at: [420, 300],
      interfaces: [iface('eth0', '10.10.10.11/24', [`${DR_LAB_VIP}/32`, 'eth0:0'])],
      services: [rrService(DR_LAB_VIP, 'gate', DR_LAB_RIPS)],
    }),
    ...DR_LAB_RIPS.map((rip, i) =>
      host(`RS${i + 1}`, 'real-server', {
        name: realServer(i + 1),
        at: [860, 180 + i * 240],
        interfaces: [iface('eth0', `${rip}/24`), loopback([`${DR_LAB_VIP}/32`, 'lo:0'])],
        sysctl: { ...DR_ARP_SYSCTL },
        apps: [httpServer()],
      }),
    ),
  ],
  segments: [lan('lan', t('one broadcast domain 10.10.10.0/24', '同一广播域 10.10.10.0/24'), [640, 300], ['C:eth0', 'D:eth0', 'RS1:eth0', 'RS2:eth0'])],
};
