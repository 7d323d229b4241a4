/**
 * tun-separate-vip: tun-course with the VIP apart from the director's own address, the usual
 * LVS-TUN design. The tunnel's outer source stays 11.22.33.44, which the real servers do not
 * hold, so they accept it with no extra sysctl.
 */
import type { Scenario } from '../scenario/types';
import { derive, hostOf, ifaceOf, t } from './parts';
import { tunCourse } from './tun-course';

export const SEPARATE_VIP = '11.22.33.100';

export const tunSeparateVip: Scenario = derive(tunCourse, (s) => {
  s.id = 'tun-separate-vip';
  s.group = 'modes';
  s.title = t('LVS-TUN with a separate VIP', 'LVS TUN 模式：VIP 与调度器地址分开');
  s.summary = t(
    'The TUN diagram with the VIP 11.22.33.100 on the director\'s eth0:0, beside its own 11.22.33.44. The director tunnels from 11.22.33.44 to the real servers, which hold 11.22.33.100 on tunl0 and reply to the client from it.',
    'TUN 拓扑，但 VIP 11.22.33.100 配在调度器的 eth0:0 上，与它自己的 11.22.33.44 并存。调度器从 11.22.33.44 向真实服务器建立隧道，真实服务器在 tunl0 上配置 11.22.33.100，并以它为源地址回复客户端。',
  );
  s.lessons = [
    t(
      'Compare with tun-course: the outer header is still S 11.22.33.44 / D a real server, but the inner destination is now 11.22.33.100:80. The real servers hold 11.22.33.100, not 11.22.33.44, so the outer source is not one of their own addresses and no accept_local is needed.',
      '与 tun-course 对比：外层仍是 S 11.22.33.44 / D 真实服务器，但内层目的地址变为 11.22.33.100:80。真实服务器配置的是 11.22.33.100 而非 11.22.33.44，外层源地址不是它们自己的地址，因此不需要 accept_local。',
    ),
    t(
      'This is how LVS-TUN is usually built: the VIP is an extra address on the director (here the alias eth0:0, /32) and on each real server\'s tunl0, and the director\'s own address is used only for the tunnel. rp_filter stays 0 on all and tunl0, for the same reason as in tun-course.',
      '这是 LVS TUN 的常见搭法：VIP 是调度器上的额外地址（这里是别名 eth0:0，/32），也配在每台真实服务器的 tunl0 上；调度器自己的地址只用于隧道。all 与 tunl0 的 rp_filter 仍为 0，原因同 tun-course。',
    ),
    t(
      'Router R (added to make the drawing routable) finds 11.22.33.100 inside the Beijing subnet and ARPs for it; the director answers, because the alias sits on its eth0.',
      '路由器 R（为让拓扑可路由而添加）发现 11.22.33.100 属于北京子网，便为它发 ARP；调度器回答，因为这个别名就在它的 eth0 上。',
    ),
  ];
  const d = hostOf(s, 'D');
  ifaceOf(d, 'eth0').addrs.push({ cidr: `${SEPARATE_VIP}/32`, label: 'eth0:0' });
  for (const svc of d.ipvs?.services ?? []) svc.vip = SEPARATE_VIP;
  for (const id of ['RS1', 'RS2']) {
    const rs = hostOf(s, id);
    ifaceOf(rs, 'tunl0').addrs = [{ cidr: `${SEPARATE_VIP}/32` }];
    rs.sysctl = { 'net.ipv4.conf.all.rp_filter': 0, 'net.ipv4.conf.tunl0.rp_filter': 0 };
  }
  for (const app of hostOf(s, 'C').apps ?? []) if (app.kind === 'http-client') app.target = `${SEPARATE_VIP}:80`;
});
