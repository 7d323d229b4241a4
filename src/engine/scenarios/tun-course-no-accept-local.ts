/**
 * tun-course-no-accept-local: the TUN diagram exactly as the slide configures it, without
 * accept_local. The real servers drop the tunnelled packet as a martian (measured on Linux 6.1).
 */
import type { Scenario } from '../scenario/types';
import { derive, hostOf, t } from './parts';
import { tunCourse } from './tun-course';

export const tunCourseNoAcceptLocal: Scenario = derive(tunCourse, (s) => {
  s.id = 'tun-course-no-accept-local';
  s.group = 'broken';
  s.title = t('Broken TUN: the slide as drawn, without accept_local', '故障 TUN：照图配置，没有 accept_local');
  s.summary = t(
    'The TUN diagram literally: the VIP is the director\'s own 11.22.33.44, the real servers hold it on tunl0, and accept_local stays 0. The tunnelled packet\'s outer source is then one of the real server\'s own addresses, and Linux drops it before unwrapping it.',
    '完全照图配置：VIP 就是调度器自己的 11.22.33.44，真实服务器把它配在 tunl0 上，accept_local 保持 0。于是隧道报文的外层源地址是真实服务器自己的地址之一，Linux 在解封装前就把它丢弃了。',
  );
  s.lessons = [
    t(
      'Look at the outer header arriving at the real server: S 11.22.33.44. The real server holds 11.22.33.44 itself (on tunl0), and a packet from the outside claiming one of our own addresses as its source is a martian: Linux drops it unless accept_local=1.',
      '看到达真实服务器的外层头：S 11.22.33.44。真实服务器自己（在 tunl0 上）就有 11.22.33.44，从外面来、却以本机地址为源地址的报文是"火星报文"：除非 accept_local=1，Linux 会丢弃它。',
    ),
    t(
      'The client retries its SYN after 1 s, 2 s, 4 s… and gives up. This was measured on a real Linux 6.1 kernel with the slide\'s addresses: the diagram as drawn does not work.',
      '客户端在 1 秒、2 秒、4 秒……后重传 SYN，最终放弃。这是用幻灯片上的地址在真实的 Linux 6.1 内核上测得的：照图配置无法工作。',
    ),
    t(
      'Two fixes: set net.ipv4.conf.all.accept_local=1 (and on eth0) on the real servers, as tun-course does; or give the service a VIP of its own, apart from the director\'s address, as tun-separate-vip does.',
      '两种修复：在真实服务器上设置 net.ipv4.conf.all.accept_local=1（eth0 上也设置），如 tun-course；或者给服务单独的 VIP，与调度器自己的地址分开，如 tun-separate-vip。',
    ),
  ];
  for (const id of ['RS1', 'RS2']) {
    const rs = hostOf(s, id);
    rs.sysctl = { ...rs.sysctl, 'net.ipv4.conf.all.accept_local': 0, 'net.ipv4.conf.eth0.accept_local': 0 };
  }
});
