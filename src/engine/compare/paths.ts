/**
 * Which hosts a request and its reply touch: the first packet each way that carries data (the
 * GET, the response), followed hop by hop by its identity; where a host answers with a packet
 * of its own (an L7 proxy opens a second connection), the path goes on with that packet.
 */
import type { Direction, PacketHop } from './packet-hops';

/** The hosts one packet visits, in order: its sender, then each hop's addressee. */
function packetPath(hops: readonly PacketHop[], first: PacketHop): { hosts: string[]; end: number } {
  const hosts = [first.from, first.to];
  let end = hops.indexOf(first);
  for (let i = end + 1; i < hops.length; i++) {
    const h = hops[i] as PacketHop;
    if (h.pid !== first.pid || h.from !== hosts[hosts.length - 1]) continue;
    hosts.push(h.to);
    end = i;
  }
  return { hosts, end };
}

/** The path of the first data packet going `direction`, from `from` on, relayed as needed. */
export function dataPath(hops: readonly PacketHop[], direction: Direction, from = 0): { hosts: string[]; end: number } {
  const start = hops.findIndex((h, i) => i >= from && h.direction === direction && h.data);
  if (start < 0) return { hosts: [], end: from };
  const path = packetPath(hops, hops[start] as PacketHop);
  for (;;) {
    const last = path.hosts[path.hosts.length - 1];
    // A relay: the host the packet reached sends data the same way on another packet.
    const next = hops.findIndex((h, i) => i > path.end && h.direction === direction && h.data && h.from === last && h.pid !== hops[start]?.pid);
    const replyFirst = hops.findIndex((h, i) => i > path.end && h.direction !== direction && h.data);
    if (next < 0 || (replyFirst >= 0 && replyFirst < next)) return path;
    const more = packetPath(hops, hops[next] as PacketHop);
    path.hosts.push(...more.hosts.slice(1));
    path.end = more.end;
  }
}

/** The first request's path and its reply's. */
export function requestPaths(hops: readonly PacketHop[]): { request: string[]; reply: string[]; portsRewritten: boolean } {
  const request = dataPath(hops, 'request');
  const first = hops.find((h) => h.direction === 'request' && h.data);
  const last = hops[request.end];
  // The ports the client sent against those the request arrived with at its end.
  const portsRewritten = first !== undefined && last !== undefined && (first.sport !== last.sport || first.dport !== last.dport);
  return { request: request.hosts, reply: dataPath(hops, 'reply', request.end).hosts, portsRewritten };
}
