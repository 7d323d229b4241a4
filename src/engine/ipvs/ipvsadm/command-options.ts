/**
 * The body of parse_options()'s loop in ipvsadm.c: set_option() (refusing a repeated
 * option), then the option's own parsing, each with the tool's message.
 */
import { parseIpv4 } from '../../addr/ipv4';
import { DEFAULT_PERSISTENCE_S, failed, MAX_TIMEOUT_S, type CommandEntry, type CommandError } from './entry';
import {
  inetAton, IPPROTO, isIpv6Literal, parseFwmark, parseServiceArg, SERVICE_ADDR, stringToNumber,
} from './inet';
import type { OptionName } from './opt-check';
import type { OptId } from './popt';

const INT_MAX = 2147483647;

/** The set_option() bit each option sets; options without one are commands or no-ops. */
const BIT: Partial<Record<OptId, OptionName>> = {
  'tcp-service': 'service-address', 'udp-service': 'service-address',
  'sctp-service': 'service-address', 'fwmark-service': 'service-address',
  scheduler: 'scheduler', persistent: 'persistent', netmask: 'netmask',
  'real-server': 'real-server', masquerading: 'forwarding-method', ipip: 'forwarding-method',
  gatewaying: 'forwarding-method', weight: 'weight', 'u-threshold': 'u-threshold',
  'l-threshold': 'l-threshold', connection: 'connection', numeric: 'numeric',
  'mcast-interface': 'mcast-interface', syncid: 'syncid', timeout: 'timeout', daemon: 'daemon',
  stats: 'stats', rate: 'rate', thresholds: 'thresholds', 'persistent-conn': 'persistent-conn',
  nosort: 'nosort', exact: 'exact', ops: 'ops', pe: 'pe', 'sched-flags': 'sched-flags',
  'mcast-group': 'mcast-group', 'mcast-port': 'mcast-port', 'mcast-ttl': 'mcast-ttl',
  'sync-maxlen': 'sync-maxlen', 'tun-info': 'tun-info', 'tun-type': 'tun-type',
  'tun-port': 'tun-port', 'tun-nocsum': 'tun-nocsum', 'tun-csum': 'tun-csum',
  'tun-remcsum': 'tun-remcsum',
};

const PROTO: Partial<Record<OptId, number>> = {
  'tcp-service': IPPROTO.tcp, 'udp-service': IPPROTO.udp, 'sctp-service': IPPROTO.sctp,
};

/** A number option: the value, or the tool's "illegal …" failure. */
const num = (a: string, min: number, max: number, what: string): number | CommandError =>
  stringToNumber(a, min, max) ?? failed(`illegal ${what} specified`);

const IPV6 = 'lvs-flow simulates IPv4 only';

/** Applies one option to the entry; returns the tool's failure, or null. */
export function applyOption(ce: CommandEntry, id: OptId, arg: string | null, raw: string): CommandError | null {
  const { svc, dest } = ce;
  if (id === 'sort') return null; // "Sort is the default, this is a no-op for compatibility"
  if (id === 'ipv6') {
    if (!svc.fwmark) return failed('-6 used before -f');
    svc.af = 6;
    ce.unsupported ??= `${IPV6} (-6)`;
    return null;
  }
  const bit = BIT[id];
  if (!bit) return failed(`invalid option \`${raw}'`);
  if (ce.options.has(bit)) return failed(`multiple '${bit}' options specified`);
  ce.options.add(bit);
  const a = arg ?? '';
  let n: number | CommandError = 0;
  switch (id) {
    case 'tcp-service':
    case 'udp-service':
    case 'sctp-service': {
      svc.proto = PROTO[id] ?? IPPROTO.tcp;
      const p = parseServiceArg(a, svc.proto);
      if (p.flags === 'ipv6') return failed(`${IPV6} (${a})`);
      if (!(p.flags & SERVICE_ADDR) || p.addr === null) return failed('illegal virtual server address[:port] specified');
      svc.af = 4;
      svc.addr = p.addr;
      if (p.port !== null) svc.port = p.port;
      return null;
    }
    case 'fwmark-service': {
      svc.af = 4;
      svc.proto = IPPROTO.tcp; // "a sane value, even though it is not used"
      const mark = parseFwmark(a);
      if (mark === null) return failed(`invalid fwmark value \`${a}' specified`);
      svc.fwmark = mark;
      return null;
    }
    case 'scheduler':
      svc.sched = a.slice(0, 15); // strncpy into IP_VS_SCHEDNAME_MAXLEN - 1
      return null;
    case 'persistent': {
      svc.persistent = true;
      if (arg === null) svc.timeoutS = DEFAULT_PERSISTENCE_S;
      else {
        const t = stringToNumber(a, 1, MAX_TIMEOUT_S);
        if (t === null) return failed(`invalid timeout value \`${a}' specified`);
        svc.timeoutS = t;
      }
      return null;
    }
    case 'netmask': {
      if (svc.af === 6) {
        const len = Number.parseInt(a, 10); // atoi()
        return len >= 1 && len <= 128 ? null : failed('illegal ipv6 netmask specified');
      }
      const mask = inetAton(a);
      if (mask === null) return failed('illegal virtual server persistent mask specified');
      svc.netmask = mask;
      return null;
    }
    case 'real-server': {
      const p = parseServiceArg(a, svc.proto);
      if (p.flags === 'ipv6') return failed(`${IPV6} (${a})`);
      if (!(p.flags & SERVICE_ADDR) || p.addr === null) return failed('illegal real server address[:port] specified');
      dest.addr = p.addr;
      // "copy vport to dport if not specified": the service port as known at this point
      dest.port = p.port ?? svc.port;
      dest.givenPort = p.port;
      return null;
    }
    case 'masquerading':
      dest.method = 'masq';
      return null;
    case 'ipip':
      dest.method = 'ipip';
      return null;
    case 'gatewaying':
      dest.method = 'gate';
      return null;
    case 'weight':
      n = num(a, 0, INT_MAX, 'weight');
      if (typeof n === 'number') dest.weight = n;
      break;
    case 'u-threshold':
      n = num(a, 0, INT_MAX, 'u_threshold');
      if (typeof n === 'number') dest.uThreshold = n;
      break;
    case 'l-threshold':
      n = num(a, 0, INT_MAX, 'l_threshold');
      if (typeof n === 'number') dest.lThreshold = n;
      break;
    case 'syncid':
      n = num(a, 0, 255, 'syncid');
      break;
    case 'mcast-port':
      n = num(a, 1, 65535, 'mcast-port');
      break;
    case 'mcast-ttl':
      n = num(a, 1, 255, 'mcast-ttl');
      break;
    case 'sync-maxlen':
      n = num(a, 1, 65535 - 20 - 8, 'sync-maxlen');
      break;
    case 'tun-port':
      n = num(a, 1, 65535, 'tunnel port');
      break;
    case 'mcast-group':
      if (a.includes(':')) {
        if (!isIpv6Literal(a) || !/^ff/i.test(a)) return failed(`invalid IPv6 mcast-group \`${a}'`);
      } else {
        const g = parseIpv4(a); // inet_pton(AF_INET): strict dotted quad
        if (!g.ok || g.value >>> 28 !== 0xe) return failed(`invalid IPv4 mcast-group \`${a}'`);
      }
      return null;
    case 'ops':
      svc.onePacket = true;
      ce.unsupported ??= 'lvs-flow does not simulate one-packet scheduling (-o)';
      return null;
    case 'pe':
      svc.pe = a;
      ce.unsupported ??= `lvs-flow does not simulate persistence engines (--pe ${a})`;
      return null;
    case 'sched-flags':
      ce.schedFlagsArg = a.slice(0, 127); // snprintf into sched_flags_arg[128]
      return null;
    case 'tun-type':
      if (a !== 'ipip' && a !== 'gue' && a !== 'gre') return failed('illegal tunnel type specified');
      dest.tunType = a;
      if (a !== 'ipip') ce.unsupported ??= `lvs-flow simulates IP-in-IP tunnels only (--tun-type ${a})`;
      return null;
    default:
      // -c -n --timeout --daemon --stats --rate --thresholds --persistent-conn --nosort
      // --exact --mcast-interface --tun-info --tun-*csum: the option bit is all they set.
      return null;
  }
  return typeof n === 'number' ? null : n;
}
