/**
 * One event as a Packet Tracer–style row: category (for filters), protocol, from → to, S/D and
 * a short tcpdump-like summary. Plain strings; the event list and step log render them.
 */
import type { IpJson, TraceEventJson } from '../../engine';

export type Category = 'arp' | 'tcp' | 'ipvs' | 'drop' | 'host-action';
export const CATEGORIES: readonly Category[] = ['arp', 'tcp', 'ipvs', 'drop', 'host-action'];

export function categoryOf(e: TraceEventJson): Category {
  switch (e.kind) {
    case 'frame':
      return e.eth.type === 'arp' ? 'arp' : 'tcp';
    case 'drop':
      return 'drop';
    case 'action':
      if (e.action.startsWith('arp')) return 'arp';
      return e.action.startsWith('ipvs') || e.action.startsWith('ipip') ? 'ipvs' : 'host-action';
    default: {
      const never: never = e;
      return never;
    }
  }
}

export function protocolOf(e: TraceEventJson): string {
  if (e.kind === 'frame' && e.arp) return 'ARP';
  if (e.kind === 'action') return e.action;
  const ip = e.ip;
  if (!ip) return e.kind === 'drop' && e.arp ? 'ARP' : '';
  if (ip.proto === 'ipip') return `IPIP/${(ip.inner?.ip.proto ?? '').toUpperCase()}`;
  return ip.proto.toUpperCase();
}

const port = (p: number | undefined) => (p === undefined ? '' : `:${p}`);

/** The inner packet of IP-in-IP with its transport header attached, as a plain IpJson. */
export function innerOf(ip: IpJson | undefined): IpJson | undefined {
  const inner = ip?.inner;
  if (!inner) return undefined;
  return { ...inner.ip, ...(inner.tcp ? { tcp: inner.tcp } : {}), ...(inner.udp ? { udp: inner.udp } : {}) };
}

export function addrsOf(ip: IpJson | undefined): string {
  if (!ip) return '';
  const inner = innerOf(ip);
  if (inner) return `${ip.src} → ${ip.dst} [${addrsOf(inner)}]`;
  const l4 = ip.tcp ?? ip.udp;
  return `${ip.src}${port(l4?.sport)} → ${ip.dst}${port(l4?.dport)}`;
}

export function tcpSummary(ip: IpJson | undefined): string {
  const tcp = ip?.inner?.tcp ?? ip?.tcp;
  if (tcp) return `[${tcp.flags.join(',')}] seq=${tcp.seq} ack=${tcp.ack}${tcp.len ? ` len=${tcp.len}` : ''}`;
  const icmp = ip?.icmp;
  if (icmp) return `ICMP type=${icmp.type} code=${icmp.code}`;
  return '';
}

export function summaryOf(e: TraceEventJson): string {
  switch (e.kind) {
    case 'frame':
      if (e.arp) {
        return e.arp.op === 'request'
          ? `who-has ${e.arp.targetIp} tell ${e.arp.senderIp}`
          : `${e.arp.senderIp} is-at ${e.arp.senderMac}`;
      }
      return tcpSummary(e.ip);
    case 'drop':
      return e.reason;
    case 'action':
      return Object.entries(e.detail).map(([k, v]) => `${k}=${v}`).join(' ');
    default: {
      const never: never = e;
      return never;
    }
  }
}

/** The hosts an event touches: sender and receivers of a frame, or the one host. */
export function hostsOf(e: TraceEventJson): { from: string; to: string[] } {
  return e.kind === 'frame' ? { from: e.from.host, to: e.to.map((x) => x.host) } : { from: e.host, to: [] };
}

/** The packet an event carries, for S/D: the frame's IP, or the dropped packet's. */
export function ipOf(e: TraceEventJson): IpJson | undefined {
  return e.kind === 'action' ? undefined : e.ip;
}
