/** nat-lab-bad-gateway: nat-lab with RS1's default gateway set to 10.10.10.1, an address no host holds. */
import type { Scenario } from '../scenario/types';
import { defaultVia, derive, hostOf, t } from './parts';
import { natLab } from './nat-lab';

export const BAD_GATEWAY = '10.10.10.1';

export const natLabBadGateway: Scenario = derive(natLab, (s) => {
  s.id = 'nat-lab-bad-gateway';
  s.group = 'broken';
  s.title = t('Broken NAT: a real server with the wrong gateway', '故障 NAT：真实服务器网关配错');
  s.summary = t(
    'The NAT lab, except that RS1\'s default gateway is 10.10.10.1, which no host holds, instead of the director\'s 10.10.10.11. Requests scheduled to RS2 still work; those scheduled to RS1 never get an answer.',
    '与 NAT 实验相同，只是 RS1 的默认网关写成了 10.10.10.1（没有任何主机使用这个地址），而不是调度器的 10.10.10.11。调度到 RS2 的请求照常工作，调度到 RS1 的请求永远得不到回应。',
  );
  s.lessons = [
    t(
      'The first request goes to RS2 and succeeds. The second goes to RS1: the SYN arrives, but RS1 sends its SYN-ACK toward 20.20.20.22 via 10.10.10.1. It asks "who has 10.10.10.1?" three times, one second apart, gets no answer and drops the SYN-ACK; the ICMP host unreachable it then sends itself also drops the half-open connection, so each SYN the client retries starts over.',
      '第一个请求到 RS2，成功。第二个到 RS1：SYN 到达了，但 RS1 要经 10.10.10.1 把 SYN-ACK 发往 20.20.20.22。它每隔一秒问一次"谁是 10.10.10.1？"，共三次，没有回应，于是丢弃 SYN-ACK；随后它发给自己的 ICMP 主机不可达还会撤销这条半开连接，客户端每次重传 SYN 都从头再来。',
    ),
    t(
      'The client retries its SYN after 1 s, 2 s, 4 s… and the director sends every retry to RS1 again: the connection is already in its table (ipvsadm -L -n -c), so it is not rescheduled to a working server.',
      '客户端在 1 秒、2 秒、4 秒……后重传 SYN，而调度器每次都把重传发给 RS1：这条连接已在它的连接表里（ipvsadm -L -n -c），不会被重新调度到正常的服务器。',
    ),
    t(
      'Fix: ip route replace default via 10.10.10.11 on RS1. In NAT mode the real servers must use the director as their gateway (真实服务器必须将网关指向负载调度器), or the replies never get their source rewritten back to the VIP.',
      '修复：在 RS1 上执行 ip route replace default via 10.10.10.11。NAT 模式下真实服务器必须将网关指向负载调度器，否则回包无法被改回 VIP 的源地址。',
    ),
  ];
  hostOf(s, 'RS1').routes = defaultVia(BAD_GATEWAY);
});
