/**
 * arp_process (net/ipv4/arp.c): answer requests for our addresses as arp_ignore allows, and
 * learn from what arrives. Unsolicited ARP creates no entry (arp_accept=0); replies update an
 * existing one unless another answer came within locktime (the first answer wins).
 */
import { formatIpv4, isLoopbackNet, isMulticast, type Ipv4 } from '../addr/ipv4';
import { formatMac, type Mac } from '../addr/mac';
import type { Iface } from '../host/iface';
import { transmitFrame } from '../l2/segment';
import { validateSource } from '../route/validate-source';
import { isOwnAddress, type Host, type World } from '../sim/world';
import type { ArpRepr } from '../wire/repr';
import { arpIgnoreDecision } from './arp-policy';
import { ARP_LOCKTIME_MS, randomReachableMs } from './neigh-table';
import { neighFlush, neighUpdate } from './resolve';

export function arpRcv(w: World, host: Host, dev: Iface, arp: ArpRepr, toUs: boolean, conn: number): void {
  // arp_process drops requests for multicast and (without route_localnet) loopback targets.
  if (dev.addrs.length === 0 || isMulticast(arp.targetIp) || isLoopbackNet(arp.targetIp)) return;
  const { senderIp: sip, targetIp: tip, senderMac: sha } = arp;
  const isGarp = sip === tip;
  // A request for one of our addresses that routing accepted ends here, answered or not
  // (arp_process: goto out_consume_skb); only other messages update the cache below.
  let consumed = false;

  if (arp.op === 'request' && !isGarp && host.routes.lookup(tip)?.type === 'local') {
    const v = validateSource(host.routes, {
      src: sip, arrival: dev, rpFilter: dev.conf.rpFilter, acceptLocal: dev.conf.acceptLocal,
      isOwnAddress: (a) => isOwnAddress(host, a),
    });
    const level = dev.conf.arpIgnore;
    let d = v.ok ? arpIgnoreDecision(level, dev, host.ifaces, sip, tip) : undefined;
    // arp_filter(): with arp_filter=1, stay silent unless our route back to the asker uses this interface.
    if (d?.reply && dev.conf.arpFilter && host.routes.lookup(sip)?.dev !== dev) d = { reply: false, level, why: 'arp-filter' };
    if (d?.reply) {
      // neigh_event_ns: the asker becomes a STALE entry, so our reply needs no ARP of its own.
      let n = host.neigh.get(dev.index, sip);
      n ??= host.neigh.create(dev.index, sip, w.now, randomReachableMs(w.rng.neigh.u32()));
      neighUpdate(w, host, dev, n, sha, 'STALE', true);
      if (w.trace.retain) {
        w.trace.action(w.now, host.id, 'arp-reply', { target: formatIpv4(tip), dev: dev.name, arpIgnore: level }, conn,
          { target: formatIpv4(tip), dev: dev.name, mac: formatMac(dev.mac), level });
      }
      transmitFrame(w, dev, {
        eth: { src: dev.mac, dst: sha },
        type: 'arp',
        arp: { op: 'reply', senderMac: dev.mac, senderIp: tip, targetMac: sha, targetIp: sip },
      }, conn);
      neighFlush(w, dev, n);
    } else if (w.trace.retain) {
      const why = d ? d.why : v.ok ? 'none' : v.reason;
      w.trace.action(w.now, host.id, 'arp-ignore', { target: formatIpv4(tip), dev: dev.name, arpIgnore: level, why }, conn,
        { target: formatIpv4(tip), dev: dev.name, level }, `action.arp-ignore.${why}`);
    }
    consumed = v.ok;
  }

  const n = host.neigh.get(dev.index, sip);
  if (!n || consumed) return;
  // time_after(jiffies, updated + locktime): strictly later.
  const override = w.now > n.updated + ARP_LOCKTIME_MS || isGarp;
  // Broadcast replies and requests do not prove reachability.
  const state = arp.op === 'reply' && toUs ? 'REACHABLE' : 'STALE';
  const before = n.mac;
  const r = neighUpdate(w, host, dev, n, sha, state, override);
  if (w.trace.retain) traceUpdate(w, host.id, r, sip, before, sha, n.state, conn);
  neighFlush(w, dev, n);
}

function traceUpdate(w: World, hostId: string, r: 'set' | 'same' | 'ignored', sip: Ipv4, before: Mac | null, sha: Mac, state: string, conn: number): void {
  if (r === 'ignored') {
    w.trace.action(w.now, hostId, 'arp-locktime-ignore', { ip: formatIpv4(sip), kept: formatMac(before ?? sha), offered: formatMac(sha) }, conn,
      { ip: formatIpv4(sip), kept: formatMac(before ?? sha), offered: formatMac(sha) });
  } else if (r === 'set') {
    w.trace.action(w.now, hostId, 'arp-learn', { ip: formatIpv4(sip), mac: formatMac(sha), state }, conn,
      { ip: formatIpv4(sip), mac: formatMac(sha), state });
  }
}
