/**
 * Build LVS-NAT (五 LVS NAT 构建): client and director on 20.20.20.0/24, the real servers behind
 * the director on 10.10.10.0/24, typed with the course's commands (the lines the nat-lab oracle
 * lab ran on a real kernel).
 */
import { labTitle } from './catalog';
import { t } from './text';
import { on } from './lines';
import { unconfigured } from './start';
import type { BuildLab } from './types';

const VIP = '20.20.20.11';
const DIP = '10.10.10.11';
const { title, summary } = labTitle('build-nat');
const gateway = `route add default gw ${DIP}`;

export const buildNat: BuildLab = {
  id: 'build-nat',
  title,
  summary,
  start: unconfigured('nat-lab', { id: 'build-nat', title, summary }),
  client: 'C',
  director: 'D',
  vip: VIP,
  port: 80,
  servers: ['RS1', 'RS2'],
  forward: 'masq',
  addresses: [
    { host: 'C', iface: 'eth0', address: '20.20.20.22' },
    { host: 'D', iface: 'eth0', address: `${VIP} (VIP)` },
    { host: 'D', iface: 'eth1', address: DIP },
    { host: 'RS1', iface: 'eth0', address: '10.10.10.12', note: t(`gateway ${DIP}`, `网关 ${DIP}`) },
    { host: 'RS2', iface: 'eth0', address: '10.10.10.13', note: t(`gateway ${DIP}`, `网关 ${DIP}`) },
  ],
  steps: [
    {
      id: 'addresses',
      title: t('Give every machine its address', '为每台机器配置地址'),
      why: t('The director holds the VIP on the public side and 10.10.10.11 on the private side.', '调度器在公网一侧持有 VIP，在私网一侧持有 10.10.10.11。'),
      commands: [
        ...on('C', 'ifconfig eth0 20.20.20.22 netmask 255.255.255.0 up'),
        ...on('D', `ifconfig eth0 ${VIP} netmask 255.255.255.0 up`, `ifconfig eth1 ${DIP} netmask 255.255.255.0 up`),
        ...on('RS1', 'ifconfig eth0 10.10.10.12 netmask 255.255.255.0 up'),
        ...on('RS2', 'ifconfig eth0 10.10.10.13 netmask 255.255.255.0 up'),
      ],
    },
    {
      id: 'forward',
      title: t('Let the director forward (ip_forward)', '开启调度器的转发（ip_forward）'),
      why: t('The real servers\' replies pass through the director on their way to the client: Linux forwards them only with ip_forward=1.', '真实服务器的回复要经过调度器才能到达客户端：Linux 只有在 ip_forward=1 时才转发。'),
      commands: on('D', 'echo 1 > /proc/sys/net/ipv4/ip_forward'),
    },
    {
      id: 'gateway',
      title: t('Make the director the real servers\' gateway', '把调度器设为真实服务器的网关'),
      why: t('Replies to 20.20.20.22 must go back through the director, which rewrites their source to the VIP.', '发往 20.20.20.22 的回复必须经过调度器，由它把源地址改写为 VIP。'),
      commands: [...on('RS1', gateway), ...on('RS2', gateway)],
    },
    {
      id: 'ipvs',
      title: t('Add the virtual service and its real servers (ipvsadm -m)', '添加虚拟服务及真实服务器（ipvsadm -m）'),
      why: t('-m is masquerading: the director rewrites the destination to the real server and, on the way back, the source to the VIP.', '-m 即地址伪装：调度器把目的地址改写为真实服务器，回程再把源地址改写为 VIP。'),
      commands: on('D', `ipvsadm -A -t ${VIP}:80 -s rr`, `ipvsadm -a -t ${VIP}:80 -r 10.10.10.12:80 -m`, `ipvsadm -a -t ${VIP}:80 -r 10.10.10.13:80 -m`),
    },
  ],
};
