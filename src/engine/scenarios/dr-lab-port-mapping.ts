/**
 * dr-lab-port-mapping: dr-lab with RS1 added as 10.10.10.12:8080 -g, as if DR could map ports.
 * ipvsadm itself replaces a -g (and -i) real server's port by the service's, so the entry is
 * kept in the scenario as written and the simulator applies ipvsadm's rule.
 */
import type { Scenario } from '../scenario/types';
import { derive, hostOf, t } from './parts';
import { drLab } from './dr-lab';

export const drLabPortMapping: Scenario = derive(drLab, (s) => {
  s.id = 'dr-lab-port-mapping';
  s.group = 'broken';
  s.title = t('Broken DR: trying to map a port', '故障 DR：试图做端口映射');
  s.summary = t(
    'The DR lab with RS1 added as ipvsadm -a -t 10.10.10.100:80 -r 10.10.10.12:8080 -g. DR cannot map ports: the director changes only the MAC, so the request reaches RS1 still addressed to port 80. RS1 listens on 80 only.',
    '与 DR 实验相同，但 RS1 以 ipvsadm -a -t 10.10.10.100:80 -r 10.10.10.12:8080 -g 添加。DR 不支持端口映射：调度器只改 MAC，请求到达 RS1 时目的端口仍是 80。RS1 只监听 80 端口。',
  );
  s.lessons = [
    t(
      'Follow a request scheduled to RS1: D 10.10.10.100:80 before the director and D 10.10.10.100:80 after it. Nothing in the IP or TCP header is rewritten in DR, so the ":8080" cannot take effect.',
      '跟踪一个被调度到 RS1 的请求：经过调度器前是 D 10.10.10.100:80，之后仍是 D 10.10.10.100:80。DR 不改写 IP 头和 TCP 头，所以 ":8080" 根本无从生效。',
    ),
    t(
      'ipvsadm knows this: for -g and -i it quietly replaces the real server\'s port by the service\'s, so ipvsadm -L -n lists 10.10.10.12:80, not 8080. RS1 answers because it listens on 80; had the web server been moved to 8080 to match the rule, every request sent to RS1 would be refused.',
      'ipvsadm 也清楚这一点：对 -g 与 -i，它会悄悄把真实服务器的端口换成服务的端口，所以 ipvsadm -L -n 显示的是 10.10.10.12:80 而不是 8080。RS1 能回应是因为它监听 80；假如为了配合规则把 Web 服务改到 8080，发往 RS1 的请求都会被拒绝。',
    ),
    t(
      'Port mapping (端口映射) needs the director to rewrite the packet, which only NAT mode (-m) does. In DR and TUN the real servers must listen on the service\'s own port.',
      '端口映射需要调度器改写报文，只有 NAT 模式（-m）做得到。DR 与 TUN 模式下，真实服务器必须监听服务本身的端口。',
    ),
  ];
  for (const svc of hostOf(s, 'D').ipvs?.services ?? []) {
    for (const d of svc.dests) if (d.addr === '10.10.10.12') d.port = 8080;
  }
});
