/**
 * dr-course: the course's LVS DR 模式 diagram. One broadcast domain; the director changes only
 * the destination MAC, and each real server, holding the VIP on lo (the slide's `*`), answers
 * the client directly from the VIP.
 */
import type { Scenario } from '../scenario/types';
import { CLIENT, DIRECTOR, DR_ARP_SYSCTL, host, httpClient, httpServer, iface, lan, loopback, realServer, rrService, t } from './parts';

const VIP = '192.168.1.100';
/** Not on the slide: the director's own address, so its ARP requests do not come from the VIP. */
export const DR_COURSE_DIP = '192.168.1.11';
const RIPS = ['192.168.1.12', '192.168.1.13', '192.168.1.14'];

export const drCourse: Scenario = {
  version: 1,
  id: 'dr-course',
  group: 'modes',
  title: t('LVS-DR: the director changes only the MAC', 'LVS DR 模式：调度器只改 MAC 地址'),
  summary: t(
    'Client 192.168.1.200, the director with the VIP 192.168.1.100 and three real servers 192.168.1.12-.14 share one broadcast domain. The director forwards the unchanged IP packet to a real server\'s MAC; the real server, which also holds the VIP on lo, replies straight to the client from the VIP.',
    '客户端 192.168.1.200、持有 VIP 192.168.1.100 的负载调度器与三台真实服务器 192.168.1.12-.14 处于同一广播域。调度器把 IP 报文原样转发到某台真实服务器的 MAC；真实服务器在 lo 上也配置了 VIP，直接以 VIP 为源地址回复客户端。',
  ),
  lessons: [
    t(
      'Compare the frames before and after the director: S 192.168.1.200 / D 192.168.1.100:80 both times; only the destination MAC changes (DMAC: RS1 on the slide). Nothing in the IP header is rewritten.',
      '对比调度器前后的帧：两次都是 S 192.168.1.200 / D 192.168.1.100:80，只有目的 MAC 改变（幻灯片上的 DMAC: RS1），IP 头没有任何改写。',
    ),
    t(
      'The real server accepts a packet addressed to 192.168.1.100 because it holds the VIP on lo:0 as a /32 (the slide\'s * mark). It answers S 192.168.1.100 / D 192.168.1.200 straight to the client, so the director sees only inbound traffic and carries the lightest load.',
      '真实服务器之所以接收发往 192.168.1.100 的报文，是因为它在 lo:0 上配置了 /32 的 VIP（幻灯片上的 * 号）。它直接以 S 192.168.1.100 / D 192.168.1.200 回复客户端，调度器只处理入站流量，压力最小。',
    ),
    t(
      'The slide also draws S 192.168.1.200 / D 192.168.1.12:80 and a reply from 192.168.1.12: that is what DR does not do. Rewriting the IP would be NAT, and a reply from 192.168.1.12 would not match the client\'s connection to 192.168.1.100.',
      '幻灯片上还画了 S 192.168.1.200 / D 192.168.1.12:80 以及来自 192.168.1.12 的回包：这恰恰是 DR 不做的事。改写 IP 就成了 NAT，而来自 192.168.1.12 的回包也对不上客户端发往 192.168.1.100 的连接。',
    ),
    t(
      'Only the director may answer ARP for the VIP. The real servers set arp_ignore=1 and arp_announce=2 (on all and lo), so they stay silent about it. That is also why DR needs one broadcast domain (广播域) and cannot map ports (不支持端口映射): the director only swaps MACs.',
      '只有调度器可以回答 VIP 的 ARP。真实服务器设置 arp_ignore=1 与 arp_announce=2（all 与 lo），对 VIP 保持沉默。也正因为调度器只换 MAC，DR 要求处于同一广播域，且不支持端口映射。',
    ),
    t(
      'The slide gives the director only the VIP. Drawn that way it would not work on Linux: the director would ask "who has 192.168.1.14?" from 192.168.1.100, an address each real server holds itself on lo, and a real server ignores an ARP request whose sender is one of its own addresses (a martian source). So the director here also has its own address, 192.168.1.11 on eth0, with the VIP as the alias eth0:0, as in the DR lab.',
      '幻灯片上调度器只有 VIP 一个地址。照此配置在 Linux 上无法工作：调度器会以 192.168.1.100 为发送方询问"谁是 192.168.1.14？"，而每台真实服务器自己的 lo 上就有这个地址，真实服务器会忽略发送方是本机地址的 ARP 请求（火星源地址）。所以这里调度器另有自己的地址 192.168.1.11（eth0），VIP 作为别名 eth0:0，与 DR 实验相同。',
    ),
    t(
      'Linux rr starts with the last real server added: the first request goes to RS3, the second to RS2.',
      'Linux 的 rr 从最后添加的真实服务器开始：第一个请求到 RS3，第二个到 RS2。',
    ),
  ],
  hosts: [
    host('C', 'client', { name: CLIENT, at: [100, 300], interfaces: [iface('eth0', '192.168.1.200/24')], apps: [httpClient(`${VIP}:80`)] }),
    host('D', 'director', {
      name: DIRECTOR,
      at: [420, 300],
      interfaces: [iface('eth0', `${DR_COURSE_DIP}/24`, [`${VIP}/32`, 'eth0:0'])],
      services: [rrService(VIP, 'gate', RIPS)],
    }),
    ...RIPS.map((rip, i) =>
      host(`RS${i + 1}`, 'real-server', {
        name: realServer(i + 1),
        at: [860, 140 + i * 160],
        interfaces: [iface('eth0', `${rip}/24`), loopback([`${VIP}/32`, 'lo:0'])],
        sysctl: { ...DR_ARP_SYSCTL },
        apps: [httpServer()],
      }),
    ),
  ],
  segments: [
    lan('lan', t('one broadcast domain 192.168.1.0/24', '同一广播域 192.168.1.0/24'), [640, 300], ['C:eth0', 'D:eth0', 'RS1:eth0', 'RS2:eth0', 'RS3:eth0']),
  ],
};
