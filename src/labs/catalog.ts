/**
 * The build labs by name: what the scenario picker lists and how the app tells a lab's machines
 * from a preset's. Kept apart from the labs themselves (their steps, machines and check), which
 * load only when a lab is opened.
 */
import type { I18nText } from '../engine';
import { t } from './text';

export type BuildLabId = 'build-dr' | 'build-nat' | 'build-tun';

export interface LabTitle {
  readonly id: BuildLabId;
  readonly title: I18nText;
  readonly summary: I18nText;
}

export const LAB_TITLES: readonly LabTitle[] = [
  {
    id: 'build-dr',
    title: t('Build LVS-DR', '构建 LVS-DR'),
    summary: t(
      'Four machines on one LAN, freshly booted: no addresses, no rules. Type the course\'s commands on C, D, RS1 and RS2, then press Check: the client sends requests to the VIP and the trace shows whether the director balanced them and the real servers answered from the VIP.',
      '四台机器在同一局域网，刚刚开机：没有地址，没有规则。在 C、D、RS1、RS2 上输入课程中的命令，然后点“检查”：客户端向 VIP 发送请求，由报文轨迹判断调度器是否分配了请求、真实服务器是否以 VIP 回应。',
    ),
  },
  {
    id: 'build-nat',
    title: t('Build LVS-NAT', '构建 LVS-NAT'),
    summary: t(
      'A client on the public side, a director with one leg on each side, two real servers on the private side, freshly booted. Type the course\'s commands, then press Check: the director must rewrite the client\'s requests to the real servers and their replies back to the VIP.',
      '客户端在公网一侧，调度器两侧各接一条腿，两台真实服务器在私网一侧，全部刚刚开机。输入课程中的命令，然后点“检查”：调度器必须把客户端的请求改写后送往真实服务器，并把回复改写回 VIP。',
    ),
  },
  {
    id: 'build-tun',
    title: t('Build LVS-TUN', '构建 LVS-TUN'),
    summary: t(
      'The director in Beijing and two real servers in Shanghai and Guangzhou, across the Internet (router R, already running). Type the commands, then press Check: the director must wrap each request in IP-in-IP and the real servers must unwrap it and answer the client directly from the VIP.',
      '北京的调度器与上海、广州的两台真实服务器隔着互联网（路由器 R，已配置好）。输入命令，然后点“检查”：调度器必须把每个请求封装进 IP 隧道，真实服务器解封装后以 VIP 直接回复客户端。',
    ),
  },
];

export function isBuildLabId(id: string): id is BuildLabId {
  return LAB_TITLES.some((l) => l.id === id);
}

export function labTitle(id: BuildLabId): LabTitle {
  return LAB_TITLES.find((l) => l.id === id) as LabTitle;
}
