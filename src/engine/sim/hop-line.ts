/**
 * One trace event as one line of the course's table: who sent it where, S and D (with ports
 * where they matter), the destination MAC's owner when it decides the outcome (DR), and the
 * outer and inner headers of IP-in-IP. The CLI's table and the golden tests print these.
 */
import type { EndpointJson, IpJson, TraceEventJson, TraceJson } from './trace-json';

export interface HopColumns {
  seq: string;
  t: string;
  where: string;
  s: string;
  d: string;
  what: string;
}

function addrPort(ip: IpJson, side: 'src' | 'dst'): string {
  const l4 = ip.tcp ?? ip.udp;
  const port = l4 ? (side === 'src' ? l4.sport : l4.dport) : undefined;
  return port !== undefined ? `${ip[side]}:${port}` : ip[side];
}

function l4Text(ip: IpJson): string {
  if (ip.tcp) return `TCP [${ip.tcp.flags.join(', ')}]${ip.tcp.len ? ` len ${ip.tcp.len}` : ''}`;
  if (ip.udp) return `UDP len ${ip.udp.len}`;
  if (ip.icmp) return `ICMP type ${ip.icmp.type} code ${ip.icmp.code}`;
  return ip.proto.toUpperCase();
}

/** MAC → "host.if", from the trace's host table. */
export function macOwners(trace: Pick<TraceJson, 'hosts'>): Map<string, string> {
  const m = new Map<string, string>();
  for (const [host, h] of Object.entries(trace.hosts)) for (const i of h.interfaces) if (!i.label && i.mac !== '00:00:00:00:00:00') m.set(i.mac, `${host}.${i.name}`);
  return m;
}

function ep(e: EndpointJson): string {
  return `${e.host}.${e.if}`;
}

export function hopColumns(e: TraceEventJson, owners: Map<string, string>): HopColumns {
  const base = { seq: String(e.seq), t: e.t.toFixed(3) };
  switch (e.kind) {
    case 'frame': {
      const to = e.to.length === 1 ? ep(e.to[0] as EndpointJson) : e.to.length ? `{${e.to.map((x) => x.host).join(',')}}` : '(nobody)';
      const where = `${ep(e.from)} → ${to}`;
      if (e.arp) {
        const a = e.arp;
        const what = a.op === 'request' ? `ARP who-has ${a.targetIp} tell ${a.senderIp}` : `ARP ${a.senderIp} is-at ${a.senderMac}`;
        return { ...base, where, s: a.senderIp, d: a.targetIp, what };
      }
      const ip = e.ip as IpJson;
      const dmac = owners.get(e.eth.dst) ?? (e.eth.dst === 'ff:ff:ff:ff:ff:ff' ? 'broadcast' : e.eth.dst);
      const hostOfDmac = dmac.split('.')[0] ?? dmac;
      if (ip.inner) {
        const inner = ip.inner.ip;
        const innerFull: IpJson = { ...inner, ...(ip.inner.tcp ? { tcp: ip.inner.tcp } : {}) };
        return {
          ...base, where, s: ip.src, d: ip.dst,
          what: `IPIP ttl ${ip.ttl} [inner S ${addrPort(innerFull, 'src')} D ${addrPort(innerFull, 'dst')} ${l4Text(innerFull)}] DMAC ${hostOfDmac}`,
        };
      }
      return { ...base, where, s: addrPort(ip, 'src'), d: addrPort(ip, 'dst'), what: `${l4Text(ip)} ttl ${ip.ttl} DMAC ${hostOfDmac}` };
    }
    case 'action': {
      const p = Object.entries(e.detail).map(([k, v]) => `${k}=${v}`).join(' ');
      return { ...base, where: e.host, s: '', d: '', what: `» ${e.action} ${p}` };
    }
    case 'drop': {
      const s = e.ip ? addrPort(e.ip, 'src') : '';
      const d = e.ip ? addrPort(e.ip, 'dst') : '';
      const p = Object.entries(e.note.params).map(([k, v]) => `${k}=${v}`).join(' ');
      return { ...base, where: e.host, s, d, what: `✗ DROP ${e.reason}${p ? ` (${p})` : ''}` };
    }
    default: {
      const never: never = e;
      return never;
    }
  }
}

/** Actions worth a line in the course table; the rest are detail for --all. */
export const TABLE_ACTIONS = new Set([
  'ipvs-schedule', 'ipvs-icmp-relay', 'ipvs-dnat', 'ipvs-snat', 'ipvs-dr-xmit', 'ipip-encap', 'ipip-decap', 'ipvs-no-dest',
  'proxy-connect', 'arp-locktime-ignore', 'request-done', 'request-failed', 'tcp-retransmit', 'arp-ignore',
]);

export function formatTable(trace: TraceJson, all = false): string {
  const owners = macOwners(trace);
  const rows = trace.events
    .filter((e) => all || e.kind !== 'action' || TABLE_ACTIONS.has(e.action))
    .map((e) => hopColumns(e, owners));
  const head: HopColumns = { seq: '#', t: 't(ms)', where: 'hop / host', s: 'S', d: 'D', what: 'what' };
  const w = (k: keyof HopColumns): number => Math.max(head[k].length, ...rows.map((r) => r[k].length));
  const ws = { seq: w('seq'), t: w('t'), where: w('where'), s: w('s'), d: w('d') };
  const line = (r: HopColumns): string =>
    `${r.seq.padStart(ws.seq)}  ${r.t.padStart(ws.t)}  ${r.where.padEnd(ws.where)}  ${r.s.padEnd(ws.s)}  ${r.d.padEnd(ws.d)}  ${r.what}`.trimEnd();
  return [line(head), ...rows.map(line)].join('\n') + '\n';
}
