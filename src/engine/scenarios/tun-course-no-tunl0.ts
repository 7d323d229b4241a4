/** tun-course-no-tunl0: tun-course whose real servers have no tunnel device (no ipip module, no tunl0). */
import type { Scenario } from '../scenario/types';
import { derive, hostOf, t } from './parts';
import { tunCourse } from './tun-course';

export const tunCourseNoTunl0: Scenario = derive(tunCourse, (s) => {
  s.id = 'tun-course-no-tunl0';
  s.group = 'broken';
  s.title = t('Broken TUN: real servers without a tunnel interface', '故障 TUN：真实服务器没有隧道接口');
  s.summary = t(
    'The TUN diagram, but the real servers never loaded ipip: they have no tunl0 and do not hold the VIP 11.22.33.44. The director\'s IP-in-IP packets reach them and cannot be unwrapped.',
    '与 TUN 拓扑相同，但真实服务器没有加载 ipip 模块：没有 tunl0，也没有配置 VIP 11.22.33.44。调度器的 IP-in-IP 报文送到了，却无法解封装。',
  );
  s.lessons = [
    t(
      'The outer packet (S 11.22.33.44 / D the real server, protocol ipip) is addressed to the real server, so it is accepted, but nothing on the host handles protocol 4: Linux drops it (and answers with an ICMP protocol-unreachable). The inner request to 11.22.33.44:80 never appears.',
      '外层报文（S 11.22.33.44 / D 真实服务器，协议 ipip）是发给真实服务器本身的，所以被接收，但主机上没有任何东西处理 4 号协议：Linux 丢弃它（并回一个 ICMP 协议不可达）。发往 11.22.33.44:80 的内层请求根本不会出现。',
    ),
    t(
      'The ICMP error goes back to the director, which recognises it as being about one of its tunnels (ip_vs_in_icmp): it strips the outer headers and sends the same "protocol unreachable" on to the client, about the client\'s own SYN. The client\'s connect fails at once ("Protocol not available"). This is the tunnelling the summary slide asks for (DS 与 RS 必须开启隧道功能): on the real servers it means the ipip module, tunl0 up, and the VIP on tunl0 as a /32.',
      'ICMP 差错回到调度器，调度器认出它与自己的隧道有关（ip_vs_in_icmp）：剥去外层报头，把同样的"协议不可达"转发给客户端，内容是客户端自己的 SYN。客户端的连接立即失败（"Protocol not available"）。这正是总结页要求的"DS 与 RS 必须开启隧道功能"：在真实服务器上就是加载 ipip 模块、启用 tunl0，并把 VIP 以 /32 配在 tunl0 上。',
    ),
    t(
      'Fix: modprobe ipip; ip link set tunl0 up; ip addr add 11.22.33.44/32 dev tunl0, with rp_filter 0 on all and tunl0 (and accept_local=1 for the slide\'s VIP), as in tun-course.',
      '修复：modprobe ipip；ip link set tunl0 up；ip addr add 11.22.33.44/32 dev tunl0，并把 all 与 tunl0 的 rp_filter 设为 0（照图使用调度器自己的地址作 VIP 时还需 accept_local=1），如 tun-course 所示。',
    ),
  ];
  for (const id of ['RS1', 'RS2']) {
    const rs = hostOf(s, id);
    rs.interfaces = rs.interfaces.filter((f) => f.name !== 'tunl0');
    rs.sysctl = Object.fromEntries(Object.entries(rs.sysctl ?? {}).filter(([k]) => !k.includes('.tunl0.')));
  }
});
