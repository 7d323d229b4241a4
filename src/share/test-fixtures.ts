/**
 * Scenarios and byte-level helpers the share tests build links from. Test support only: the
 * app never imports this file.
 */
import { deflateSync } from 'fflate';
import { getPreset, type Scenario } from '../engine';
import { encodeBase64url } from './base64url';
import { crc32 } from './crc32';

/** Markup that must stay text all the way through a link. */
export const MARKUP = '<img src=x onerror=alert(1)>';

function preset(id: string): Scenario {
  const s = getPreset(id);
  if (!s) throw new Error(`test fixture: no preset ${id}`);
  return s;
}

/**
 * nat-lab as a teacher might edit it: `count` real servers RS1…RSn (10.10.10.12, .13, …) on
 * the private LAN, each a real server of the VIP with the given weights, and another scheduler.
 */
export function natLabWith(count: number, weights: readonly number[], scheduler: string): Scenario {
  const s = preset('nat-lab');
  const rs2 = s.hosts.find((h) => h.id === 'RS2');
  const svc = s.hosts.find((h) => h.id === 'D')?.ipvs?.services[0];
  const lan = s.segments.find((g) => g.id === 'lan-private');
  if (!rs2 || !svc || !lan) throw new Error('test fixture: nat-lab changed shape');
  for (let n = 3; n <= count; n++) {
    const rip = `10.10.10.${11 + n}`;
    s.hosts.push({
      ...structuredClone(rs2),
      id: `RS${n}`,
      name: { en: `RS${n} real server`, zh: `RS${n} 真实服务器` },
      position: { x: 860, y: 40 + n * 52 },
      interfaces: [{ name: 'eth0', addrs: [{ cidr: `${rip}/24` }] }],
    });
    svc.dests.push({ addr: rip, port: 80, method: 'masq', weight: 1 });
    lan.ports.push({ host: `RS${n}`, if: 'eth0' });
  }
  svc.dests.forEach((d, i) => {
    d.weight = weights[i] ?? 1;
  });
  svc.scheduler = scheduler;
  return s;
}

/** The 10-server nat-lab of the length target: weights 1-10 shuffled, wlc instead of rr. */
export const natLabTen = (): Scenario => natLabWith(10, [5, 3, 8, 1, 10, 2, 7, 4, 9, 6], 'wlc');

/** dr-lab with RS1's arp_ignore undone and RS2's display name carrying markup. */
export function drLabEdited(): Scenario {
  const s = preset('dr-lab');
  const [rs1, rs2] = [s.hosts.find((h) => h.id === 'RS1'), s.hosts.find((h) => h.id === 'RS2')];
  if (!rs1 || !rs2) throw new Error('test fixture: dr-lab changed shape');
  rs1.sysctl = { ...rs1.sysctl, 'net.ipv4.conf.all.arp_ignore': 0 };
  rs2.name = { en: MARKUP, zh: MARKUP };
  return s;
}

/** A small scenario of no preset's making: two hosts on one LAN. */
export function tinyCustom(): Scenario {
  return {
    version: 1,
    id: 'two-hosts',
    title: { en: 'Two hosts', zh: '两台主机' },
    summary: { en: `A and B on one LAN; B is called ${MARKUP}`, zh: 'A 与 B 在同一局域网' },
    hosts: [
      { id: 'A', role: 'client', interfaces: [{ name: 'eth0', addrs: [{ cidr: '192.168.1.1/24' }] }], apps: [{ kind: 'http-client', target: '192.168.1.2:80', requests: 1 }] },
      { id: 'B', role: 'server', name: { en: MARKUP, zh: MARKUP }, interfaces: [{ name: 'eth0', addrs: [{ cidr: '192.168.1.2/24' }] }], apps: [{ kind: 'http-server', port: 80 }] },
    ],
    segments: [{ id: 'lan', kind: 'switch', ports: [{ host: 'A', if: 'eth0' }, { host: 'B', if: 'eth0' }] }],
  };
}

/** A packed v1 fragment around any bytes, with a correct checksum: reaches the inflater. */
export function packBytes(deflated: Uint8Array, version = 'v1'): string {
  const out = new Uint8Array(deflated.length + 4);
  out.set(deflated);
  new DataView(out.buffer).setUint32(deflated.length, crc32(deflated));
  return `${version}.${encodeBase64url(out)}`;
}

/** A packed v1 fragment around any text (usually JSON), as the encoder would deflate it. */
export const packText = (text: string, level: 0 | 9 = 9): string => packBytes(deflateSync(new TextEncoder().encode(text), { level }));
