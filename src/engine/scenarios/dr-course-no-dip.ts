/**
 * dr-course-no-dip: the DR diagram exactly as the slide draws it, the director holding only the
 * VIP. Its ARP requests for the real servers then come from the VIP, which every real server
 * holds on lo: they drop the request as a martian source (arp_process → fib_validate_source).
 */
import type { Scenario } from '../scenario/types';
import { drCourse } from './dr-course';
import { derive, hostOf, t } from './parts';

export const drCourseNoDip: Scenario = derive(drCourse, (s) => {
  s.id = 'dr-course-no-dip';
  s.group = 'broken';
  s.title = t('Broken DR: the slide as drawn, a director with only the VIP', '故障 DR：照图配置，调度器只有 VIP');
  s.summary = t(
    'The DR diagram literally: the director\'s only address is the VIP 192.168.1.100, which each real server also holds on lo. The director cannot learn a real server\'s MAC, so nothing is ever forwarded.',
    '完全照图配置：调度器唯一的地址就是 VIP 192.168.1.100，而每台真实服务器的 lo 上也有这个地址。调度器无法得知真实服务器的 MAC，于是什么也转发不出去。',
  );
  s.lessons = [
    t(
      'Watch the director\'s ARP request: "who has 192.168.1.14? tell 192.168.1.100". The real server holds 192.168.1.100 itself (lo:0), and Linux checks an ARP request\'s sender like a packet\'s source: one of its own addresses arriving from outside is a martian, so the request is dropped and nobody answers.',
      '看调度器的 ARP 请求："谁是 192.168.1.14？请告诉 192.168.1.100"。真实服务器自己（lo:0）就有 192.168.1.100，Linux 像检查报文源地址一样检查 ARP 请求的发送方：从外面来、却是本机地址的，就是火星地址，请求被丢弃，没有人回答。',
    ),
    t(
      'After three unanswered requests (3 s) the director drops the client\'s SYNs it held (arp-timeout) and answers each with ICMP host unreachable, so the client\'s connect fails at once (curl: (7) Couldn\'t connect to server). The slide leaves out the director\'s own address (DIP); the lab (dr-lab) has one, 10.10.10.11, and so does dr-course.',
      '三次请求无人回答后（3 秒），调度器丢弃它暂存的客户端 SYN（arp-timeout），并对每个 SYN 回送 ICMP 主机不可达，客户端的连接随即失败（curl: (7) Couldn\'t connect to server）。幻灯片省略了调度器自己的地址（DIP）；实验（dr-lab）有 10.10.10.11，dr-course 也补上了。',
    ),
    t(
      'arp_announce on the director cannot help: it only chooses among the director\'s own addresses, and the VIP is the only one. The fix is an address of its own on the LAN (the DIP), with the VIP as an alias: ip addr add 192.168.1.11/24 dev eth0; ip addr add 192.168.1.100/32 dev eth0 label eth0:0.',
      '调度器上的 arp_announce 帮不上忙：它只能在调度器自己的地址中选择，而 VIP 是唯一的一个。修复办法是在局域网上给调度器一个自己的地址（DIP），VIP 作为别名：ip addr add 192.168.1.11/24 dev eth0；ip addr add 192.168.1.100/32 dev eth0 label eth0:0。',
    ),
  ];
  const d = hostOf(s, 'D');
  d.interfaces = d.interfaces.map((f) => (f.name === 'eth0' ? { ...f, addrs: [{ cidr: '192.168.1.100/24' }] } : f));
});
