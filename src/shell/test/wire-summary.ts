/**
 * What a session put on the wire, as facts two runs of the same lab agree on: per collision
 * domain and per sending interface the frames in the order it sent them (who asks and who answers ARP; IPv4 src → dst, TTL, protocol,
 * TCP flags with or without payload, ICMP type), per TCP connection who answered it, and per
 * packet where it was dropped (a hop after which it was never seen, at a host that does not own
 * its destination). Masked, because two real runs differ there (fixtures/oracle/README.md):
 * client ports (named c1, c2… in order of appearance), sequence numbers, timestamps, IP ids,
 * checksums, lengths of payloads, PSH, and a pure ACK more or less (a run of pure ACKs on one
 * hop of one connection counts as one). Pure: the kernel's pcap and the engine's trace are
 * both turned into WireFrames first.
 */

export interface WireTcp {
  readonly sport: number;
  readonly dport: number;
  readonly seq: number;
  readonly ack: number;
  readonly flags: readonly string[];
  readonly len: number;
}

export interface WireIp {
  readonly src: string;
  readonly dst: string;
  readonly ttl: number;
  readonly id?: number | undefined;
  readonly proto: 'tcp' | 'udp' | 'icmp' | 'ipip';
  readonly tcp?: WireTcp | undefined;
  readonly udp?: { readonly sport: number; readonly dport: number; readonly len: number } | undefined;
  readonly icmp?: { readonly type: number; readonly code: number } | undefined;
  readonly inner?: WireIp | undefined;
}

export interface WireFrame {
  /** Only orders frames of different domains; seconds or milliseconds, as the source has it. */
  readonly t: number;
  readonly domain: string;
  /** Ethernet source and destination MACs, aa:bb:…. */
  readonly src: string;
  readonly dst: string;
  readonly arp?: { readonly op: 'request' | 'reply'; readonly senderMac: string; readonly senderIp: string; readonly targetMac: string; readonly targetIp: string } | undefined;
  readonly ip?: WireIp | undefined;
  /** The same number on every hop of one packet, when the source knows it (the engine's trace). */
  readonly packet?: number | undefined;
}

export interface WireLab {
  /** MAC → `HOST.ethN`, from lab.conf. */
  readonly macs: ReadonlyMap<string, string>;
  /** Does the host hold this address (on any interface, lo and tunl0 included)? */
  readonly owns: (host: string, ip: string) => boolean;
}

/** Linux's ip_local_port_range: a port in it is a client's, and differs from run to run. */
const EPHEMERAL_LOW = 32768;
const BROADCAST = 'ff:ff:ff:ff:ff:ff';
const ICMP_NAMES: Record<number, string> = { 0: 'echo reply', 3: 'unreachable', 5: 'redirect', 8: 'echo request', 11: 'time exceeded' };

const innermost = (ip: WireIp): WireIp => (ip.inner ? innermost(ip.inner) : ip);
const isPureAck = (f: WireFrame): boolean => {
  const tcp = f.ip && innermost(f.ip).tcp;
  return tcp !== undefined && tcp.len === 0 && tcp.flags.every((x) => x === 'ACK' || x === 'PSH');
};

function tcpLabel(t: WireTcp): string {
  const has = (x: string): boolean => t.flags.includes(x);
  const name = has('SYN') ? (has('ACK') ? 'SYN-ACK' : 'SYN') : has('RST') ? (has('ACK') ? 'RST-ACK' : 'RST') : has('FIN') ? 'FIN-ACK' : 'ACK';
  return t.len > 0 ? `${name}+data` : name;
}

/** Formats frames of one block, naming client ports c1, c2… in order of appearance. */
class Namer {
  private readonly ports = new Map<number, string>();
  constructor(private readonly lab: WireLab) {}

  mac(m: string): string {
    return m === BROADCAST ? 'broadcast' : (this.lab.macs.get(m) ?? m);
  }

  port(p: number): string {
    if (p < EPHEMERAL_LOW) return String(p);
    let n = this.ports.get(p);
    if (n === undefined) this.ports.set(p, (n = `c${this.ports.size + 1}`));
    return n;
  }

  ip(ip: WireIp): string {
    const l4 = ip.tcp ?? ip.udp;
    const ends = l4 ? `${ip.src}:${this.port(l4.sport)} > ${ip.dst}:${this.port(l4.dport)}` : `${ip.src} > ${ip.dst}`;
    let what: string;
    if (ip.tcp) what = `TCP ${tcpLabel(ip.tcp)}`;
    else if (ip.udp) what = 'UDP';
    else if (ip.icmp) what = `ICMP ${ICMP_NAMES[ip.icmp.type] ?? `type ${ip.icmp.type}`}${ip.icmp.type === 3 || ip.icmp.type === 11 ? ` code ${ip.icmp.code}` : ''}`;
    else what = `IPIP [${this.ip(ip.inner as WireIp)}]`;
    return `${ends} ttl ${ip.ttl} ${what}`;
  }

  /** The frame without its hop: what it carries. */
  what(f: WireFrame): string {
    if (f.arp) return f.arp.op === 'request' ? `ARP who-has ${f.arp.targetIp} tell ${f.arp.senderIp}` : `ARP ${f.arp.senderIp} is-at ${this.mac(f.arp.senderMac)}`;
    return this.ip(f.ip as WireIp);
  }

  hop(f: WireFrame): string {
    return `${f.domain}  ${this.mac(f.src)} > ${this.mac(f.dst)}`;
  }
}

/** The identity of one packet across its hops: the engine's number, else what forwarding keeps (IP id and TCP sequence). */
function packetKey(f: WireFrame): string | undefined {
  if (!f.ip) return undefined;
  if (f.packet !== undefined) return `p${f.packet}`;
  const ip = innermost(f.ip);
  const t = ip.tcp;
  return t ? `${ip.id}/${t.seq}/${t.ack}/${t.flags.join()}/${t.len}` : `${ip.proto}/${ip.id}/${ip.icmp?.type}`;
}

/** The TCP connection a frame belongs to: its client's address and port (kept through NAT and tunnels). */
function connKey(f: WireFrame): string | undefined {
  const ip = f.ip && innermost(f.ip);
  const t = ip?.tcp;
  if (!ip || !t) return undefined;
  return t.sport >= EPHEMERAL_LOW ? `${ip.src}:${t.sport}` : `${ip.dst}:${t.dport}`;
}

/**
 * One block's summary (the frames one session line caused): per domain and sender, in the order
 * it sent them, one line per frame; then who served each connection and where packets were
 * dropped. How two senders' frames interleave on a domain is left out: it measures how fast each
 * host's programs ran (the VM's curl takes milliseconds between the handshake and its request,
 * the engine's none), not what the network did.
 */
export function summarizeBlock(frames: readonly WireFrame[], lab: WireLab): string[] {
  const names = new Namer(lab);
  const ordered = frames.map((f, i) => ({ f, i })).sort((a, b) => a.f.t - b.f.t || a.i - b.i).map((x) => x.f);
  const out: string[] = [];
  for (const domain of [...new Set(frames.map((f) => f.domain))].sort()) {
    const mine = frames.filter((f) => f.domain === domain);
    for (const sender of [...new Set(mine.map((f) => names.mac(f.src)))].sort()) {
      const sent = mine.filter((f) => names.mac(f.src) === sender);
      const lines = sent.map((f) => ({ key: `${names.hop(f)} ${connKey(f) ?? ''}`, text: `${names.hop(f)}  ${names.what(f)}`, pure: isPureAck(f) }));
      lines.forEach((l, i) => {
        // A pure ACK followed on its hop and connection by another pure ACK: one of a run (the
        // number of ACKs per exchange differs between two real runs).
        const next = l.pure ? lines.slice(i + 1).find((m) => m.key === l.key) : undefined;
        if (!next?.pure) out.push(l.text);
      });
    }
  }
  out.push(...connections(ordered, names), ...drops(ordered, names, lab));
  return out;
}

function connections(frames: readonly WireFrame[], names: Namer): string[] {
  const conns = new Map<string, { line: string; answer?: string }>();
  for (const f of frames) {
    const key = connKey(f);
    const ip = f.ip && innermost(f.ip);
    const t = ip?.tcp;
    if (!key || !ip || !t) continue;
    if (t.flags.includes('SYN') && !t.flags.includes('ACK') && !conns.has(key)) conns.set(key, { line: `${ip.src}:${names.port(t.sport)} > ${ip.dst}:${t.dport}` });
    const c = conns.get(key);
    if (!c || c.answer !== undefined || key === `${ip.src}:${t.sport}`) continue;
    const who = names.mac(f.src).replace(/\..*$/, '');
    if (t.flags.includes('SYN')) c.answer = `served by ${who}`;
    else if (t.flags.includes('RST')) c.answer = `refused by ${who}`;
  }
  return [...conns.values()].map((c) => `connection ${c.line}: ${c.answer ?? 'no answer'}`);
}

function drops(frames: readonly WireFrame[], names: Namer, lab: WireLab): string[] {
  const last = new Map<string, WireFrame>();
  for (const f of frames) {
    const key = packetKey(f);
    if (key !== undefined) last.set(key, f);
  }
  const out: string[] = [];
  for (const f of last.values()) {
    if (f.dst === BROADCAST) continue;
    const at = names.mac(f.dst).replace(/\..*$/, '');
    if (!lab.owns(at, (f.ip as WireIp).dst)) out.push(`dropped at ${at}: ${names.what(f)} (last on ${f.domain})`);
  }
  // Once per kind of packet: the kernel's retransmissions can share what identifies them here.
  return [...new Set(out)];
}

/**
 * Takes neighbour re-validation out of the blocks: a unicast ARP request (the kernel's probe of a
 * STALE entry, neigh_probe) and the reply to it. When it falls depends on the reachable time's
 * random draw and on how long each command took, so two real runs put it in different lines.
 */
export function splitProbes(blocks: readonly (readonly WireFrame[])[]): { blocks: WireFrame[][]; probes: WireFrame[] } {
  const probes: WireFrame[] = [];
  const asked = new Map<string, number>();
  const kept = blocks.map((frames) => frames.filter((f) => {
    const a = f.arp;
    if (!a) return true;
    if (a.op === 'request' && f.dst !== BROADCAST) {
      asked.set(`${a.senderIp}>${a.targetIp}`, (asked.get(`${a.senderIp}>${a.targetIp}`) ?? 0) + 1);
      probes.push(f);
      return false;
    }
    const key = `${a.targetIp}>${a.senderIp}`;
    const n = asked.get(key) ?? 0;
    if (a.op !== 'reply' || n === 0) return true;
    asked.set(key, n - 1);
    probes.push(f);
    return false;
  }));
  return { blocks: kept, probes };
}

/** The probes of a whole session, as a sorted list: what was asked and answered, not when. */
export function summarizeProbes(probes: readonly WireFrame[], lab: WireLab): string[] {
  const names = new Namer(lab);
  return probes.map((f) => `${names.hop(f)}  ${names.what(f)}`).sort();
}
