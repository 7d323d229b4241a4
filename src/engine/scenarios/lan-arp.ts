/** lan-arp: two hosts on one switch resolving each other with ARP; no router, no IPVS. */
import type { Scenario } from '../scenario/types';
import { CLIENT, host, httpClient, httpServer, iface, lan, t } from './parts';

export const lanArp: Scenario = {
  version: 1,
  id: 'lan-arp',
  group: 'basics',
  title: t('One LAN: hosts find each other with ARP', '同一局域网：主机用 ARP 互相找到对方'),
  summary: t(
    'Client C (192.168.1.2) and server S (192.168.1.11) share one switch, one broadcast domain. Before the first TCP segment, C asks everyone "who has 192.168.1.11?" and S alone answers.',
    '客户端 C（192.168.1.2）与服务器 S（192.168.1.11）接在同一台交换机上，处于同一个广播域。发出第一个 TCP 报文前，C 向所有人询问"谁是 192.168.1.11？"，只有 S 回答。',
  ),
  lessons: [
    t(
      'The ARP request goes to the broadcast MAC ff:ff:ff:ff:ff:ff, so every host in the broadcast domain (广播域) receives it; only the owner of the address replies, and the reply is unicast.',
      'ARP 请求发往广播 MAC ff:ff:ff:ff:ff:ff，广播域内每台主机都会收到；只有拥有该地址的主机回应，回应是单播。',
    ),
    t(
      'S also learns C\'s MAC from the request itself, so its SYN-ACK needs no ARP of its own. Open the ARP tables after the run: each host holds the other\'s MAC.',
      'S 从请求本身就学到了 C 的 MAC，所以它的 SYN-ACK 不需要再发 ARP。运行结束后查看 ARP 表：两台主机都记下了对方的 MAC。',
    ),
    t(
      'Whoever answers ARP for an address receives its traffic. LVS-DR depends on this: the director must be the only host that answers for the VIP (see dr-lab-no-arp-sysctl for what happens otherwise).',
      '谁回答某个地址的 ARP，谁就收到发往该地址的流量。LVS-DR 正依赖这一点：只能由负载调度器回答 VIP 的 ARP（否则会怎样，见 dr-lab-no-arp-sysctl）。',
    ),
  ],
  hosts: [
    host('C', 'client', {
      name: CLIENT,
      at: [200, 300],
      interfaces: [iface('eth0', '192.168.1.2/24')],
      apps: [httpClient('192.168.1.11:80', 1)],
    }),
    host('S', 'server', {
      name: t('S web server', 'S Web 服务器'),
      at: [800, 300],
      interfaces: [iface('eth0', '192.168.1.11/24')],
      apps: [httpServer()],
    }),
  ],
  segments: [lan('lan', t('LAN 192.168.1.0/24, one broadcast domain', '局域网 192.168.1.0/24（同一广播域）'), [500, 200], ['C:eth0', 'S:eth0'])],
};
