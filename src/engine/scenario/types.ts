/**
 * The scenario format (version 1): what the app imports/exports, links encode and the CLI reads.
 * Plain JSON; addresses as text. schema.ts validates untrusted input into this shape, naming
 * the JSON path of anything wrong; build.ts turns it into a simulated world.
 */

/** Text shown to learners, in both of the course's languages. */
export interface I18nText {
  en: string;
  zh: string;
}

export type HostRole = 'client' | 'router' | 'director' | 'real-server' | 'proxy' | 'server' | 'switch';

export interface AddrSpec {
  /** Address with prefix length, as `ip addr` shows it: "10.10.10.100/32". */
  cidr: string;
  /** Linux alias label, e.g. "eth0:0" or "lo:0"; absent = the interface's own name. */
  label?: string;
  /** Broadcast address (`ip addr add … brd B`, set by ifconfig); absent = none, as `ip addr add` leaves it. */
  brd?: string;
}

export interface IfaceSpec {
  /** "eth0", "eth1", "lo", "tunl0" (tunl0 = the IP-in-IP fallback device, which implies the ipip module). */
  name: string;
  /** "02:00:…"; absent = derived from host and interface order. */
  mac?: string;
  /** Administrative state; default true. */
  up?: boolean;
  addrs: AddrSpec[];
}

export interface RouteSpec {
  /** "10.0.0.0/8" or "default". */
  dst: string;
  via?: string;
  dev?: string;
  /** Preferred source (ip route … src). */
  src?: string;
}

export interface DestSpec {
  addr: string;
  port: number;
  method: 'masq' | 'gate' | 'ipip';
  /** Default 1. */
  weight?: number;
  uThreshold?: number;
  lThreshold?: number;
}

export interface ServiceSpec {
  proto: 'tcp' | 'udp';
  vip: string;
  port: number;
  /** Firewall-mark service (ipvsadm -f); vip/port then unused. */
  fwmark?: number;
  scheduler: string;
  /** -b scheduler flags: sh-fallback, sh-port, mh-fallback, mh-port. */
  schedFlags?: string[];
  persistence?: { timeoutS: number; netmask?: string };
  /** In `ipvsadm -a` order. */
  dests: DestSpec[];
}

export type AppSpec =
  | {
      kind: 'http-server';
      port: number;
      /** The page it serves (/var/www/html/index.html); absent = a page naming the host and the address asked. */
      page?: string;
      /** What serves: absent = the web server (Apache/nginx); 'python3' = `python3 -m http.server`, whose error pages differ. */
      program?: 'python3';
    }
  | {
      kind: 'http-client';
      /** "VIP:port". */
      target: string;
      requests: number;
      /** When the first request starts, ms; default 0. */
      startMs?: number;
      /** Pause after one request ends before the next begins, ms; default 100. */
      gapMs?: number;
      /** How long the client keeps each connection open after the response, ms; default 0. */
      holdMs?: number;
    }
  | { kind: 'l7-proxy'; port: number; upstreams: string[] }
  /** Answers every datagram with one naming its host (a DNS-like service for UDP virtual services). */
  | { kind: 'udp-server'; port: number }
  | {
      /** Like `dig`: each request one datagram from a new ephemeral port, then waits for the answer. */
      kind: 'udp-client';
      /** "VIP:port". */
      target: string;
      requests: number;
      startMs?: number;
      /** Pause after one request ends before the next begins, ms; default 100. */
      gapMs?: number;
      /** How long to wait for the answer before the request fails, ms; default 1000. */
      timeoutMs?: number;
    };

/**
 * A packet mark set before routing, as `iptables -t mangle -A PREROUTING [-d DST] [-p PROTO
 * --dport PORT] -j MARK --set-mark MARK` does; firewall-mark services (ipvsadm -f) match it.
 * MARK does not stop the chain: when several rules match, the last one's mark stays.
 */
export interface MarkSpec {
  /** Destination address or prefix, e.g. "10.10.10.100/32"; absent = any. */
  dst?: string;
  proto?: 'tcp' | 'udp';
  dport?: number;
  mark: number;
}

export interface HostSpec {
  id: string;
  role: HostRole;
  /** Display name, e.g. RS1 上海 Shanghai; default the id. */
  name?: I18nText;
  /** Layout hint for the topology view, in a 1000 × 600 box. */
  position?: { x: number; y: number };
  interfaces: IfaceSpec[];
  routes?: RouteSpec[];
  /** Linux sysctl names: "net.ipv4.ip_forward", "net.ipv4.conf.all.arp_ignore", "net.ipv4.conf.eth0.rp_filter", … */
  sysctl?: Record<string, number>;
  ipvs?: { services: ServiceSpec[] };
  /** Packet marks (iptables mangle PREROUTING MARK rules), for firewall-mark services. */
  marks?: MarkSpec[];
  apps?: AppSpec[];
}

export interface SegmentSpec {
  id: string;
  /** A switch (one broadcast domain) or a point-to-point link. */
  kind: 'switch' | 'link';
  /** One-way latency, ms; default 1. */
  latencyMs?: number;
  ports: Array<{ host: string; if: string }>;
  name?: I18nText;
  position?: { x: number; y: number };
}

export type ScenarioGroup = 'basics' | 'overview' | 'modes' | 'labs' | 'broken';

export interface Scenario {
  version: 1;
  id: string;
  title: I18nText;
  summary: I18nText;
  group?: ScenarioGroup;
  /** Teaching notes shown beside the scenario: where the slide simplifies, what to look for. */
  lessons?: I18nText[];
  seed?: number;
  hosts: HostSpec[];
  segments: SegmentSpec[];
}
