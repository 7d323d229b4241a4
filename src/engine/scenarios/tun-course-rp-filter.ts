/** tun-course-rp-filter: tun-course with strict reverse-path filtering (rp_filter=1) on the real servers. */
import type { Scenario } from '../scenario/types';
import { derive, hostOf, t } from './parts';
import { tunCourse } from './tun-course';

export const tunCourseRpFilter: Scenario = derive(tunCourse, (s) => {
  s.id = 'tun-course-rp-filter';
  s.group = 'broken';
  s.title = t('Broken TUN: strict reverse-path filter on the real servers', '故障 TUN：真实服务器开启严格反向路径过滤');
  s.summary = t(
    'The TUN diagram with net.ipv4.conf.all.rp_filter=1 and net.ipv4.conf.tunl0.rp_filter=1 on the real servers. Strict reverse-path filtering drops the director\'s tunnelled packets before the real servers can unwrap them.',
    '与 TUN 拓扑相同，但真实服务器设置了 net.ipv4.conf.all.rp_filter=1 与 net.ipv4.conf.tunl0.rp_filter=1。严格的反向路径过滤在真实服务器解封装之前就丢弃了调度器的隧道报文。',
  );
  s.lessons = [
    t(
      'rp_filter=1 (strict) accepts a packet only if the route back to its source leaves through the interface it came in on. The IP-in-IP packet arrives on eth0 from 11.22.33.44, but that is the real server\'s own address on tunl0 (accept_local lets it be a source at all), so the route back to it is not through eth0: the packet is dropped before it is unwrapped.',
      'rp_filter=1（严格模式）只接收这样的报文：回到其源地址的路由恰好从它进来的接口出去。IP-in-IP 报文从 eth0 进来，源地址是 11.22.33.44，而这正是真实服务器自己 tunl0 上的地址（accept_local 只是允许它作为源地址出现），回到它的路由并不经过 eth0：报文在解封装之前就被丢弃。',
    ),
    t(
      'With a separate VIP the outer packet would pass, and the unwrapped request would fail the same test instead: it comes in on tunl0 from 44.55.66.77, while the route to 44.55.66.77 is the default route via eth0. Either way the client retries its SYN after 1 s, 2 s, 4 s… and gives up.',
      '即使 VIP 单独设置，外层报文能通过，解封装后的请求也会在同一检查上失败：它从 tunl0 进来、源地址 44.55.66.77，而去往 44.55.66.77 的是经 eth0 的默认路由。无论哪种情况，客户端都会在 1 秒、2 秒、4 秒……后重传 SYN，最终放弃。',
    ),
    t(
      'Fix: set rp_filter to 0 on both all and tunl0, as tun-course does. Linux uses the larger of the two values, so setting only tunl0 to 0 while all stays 1 still drops the packet. Many distributions turn rp_filter on by default, so this is a common reason a TUN setup copied from a slide stays silent.',
      '修复：把 all 与 tunl0 的 rp_filter 都设为 0，如 tun-course 所示。Linux 取两者中的较大值，只把 tunl0 设为 0 而 all 仍为 1，报文照样被丢弃。许多发行版默认开启 rp_filter，所以照着幻灯片搭的 TUN 环境常常因此没有回应。',
    ),
  ];
  for (const id of ['RS1', 'RS2']) {
    const rs = hostOf(s, id);
    rs.sysctl = { ...rs.sysctl, 'net.ipv4.conf.all.rp_filter': 1, 'net.ipv4.conf.tunl0.rp_filter': 1 };
  }
});
