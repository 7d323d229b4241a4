/**
 * fib_validate_source() and __fib_validate_source() (net/ipv4/fib_frontend.c); rp_filter and
 * accept_local as Documentation/networking/ip-sysctl.rst describes them: 0 no source validation,
 * 1 strict (the best route back must leave by the arrival interface), 2 loose (any route back).
 */
import { describe, expect, it } from 'vitest';
import { getPreset, simulate } from '../index';
import { ifConf } from '../host/sysctl';
import type { Iface } from '../host/iface';
import { dropsOf, ip, routeTable, testIface } from '../../test/builders';
import { validateSource, type SourceVerdict } from './validate-source';

// A router: eth0 10.0.0.0/24 (inside), eth1 192.168.1.0/24 with the default route (outside).
const lo = testIface('lo');
const eth0 = testIface('eth0', ['10.0.0.1/24']);
const eth1 = testIface('eth1', ['192.168.1.1/24']);
const ifaces = [lo, eth0, eth1];
const routed = routeTable(ifaces, [{ dst: 'default', via: '192.168.1.254' }]).table;
const noDefault = routeTable(ifaces).table;
const own = new Set(['10.0.0.1', '192.168.1.1', '127.0.0.1'].map(ip));

function check(src: string, arrival: Iface, rpFilter: number, acceptLocal = false, table = routed, outDev?: Iface): SourceVerdict {
  return validateSource(table, { src: ip(src), arrival, rpFilter, acceptLocal, isOwnAddress: (a) => own.has(a), ...(outDev ? { outDev } : {}) });
}

describe('validateSource', () => {
  describe('rp_filter=0', () => {
    it('accepts a source arriving on the "wrong" interface', () => {
      expect(check('10.0.0.9', eth1, 0)).toEqual({ ok: true });
    });

    it('accepts a source with no route back', () => {
      expect(check('8.8.8.8', eth0, 0, false, noDefault)).toEqual({ ok: true });
    });

    it('drops a packet whose source is one of the host\'s own addresses as a martian', () => {
      expect(check('10.0.0.1', eth0, 0)).toEqual({ ok: false, reason: 'martian-source', detail: 'own-address' });
      expect(check('192.168.1.1', eth0, 0)).toMatchObject({ ok: false, reason: 'martian-source' });
    });

    it('accepts one of its own addresses as source with accept_local=1 (the course\'s TUN real servers)', () => {
      expect(check('10.0.0.1', eth0, 0, true)).toEqual({ ok: true });
    });

    it('still checks for a martian when a forwarded packet leaves by its arrival interface (the redirect case goes the full way)', () => {
      expect(check('10.0.0.1', eth0, 0, false, routed, eth0)).toMatchObject({ ok: false, reason: 'martian-source' });
      expect(check('8.8.8.8', eth0, 0, false, noDefault, eth0)).toEqual({ ok: true });
    });
  });

  describe('rp_filter=1 (strict)', () => {
    it('accepts a source whose route back leaves by the arrival interface', () => {
      expect(check('10.0.0.9', eth0, 1)).toEqual({ ok: true });
      expect(check('8.8.8.8', eth1, 1)).toEqual({ ok: true });
    });

    it('fails when the route back leaves by another interface', () => {
      expect(check('10.0.0.9', eth1, 1)).toEqual({ ok: false, reason: 'rp-filter', detail: 'wrong-interface' });
      expect(check('8.8.8.8', eth0, 1)).toEqual({ ok: false, reason: 'rp-filter', detail: 'wrong-interface' });
    });

    it('fails when there is no route back at all', () => {
      expect(check('8.8.8.8', eth1, 1, false, noDefault)).toEqual({ ok: false, reason: 'rp-filter', detail: 'no-route-back' });
    });

    it('fails an own-address source with accept_local=1 unless that address is on the arrival interface', () => {
      expect(check('192.168.1.1', eth0, 1, true)).toEqual({ ok: false, reason: 'rp-filter', detail: 'wrong-interface' });
      expect(check('10.0.0.1', eth0, 1, true)).toEqual({ ok: true });
    });
  });

  describe('rp_filter=2 (loose)', () => {
    it('passes when any route back exists, whichever interface it uses', () => {
      expect(check('10.0.0.9', eth1, 2)).toEqual({ ok: true });
      expect(check('8.8.8.8', eth0, 2)).toEqual({ ok: true });
    });

    it('fails when there is no route back at all', () => {
      expect(check('8.8.8.8', eth0, 2, false, noDefault)).toEqual({ ok: false, reason: 'rp-filter', detail: 'no-route-back' });
    });

    it('passes an own-address source with accept_local=1 even from another interface', () => {
      expect(check('192.168.1.1', eth0, 2, true)).toEqual({ ok: true });
    });

    it('drops an own-address source without accept_local as a martian', () => {
      expect(check('10.0.0.1', eth0, 2)).toEqual({ ok: false, reason: 'martian-source', detail: 'own-address' });
    });
  });

  it('acts on the combined sysctls: all.rp_filter=1 makes eth0 strict even with eth0.rp_filter=0, all.accept_local=1 lets its own address in', () => {
    const c = ifConf(new Map([['net.ipv4.conf.all.rp_filter', 1], ['net.ipv4.conf.eth0.rp_filter', 0]]), 'eth0');
    expect(check('8.8.8.8', eth0, c.rpFilter, c.acceptLocal)).toMatchObject({ ok: false, reason: 'rp-filter' });
    const l = ifConf(new Map([['net.ipv4.conf.all.accept_local', 1]]), 'eth0');
    expect(check('10.0.0.1', eth0, l.rpFilter, l.acceptLocal)).toEqual({ ok: true });
  });
});

describe('source validation in the TUN course', () => {
  // The slide's VIP is the director's own address, so the IP-in-IP packet's outer source is an
  // address the real server holds on tunl0 (COURSE.md, measured on Debian 12).
  const dropsAt = (id: string) => dropsOf(simulate(getPreset(id)!, { requests: 1, maxTimeMs: 5_000 }).trace).map((d) => `${d.host} ${d.reason}`);

  it('drops the tunnelled packet as a martian on the real server without accept_local', () => {
    expect(dropsAt('tun-course-no-accept-local')).toContain('RS2 martian-source');
  });

  it('drops it with rp-filter when accept_local=1 but rp_filter=1 (the VIP lives on tunl0, not eth0)', () => {
    expect(dropsAt('tun-course-rp-filter')).toContain('RS2 rp-filter');
  });

  it('lets it through with accept_local=1 and rp_filter=0, as the course\'s working TUN lab', () => {
    expect(dropsAt('tun-course')).toEqual([]);
  });
});
