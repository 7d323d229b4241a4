/**
 * Sending an IPv4 packet to a next hop on an Ethernet interface: resolve the next hop's MAC
 * through the neighbour cache (neigh_resolve_output / __neigh_event_send), queueing packets
 * while INCOMPLETE, retrying the broadcast request 3 times a second apart, then failing and
 * dropping what was queued (arp-timeout), each answered with ICMP host unreachable, as Linux does.
 * The retries run on the kernel's timer wheel, so each comes 4-32 ms after its second (timer-wheel.ts).
 */
import { formatIpv4, type Ipv4 } from '../addr/ipv4';
import { MAC_BROADCAST, MAC_ZERO, type Mac } from '../addr/mac';
import type { Iface } from '../host/iface';
import { transmitFrame, transmitIpv4 } from '../l2/segment';
import { inetSelectAddr } from '../route/source-select';
import { SCOPE_LINK } from '../host/iface';
import { schedule, scheduleWheel, type Host, type World } from '../sim/world';
import type { EthernetRepr, Ipv4Repr } from '../wire/repr';
import { arpAnnounceSource } from './arp-policy';
import { carriesPendingConfirm } from './pending-confirm';
import { isBroadcastOn } from '../route/broadcast';
import { ICMP_DEST_UNREACH, UNREACH_HOST, icmpSendError } from '../host/icmp';
import {
  ARP_DELAY_FIRST_PROBE_MS, ARP_MCAST_SOLICIT, ARP_RETRANS_MS, ARP_UCAST_SOLICIT, ARP_UNRES_QLEN,
  randomReachableMs, stateAt, type Neigh,
} from './neigh-table';

/** Sends `ip` out of `dev` to a neighbour whose address is known (neigh_hh_output). */
export function sendIpFrame(w: World, dev: Iface, n: Neigh, ip: Ipv4Repr, conn: number): void {
  transmitIpv4(w, dev, hardwareHeader(dev, n), ip, conn);
}

/** The neighbour's cached Ethernet header (neigh_hh_init), made again when its address has changed. */
function hardwareHeader(dev: Iface, n: Neigh): EthernetRepr {
  const mac = n.mac as Mac;
  const hh = n.hh;
  if (hh !== undefined && hh.dst === mac) return hh;
  return (n.hh = { src: dev.mac, dst: mac });
}

/** Sends `ip` out of `dev` towards `nextHop`, resolving its MAC first if needed. */
export function neighOutput(w: World, host: Host, dev: Iface, nextHop: Ipv4, ip: Ipv4Repr, conn: number): void {
  let n = host.neigh.get(dev.index, nextHop);
  if (n) {
    // sock_confirm_neigh, before the entry's state is looked at: a confirmed DELAY entry needs no probe.
    if (carriesPendingConfirm(w, ip)) n.confirmed = w.now;
    const state = stateAt(n, w.now);
    if (n.mac !== null && (state === 'REACHABLE' || state === 'PERMANENT' || state === 'DELAY' || state === 'PROBE')) {
      sendIpFrame(w, dev, n, ip, conn);
      return;
    }
    if (n.mac !== null && state === 'STALE') {
      // Using a STALE entry: send now, and look for proof of reachability within 5 s.
      n.state = 'DELAY';
      n.updated = w.now;
      armDelayTimer(w, host, dev, n);
      sendIpFrame(w, dev, n, ip, conn);
      return;
    }
    if (state === 'INCOMPLETE') {
      enqueue(w, host, n, ip, conn);
      return;
    }
    // FAILED: start over.
    n.state = 'INCOMPLETE';
    n.probes = 0;
  } else {
    // A broadcast address of the device has no entry to resolve: the frame goes to everyone.
    if (isBroadcastOn(dev, nextHop)) {
      transmitIpv4(w, dev, { src: dev.mac, dst: MAC_BROADCAST }, ip, conn);
      return;
    }
    n = host.neigh.create(dev.index, nextHop, w.now, randomReachableMs(w.rng.neigh.u32()));
  }
  n.updated = w.now;
  enqueue(w, host, n, ip, conn);
  solicit(w, host, dev, n, conn);
}

function enqueue(w: World, host: Host, n: Neigh, ip: Ipv4Repr, conn: number): void {
  if (n.queue.length >= ARP_UNRES_QLEN) {
    const old = n.queue.shift();
    if (old) w.trace.drop(w.now, host.id, 'neigh-queue-full', { ip: old.ip }, old.conn);
  }
  n.queue.push({ ip, conn });
}

/** neigh_event_send without a packet: start resolving `nextHop` unless an entry exists (__ip_do_redirect's new gateway). */
export function neighSolicitOnly(w: World, host: Host, dev: Iface, nextHop: Ipv4, conn: number): void {
  const old = host.neigh.get(dev.index, nextHop);
  if (old && old.state !== 'FAILED') return;
  const n = old ?? host.neigh.create(dev.index, nextHop, w.now, randomReachableMs(w.rng.neigh.u32()));
  n.state = 'INCOMPLETE';
  n.probes = 0;
  n.updated = w.now;
  solicit(w, host, dev, n, conn);
}

/** arp_solicit: one request (broadcast while INCOMPLETE, unicast while PROBE) and its timer. */
function solicit(w: World, host: Host, dev: Iface, n: Neigh, conn: number): void {
  n.probes++;
  const waiting = n.queue[n.queue.length - 1]?.ip;
  const level = dev.conf.arpAnnounce;
  const choice = arpAnnounceSource(
    {
      level, dev, allIfaces: host.ifaces, target: n.ip, packetSrcIsLocal: waiting !== undefined && host.ownAddrs.has(waiting.src),
      ...(waiting !== undefined ? { packetSrc: waiting.src } : {}),
    },
    (d, target) => inetSelectAddr(d, target, SCOPE_LINK, host.ifaces),
  );
  const unicast = n.state === 'PROBE' && n.mac !== null;
  if (w.trace.retain) {
    w.trace.action(w.now, host.id, 'arp-request', {
      target: formatIpv4(n.ip), sender: formatIpv4(choice.saddr as Ipv4), announce: level, from: choice.from, attempt: n.probes,
    }, conn, { target: formatIpv4(n.ip), sender: formatIpv4(choice.saddr as Ipv4), announce: level, attempt: n.probes },
    `action.arp-request.${choice.from}`);
  }
  transmitFrame(w, dev, {
    eth: { src: dev.mac, dst: unicast ? (n.mac as Mac) : MAC_BROADCAST },
    type: 'arp',
    arp: { op: 'request', senderMac: dev.mac, senderIp: choice.saddr as Ipv4, targetMac: MAC_ZERO, targetIp: n.ip },
  }, conn);
  const gen = ++n.timerGen;
  scheduleWheel(w, ARP_RETRANS_MS, () => {
    if (n.timerGen !== gen) return;
    if (n.state !== 'INCOMPLETE' && n.state !== 'PROBE') return;
    const max = n.state === 'INCOMPLETE' ? ARP_MCAST_SOLICIT : ARP_UCAST_SOLICIT;
    if (n.probes < max) {
      solicit(w, host, dev, n, conn);
      return;
    }
    fail(w, host, n);
  });
}

function fail(w: World, host: Host, n: Neigh): void {
  n.state = 'FAILED';
  n.mac = null;
  n.updated = w.now;
  const queued = n.queue;
  n.queue = [];
  for (const q of queued) {
    w.trace.drop(w.now, host.id, 'arp-timeout', { ip: q.ip }, q.conn, { nexthop: formatIpv4(n.ip), tries: n.probes });
    // neigh_invalidate → arp_error_report → ipv4_link_failure: every dropped packet, made here
    // or forwarded, is answered with ICMP host unreachable (connect() fails with EHOSTUNREACH,
    // ping prints "Destination Host Unreachable"), from the address routing picks.
    icmpSendError(w, host, q.ip, ICMP_DEST_UNREACH, UNREACH_HOST, q.conn, { srcByRoute: true });
  }
}

/**
 * DELAY's 5 s timer. On the kernel it too is a wheel timer (up to 256 ms late), but it stays
 * exact here: whether it probes depends on how long before it the last confirmation came, and the
 * oracle VM's slow links spread a curl's segments (the confirmations) over a second or more where
 * the engine's take milliseconds; a late timer then probed in labs (dr-no-arp, iproute2,
 * neigh-confirm, python-http) where the VM did not.
 */
function armDelayTimer(w: World, host: Host, dev: Iface, n: Neigh): void {
  const gen = ++n.timerGen;
  schedule(w, ARP_DELAY_FIRST_PROBE_MS, () => {
    if (n.timerGen !== gen || n.state !== 'DELAY') return;
    // Confirmed during the delay (neigh_timer_handler: confirmed + delay_probe_time): reachable again.
    if (w.now <= n.confirmed + ARP_DELAY_FIRST_PROBE_MS) {
      n.state = 'REACHABLE';
      return;
    }
    n.state = 'PROBE';
    n.probes = 0;
    n.updated = w.now;
    solicit(w, host, dev, n, 0);
  });
}

/**
 * neigh_update for an ARP message: a valid entry keeps its address against a different one
 * unless `override` (the locktime has passed, or it is gratuitous). The first answer wins.
 * Returns whether the entry took the new address; queued packets wait for neighFlush.
 */
export function neighUpdate(w: World, host: Host, dev: Iface, n: Neigh, mac: Mac, state: 'REACHABLE' | 'STALE', override: boolean): 'set' | 'same' | 'ignored' {
  const valid = n.mac !== null && n.state !== 'INCOMPLETE' && n.state !== 'FAILED';
  if (valid && n.mac !== mac && !override) return 'ignored';
  // Same address, weaker news: keep the state we had.
  const next = valid && n.mac === mac && state === 'STALE' ? n.state : state;
  const changed = n.mac !== mac || n.state !== next;
  n.state = next;
  if (changed) n.updated = w.now;
  if (state === 'REACHABLE') n.confirmed = w.now;
  n.mac = mac;
  // __neigh_update deletes the pending timer only when the state changes.
  if (changed) n.timerGen++;
  return changed ? 'set' : 'same';
}

/** Sends what waited for this entry's address (after the caller has traced the update). */
export function neighFlush(w: World, dev: Iface, n: Neigh): void {
  if (n.mac === null || n.queue.length === 0) return;
  const queued = n.queue;
  n.queue = [];
  for (const q of queued) sendIpFrame(w, dev, n, q.ip, q.conn);
}
