/** dr-lab-no-arp-sysctl: dr-lab without arp_ignore/arp_announce on the real servers. */
import type { Scenario } from '../scenario/types';
import { derive, hostOf, t } from './parts';
import { drLab } from './dr-lab';

export const drLabNoArpSysctl: Scenario = derive(drLab, (s) => {
  s.id = 'dr-lab-no-arp-sysctl';
  s.group = 'broken';
  s.title = t('Broken DR: real servers answer ARP for the VIP', '故障 DR：真实服务器回应 VIP 的 ARP');
  s.summary = t(
    'The DR lab without arp_ignore=1 and arp_announce=2 on the real servers. They hold the VIP on lo:0 and, with Linux\'s defaults, answer ARP for it like the director does.',
    '与 DR 实验相同，但真实服务器没有设置 arp_ignore=1 与 arp_announce=2。它们在 lo:0 上有 VIP，按 Linux 默认设置，会像调度器一样回答 VIP 的 ARP。',
  );
  s.lessons = [
    t(
      'C asks who has 10.10.10.100 and gets three answers: from the director and from both real servers. With arp_ignore=0 a host replies for any address configured on any of its interfaces, lo included.',
      'C 询问谁是 10.10.10.100，收到三个回答：调度器和两台真实服务器都回答了。arp_ignore=0 时，只要地址配置在本机任何接口上（包括 lo）主机就会回应。',
    ),
    t(
      'C keeps the first answer and ignores the rest, then sends every connection straight to that host. If it is a real server, the director sees nothing (ipvsadm -L -n -c stays empty) and no load is balanced, yet the pages still load, which is why this mistake hides.',
      'C 只保留第一个回答，忽略其余的，之后所有连接都直接发给那台主机。如果它是一台真实服务器，调度器什么也看不到（ipvsadm -L -n -c 为空），负载也没有被均衡，但页面照样能打开，所以这个错误很隐蔽。',
    ),
    t(
      'Fix: on each real server set net.ipv4.conf.all.arp_ignore=1 and net.ipv4.conf.all.arp_announce=2 (and on lo), as in dr-lab.',
      '修复：在每台真实服务器上设置 net.ipv4.conf.all.arp_ignore=1 与 net.ipv4.conf.all.arp_announce=2（lo 上也设置），如 dr-lab 所示。',
    ),
  ];
  for (const id of ['RS1', 'RS2']) delete hostOf(s, id).sysctl;
});
