/** dr-lab-no-vip-on-lo: dr-lab whose real servers lack the VIP on lo:0. */
import type { Scenario } from '../scenario/types';
import { derive, hostOf, t } from './parts';
import { drLab } from './dr-lab';

export const drLabNoVipOnLo: Scenario = derive(drLab, (s) => {
  s.id = 'dr-lab-no-vip-on-lo';
  s.group = 'broken';
  s.title = t('Broken DR: real servers without the VIP on lo', '故障 DR：真实服务器的 lo 上没有 VIP');
  s.summary = t(
    'The DR lab, but RS1 and RS2 never got ip addr add 10.10.10.100/32 dev lo label lo:0. The director forwards each request to a real server\'s MAC, and the real server has no address 10.10.10.100 to accept it with.',
    '与 DR 实验相同，但 RS1 与 RS2 没有执行 ip addr add 10.10.10.100/32 dev lo label lo:0。调度器把请求转发到真实服务器的 MAC，而真实服务器没有 10.10.10.100 这个地址，无法接收。',
  );
  s.lessons = [
    t(
      'The director does its part: the frame reaches the real server\'s MAC with the IP destination 10.10.10.100 unchanged. The real server does not hold that address and does not forward, so it silently drops the packet.',
      '调度器完成了它的工作：帧送到了真实服务器的 MAC，IP 目的地址仍是 10.10.10.100。真实服务器没有这个地址，也不做转发，于是悄悄丢弃报文。',
    ),
    t(
      'Nothing comes back, so the client retries its SYN after 1 s, 2 s, 4 s… and finally gives up. The director\'s connection table (ipvsadm -L -n -c) shows the entries it created, waiting for a handshake that never completes.',
      '没有任何回应，客户端在 1 秒、2 秒、4 秒……后重传 SYN，最终放弃。调度器的连接表（ipvsadm -L -n -c）里能看到它创建的条目，一直等着永远完成不了的握手。',
    ),
    t(
      'Fix: on each real server, ip addr add 10.10.10.100/32 dev lo label lo:0, together with arp_ignore=1 and arp_announce=2 so the new address does not answer ARP.',
      '修复：在每台真实服务器上执行 ip addr add 10.10.10.100/32 dev lo label lo:0，并保持 arp_ignore=1 与 arp_announce=2，使新地址不回应 ARP。',
    ),
  ];
  // lo keeps only the 127.0.0.1/8 every host has, so the scenario need not list it at all.
  for (const id of ['RS1', 'RS2']) {
    const rs = hostOf(s, id);
    rs.interfaces = rs.interfaces.filter((f) => f.name !== 'lo');
  }
});
