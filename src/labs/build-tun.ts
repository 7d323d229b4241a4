/**
 * Build LVS-TUN: the course's TUN diagram (director in Beijing, real servers in Shanghai and
 * Guangzhou, the Internet between them as router R, already configured). The VIP is the
 * director's own address as the slide draws it, so the real servers need accept_local=1: a real
 * kernel drops the tunnelled packet otherwise (the tun-lab oracle lab ran exactly these lines).
 */
import { labTitle } from './catalog';
import { t } from './text';
import { on } from './lines';
import { unconfigured } from './start';
import type { BuildLab } from './types';

const VIP = '11.22.33.44';
const { title, summary } = labTitle('build-tun');
const acceptLocal = ['echo 1 > /proc/sys/net/ipv4/conf/all/accept_local', 'echo 1 > /proc/sys/net/ipv4/conf/eth0/accept_local'];

export const buildTun: BuildLab = {
  id: 'build-tun',
  title,
  summary,
  start: unconfigured('tun-course', { id: 'build-tun', title, summary }, ['R']),
  client: 'C',
  director: 'D',
  vip: VIP,
  port: 80,
  servers: ['RS1', 'RS2'],
  forward: 'ipip',
  addresses: [
    { host: 'C', iface: 'eth0', address: '44.55.66.77', note: t('gateway 44.55.66.1', '网关 44.55.66.1') },
    { host: 'D', iface: 'eth0', address: `${VIP} (VIP)`, note: t('gateway 11.22.33.1', '网关 11.22.33.1') },
    { host: 'RS1', iface: 'eth0', address: '22.33.44.55', note: t('gateway 22.33.44.1', '网关 22.33.44.1') },
    { host: 'RS1', iface: 'tunl0', address: `${VIP} (VIP)` },
    { host: 'RS2', iface: 'eth0', address: '33.44.55.66', note: t('gateway 33.44.55.1', '网关 33.44.55.1') },
    { host: 'RS2', iface: 'tunl0', address: `${VIP} (VIP)` },
  ],
  steps: [
    {
      id: 'addresses',
      title: t('Give every machine its address and its gateway', '为每台机器配置地址和网关'),
      why: t('Each city is its own network; R routes between them.', '每个城市是一个独立网络，由 R 在它们之间路由。'),
      commands: [
        ...on('C', 'ifconfig eth0 44.55.66.77 netmask 255.255.255.0 up', 'route add default gw 44.55.66.1'),
        ...on('D', `ifconfig eth0 ${VIP} netmask 255.255.255.0 up`, 'route add default gw 11.22.33.1'),
        ...on('RS1', 'ifconfig eth0 22.33.44.55 netmask 255.255.255.0 up', 'route add default gw 22.33.44.1'),
        ...on('RS2', 'ifconfig eth0 33.44.55.66 netmask 255.255.255.0 up', 'route add default gw 33.44.55.1'),
      ],
    },
    {
      id: 'ipvs',
      title: t('Add the virtual service and its real servers (ipvsadm -i)', '添加虚拟服务及真实服务器（ipvsadm -i）'),
      why: t('-i is IP-in-IP: the director puts a second IP header (itself → the real server) around the untouched request.', '-i 即 IP 隧道：调度器在原样的请求外再套一层 IP 头（自己 → 真实服务器）。'),
      commands: on('D', `ipvsadm -A -t ${VIP}:80 -s rr`, `ipvsadm -a -t ${VIP}:80 -r 22.33.44.55 -i`, `ipvsadm -a -t ${VIP}:80 -r 33.44.55.66 -i`),
    },
    {
      id: 'tunnel',
      title: t('Give the real servers a tunnel holding the VIP (tunl0)', '为真实服务器建立持有 VIP 的隧道（tunl0）'),
      why: t('modprobe ipip creates tunl0, which unwraps IP-in-IP; the VIP on it makes the inner packet local.', 'modprobe ipip 创建 tunl0，用于解封装 IP 隧道报文；把 VIP 配在它上面，内层报文才是发给本机的。'),
      commands: [
        ...on('RS1', 'modprobe ipip', `ifconfig tunl0 ${VIP} netmask 255.255.255.255 up`),
        ...on('RS2', 'modprobe ipip', `ifconfig tunl0 ${VIP} netmask 255.255.255.255 up`),
      ],
    },
    {
      id: 'accept-local',
      title: t('Accept the director\'s packets on the real servers (accept_local)', '让真实服务器接收调度器的报文（accept_local）'),
      why: t(
        'Not on the slide: the outer source 11.22.33.44 is the VIP, which the real server now holds itself, so Linux drops the packet as a martian unless accept_local=1. A VIP separate from the director\'s own address avoids it.',
        '幻灯片上没有：外层源地址 11.22.33.44 就是 VIP，而真实服务器自己也持有它，所以除非 accept_local=1，Linux 会把它当作火星报文丢弃。VIP 与调度器自身地址分开即可避免。',
      ),
      commands: [...on('RS1', ...acceptLocal), ...on('RS2', ...acceptLocal)],
    },
  ],
};
