/**
 * The trace as JSON, exactly the shape of docs/cli.md ("Trace JSON"). The CLI prints
 * it, golden tests snapshot it, the UI renders it. Addresses are dotted quads, MACs aa:bb:….
 */

export interface NoteJson {
  key: string;
  params: Record<string, string | number>;
}

export interface EndpointJson {
  host: string;
  if: string;
}

export interface TcpJson {
  sport: number;
  dport: number;
  seq: number;
  ack: number;
  flags: string[];
  len: number;
}

export interface IpJson {
  src: string;
  dst: string;
  ttl: number;
  proto: 'tcp' | 'udp' | 'icmp' | 'ipip';
  id?: number;
  tcp?: TcpJson;
  udp?: { sport: number; dport: number; len: number };
  icmp?: { type: number; code: number };
  inner?: { ip: IpJson; tcp?: TcpJson; udp?: { sport: number; dport: number; len: number }; icmp?: { type: number; code: number } };
}

export interface ArpJson {
  op: 'request' | 'reply';
  senderIp: string;
  senderMac: string;
  targetIp: string;
  targetMac: string;
}

interface EventBase {
  seq: number;
  t: number;
  note: NoteJson;
  conn?: number;
}

export interface FrameEventJson extends EventBase {
  kind: 'frame';
  segment: string;
  from: EndpointJson;
  to: EndpointJson[];
  eth: { src: string; dst: string; type: 'arp' | 'ipv4' };
  arp?: ArpJson;
  ip?: IpJson;
  /** The same number on every hop of one packet (through NAT, TTL changes and IP-in-IP). */
  packet?: number;
}

export interface ActionEventJson extends EventBase {
  kind: 'action';
  host: string;
  action: string;
  detail: Record<string, string | number | boolean>;
}

export interface DropEventJson extends EventBase {
  kind: 'drop';
  host: string;
  reason: string;
  ip?: IpJson;
  arp?: ArpJson;
}

export type TraceEventJson = FrameEventJson | ActionEventJson | DropEventJson;

export interface InterfaceJson {
  name: string;
  mac: string;
  addrs: string[];
  /** Present on an address list entry's alias: the contract lists one entry per label. */
  label?: string;
}

export interface TraceJson {
  scenario: string;
  seed: number;
  hosts: Record<string, { interfaces: InterfaceJson[] }>;
  events: TraceEventJson[];
}
