/**
 * `ipvsadm-save -n`, i.e. `ipvsadm -S -n`: list_all() with FMT_RULE in ipvsadm.c (v1.31).
 * No header, no titles; services and destinations sorted as for -L.
 *
 *   service:  "-A %s -s %s" then " -p %u", " -M %s" (mask not 255.255.255.255), " -b flags"
 *   dest:     "-a %s -r %s %s -w %d\n"
 *   -i dest:  print_tunnel_rule(): "-a %s -r %s %s -w %d --tun-type %s\n" ("ipip": libipvs
 *             zeroes each entry, so an IP-in-IP tunnel always reads as tun_type 0)
 *
 * The -x/-y thresholds are never written: restoring a saved table loses them.
 */
import { formatIpv4 } from '../../addr/ipv4';
import type { ServiceConfig, ServiceState } from '../types';
import { listedDests, portText } from './format-list';
import { printSchedFlags, schedFlagBits } from './sched-flags';
import { cmpServices, glibcQsort } from './sort';

/** option_from_protocol(): -t, -u, --sctp-service; or "-f %u". */
function ruleServiceName(c: ServiceConfig, numeric: boolean): string {
  if (c.fwmark) return `-f ${c.fwmark >>> 0}`;
  const opt = { tcp: '-t', udp: '-u', sctp: '--sctp-service' }[c.proto];
  return `${opt} ${formatIpv4(c.vip)}:${portText(c.port, c.proto, numeric)}`;
}

const SWITCH = { masq: '-m', gate: '-g', ipip: '-i' } as const;

function serviceRule(svc: ServiceState, numeric: boolean): string {
  const c = svc.config;
  const name = ruleServiceName(c, numeric);
  let s = `-A ${name} -s ${c.scheduler}`;
  if (c.persistenceS !== undefined) {
    s += ` -p ${c.persistenceS}`;
    const mask = c.persistenceMask;
    if (mask !== undefined && mask >>> 0 !== 0xffffffff) s += ` -M ${formatIpv4(mask)}`;
  }
  const bits = schedFlagBits(c.schedFlags);
  if (bits) s += ` -b ${printSchedFlags(c.scheduler, bits)}`;
  const dests = listedDests(svc).map((d) => {
    const { addr, port, method, weight } = d.config;
    const tun = method === 'ipip' ? ' --tun-type ipip' : '';
    return `-a ${name} -r ${formatIpv4(addr)}:${portText(port, c.proto, numeric)} ${SWITCH[method]} -w ${weight}${tun}\n`;
  });
  return `${s}\n${dests.join('')}`;
}

/**
 * The rules that rebuild this table, as `ipvsadm-save -n` prints them.
 * @example formatSave(services) // "-A -t 10.10.10.100:80 -s rr\n-a -t 10.10.10.100:80 -r 10.10.10.12:80 -g -w 1\n"
 */
export function formatSave(services: readonly ServiceState[], numeric = true): string {
  return glibcQsort(services, cmpServices).map((s) => serviceRule(s, numeric)).join('');
}
