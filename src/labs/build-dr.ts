/**
 * Build LVS-DR (四 LVS DR 构建): the course's lab on one LAN, typed with the course's commands
 * (ifconfig aliases, arp_ignore/arp_announce through /proc/sys, lo:0 and a host route, ipvsadm -g),
 * the same lines a real Debian 12 kernel ran in the dr-course oracle lab.
 */
import { labTitle } from './catalog';
import { t } from './text';
import { on } from './lines';
import { unconfigured } from './start';
import type { BuildLab } from './types';

const VIP = '10.10.10.100';
const { title, summary } = labTitle('build-dr');

const arpLines = [
  'echo 1 > /proc/sys/net/ipv4/conf/lo/arp_ignore',
  'echo 2 > /proc/sys/net/ipv4/conf/lo/arp_announce',
  'echo 1 > /proc/sys/net/ipv4/conf/all/arp_ignore',
  'echo 2 > /proc/sys/net/ipv4/conf/all/arp_announce',
];
const vipOnLo = [`ifconfig lo:0 ${VIP} netmask 255.255.255.255 broadcast ${VIP} up`, `route add -host ${VIP} dev lo:0`];

export const buildDr: BuildLab = {
  id: 'build-dr',
  title,
  summary,
  start: unconfigured('dr-lab', { id: 'build-dr', title, summary }),
  client: 'C',
  director: 'D',
  vip: VIP,
  port: 80,
  servers: ['RS1', 'RS2'],
  forward: 'gate',
  sysctlTable: [
    { key: 'arp_ignore', value: 0, meaning: t('reply if the target address is on any local interface (the default)', '目标地址配置在任一本地接口上就回应（默认）') },
    { key: 'arp_ignore', value: 1, meaning: t('reply only if the target address is on the interface the request came in on', '仅当目标地址配置在收到请求的接口上才回应'), chosen: true },
    { key: 'arp_announce', value: 0, meaning: t('announce any local address, on any interface (the default)', '可使用任一本地地址、在任一接口上通告（默认）') },
    { key: 'arp_announce', value: 1, meaning: t('try to avoid addresses outside the target\'s network', '尽量避免使用不在目标网络中的地址') },
    { key: 'arp_announce', value: 2, meaning: t('announce only an address in the target\'s network (the best local address)', '只使用与目标同网络的地址（最合适的本地地址）'), chosen: true },
  ],
  addresses: [
    { host: 'C', iface: 'eth0', address: '10.10.10.240' },
    { host: 'D', iface: 'eth0', address: '10.10.10.11' },
    { host: 'D', iface: 'eth0:0', address: `${VIP} (VIP)` },
    { host: 'RS1', iface: 'eth0', address: '10.10.10.12' },
    { host: 'RS1', iface: 'lo:0', address: `${VIP} (VIP)` },
    { host: 'RS2', iface: 'eth0', address: '10.10.10.13', note: t('the slide prints 10.10.10.12 twice: a typo', '幻灯片两次印成 10.10.10.12，是笔误') },
    { host: 'RS2', iface: 'lo:0', address: `${VIP} (VIP)` },
  ],
  steps: [
    {
      id: 'addresses',
      title: t('Give every machine its address', '为每台机器配置地址'),
      why: t('All four share the LAN 10.10.10.0/24.', '四台机器同在 10.10.10.0/24 局域网中。'),
      commands: [
        ...on('C', 'ifconfig eth0 10.10.10.240 netmask 255.255.255.0 up'),
        ...on('D', 'ifconfig eth0 10.10.10.11 netmask 255.255.255.0 up'),
        ...on('RS1', 'ifconfig eth0 10.10.10.12 netmask 255.255.255.0 up'),
        ...on('RS2', 'ifconfig eth0 10.10.10.13 netmask 255.255.255.0 up'),
      ],
    },
    {
      id: 'vip',
      title: t('Put the VIP on the director', '在调度器上配置 VIP'),
      why: t('The client asks for 10.10.10.100: the director must own it and answer its ARP.', '客户端访问 10.10.10.100：调度器必须拥有它并回应对它的 ARP 请求。'),
      commands: on('D', `ifconfig eth0:0 ${VIP} netmask 255.255.255.255 up`),
    },
    {
      id: 'arp',
      title: t('Keep the real servers quiet about the VIP (arp_ignore / arp_announce)', '让真实服务器不回应 VIP 的 ARP（arp_ignore / arp_announce）'),
      why: t(
        'arp_ignore=1: reply only for addresses on the interface the request came in on (the VIP will be on lo, not eth0). arp_announce=2: use an address of the target\'s network in ARP requests, never the VIP. Without them the real servers answer the client\'s ARP for the VIP.',
        'arp_ignore=1：只回应配置在请求到达接口上的地址（VIP 将配在 lo 上，不在 eth0 上）。arp_announce=2：ARP 请求中只使用与目标同网段的地址，绝不使用 VIP。不设置的话，真实服务器会回应客户端对 VIP 的 ARP 请求。',
      ),
      commands: [...on('RS1', ...arpLines), ...on('RS2', ...arpLines)],
    },
    {
      id: 'vip-on-lo',
      title: t('Put the VIP on the real servers\' lo:0', '在真实服务器的 lo:0 上配置 VIP'),
      why: t(
        'The director forwards the client\'s packet unchanged (destination the VIP) to the real server\'s MAC: the real server accepts it only if it holds the VIP. A /32 on lo adds no route for the LAN.',
        '调度器把客户端的报文原样（目的地址仍是 VIP）转发到真实服务器的 MAC：真实服务器只有拥有 VIP 才会接收。lo 上的 /32 不会为整个局域网增加路由。',
      ),
      commands: [...on('RS1', ...vipOnLo), ...on('RS2', ...vipOnLo)],
    },
    {
      id: 'ipvs',
      title: t('Add the virtual service and its real servers (ipvsadm -g)', '添加虚拟服务及真实服务器（ipvsadm -g）'),
      why: t('-s rr balances in turn; -g is direct routing: only the MAC changes.', '-s rr 轮询分配；-g 即直接路由：只改变 MAC。'),
      commands: on('D', `ipvsadm -A -t ${VIP}:80 -s rr`, `ipvsadm -a -t ${VIP}:80 -r 10.10.10.12 -g`, `ipvsadm -a -t ${VIP}:80 -r 10.10.10.13 -g`),
    },
  ],
};
