/**
 * How the kernel combines net.ipv4.conf.all.X with the interface's own value
 * (include/linux/inetdevice.h IN_DEV_MAXCONF / IN_DEV_ORCONF / IN_DEV_CONF_GET;
 * Documentation/networking/ip-sysctl.rst for each key).
 */
import { describe, expect, it } from 'vitest';
import { DR_ARP_SYSCTL } from '../scenarios/parts';
import { effectiveConf, ifConf, type SysctlMap } from './sysctl';

const conf = (entries: Record<string, number>): SysctlMap => new Map(Object.entries(entries));

describe('effectiveConf', () => {
  it('is 0 for every key when nothing is set, as on a fresh kernel', () => {
    for (const key of ['arp_ignore', 'arp_announce', 'rp_filter', 'accept_local', 'forwarding'] as const) {
      expect(effectiveConf(conf({}), 'eth0', key)).toBe(0);
    }
  });

  // ip-sysctl.rst: "The max value from conf/{all,interface}/arp_ignore is used" (likewise arp_announce, rp_filter).
  it.each(['arp_ignore', 'arp_announce', 'rp_filter'] as const)('takes the larger of all and the interface for %s', (key) => {
    expect(effectiveConf(conf({ [`net.ipv4.conf.all.${key}`]: 1, [`net.ipv4.conf.eth0.${key}`]: 0 }), 'eth0', key)).toBe(1);
    expect(effectiveConf(conf({ [`net.ipv4.conf.all.${key}`]: 0, [`net.ipv4.conf.eth0.${key}`]: 2 }), 'eth0', key)).toBe(2);
    expect(effectiveConf(conf({ [`net.ipv4.conf.all.${key}`]: 2, [`net.ipv4.conf.eth0.${key}`]: 1 }), 'eth0', key)).toBe(2);
  });

  it('makes a strict interface loose when all.rp_filter=2 (the maximum wins, not the more specific)', () => {
    expect(effectiveConf(conf({ 'net.ipv4.conf.all.rp_filter': 2, 'net.ipv4.conf.eth0.rp_filter': 1 }), 'eth0', 'rp_filter')).toBe(2);
  });

  // IN_DEV_ACCEPT_LOCAL is IN_DEV_ORCONF: either switch turns it on.
  it('turns accept_local on if either all or the interface has it', () => {
    expect(effectiveConf(conf({ 'net.ipv4.conf.all.accept_local': 1 }), 'eth0', 'accept_local')).toBe(1);
    expect(effectiveConf(conf({ 'net.ipv4.conf.eth0.accept_local': 1 }), 'eth0', 'accept_local')).toBe(1);
    expect(effectiveConf(conf({ 'net.ipv4.conf.eth1.accept_local': 1 }), 'eth0', 'accept_local')).toBe(0);
  });

  it('gives an interface without its own value the default one', () => {
    expect(effectiveConf(conf({ 'net.ipv4.conf.default.arp_ignore': 1 }), 'eth0', 'arp_ignore')).toBe(1);
    expect(effectiveConf(conf({ 'net.ipv4.conf.default.arp_ignore': 1, 'net.ipv4.conf.eth0.arp_ignore': 0 }), 'eth0', 'arp_ignore')).toBe(0);
  });

  it('turns forwarding on for every interface with net.ipv4.ip_forward=1', () => {
    const s = conf({ 'net.ipv4.ip_forward': 1 });
    expect(effectiveConf(s, 'eth0', 'forwarding')).toBe(1);
    expect(effectiveConf(s, 'eth1', 'forwarding')).toBe(1);
  });

  it('reads forwarding from the interface alone (IN_DEV_FORWARD is not combined with all)', () => {
    expect(effectiveConf(conf({ 'net.ipv4.ip_forward': 1, 'net.ipv4.conf.eth1.forwarding': 0 }), 'eth1', 'forwarding')).toBe(0);
    expect(effectiveConf(conf({ 'net.ipv4.conf.eth0.forwarding': 1 }), 'eth1', 'forwarding')).toBe(0);
  });
});

describe('ifConf', () => {
  it('gathers the combined values the stack reads on every packet', () => {
    const s = conf({ 'net.ipv4.ip_forward': 1, 'net.ipv4.conf.all.rp_filter': 1, 'net.ipv4.conf.eth0.accept_local': 1, 'net.ipv4.conf.all.arp_announce': 2 });
    expect(ifConf(s, 'eth0')).toMatchObject({ arpIgnore: 0, arpAnnounce: 2, rpFilter: 1, acceptLocal: true, forwarding: true });
  });

  it('leaves a real server\'s eth0 answering ARP when arp_ignore is set only on lo (requests arrive on eth0)', () => {
    expect(ifConf(conf({ 'net.ipv4.conf.lo.arp_ignore': 1, 'net.ipv4.conf.lo.arp_announce': 2 }), 'eth0')).toMatchObject({ arpIgnore: 0, arpAnnounce: 0 });
  });

  it('gives eth0 arp_ignore=1 and arp_announce=2 with the LVS-DR how-to\'s all + lo settings', () => {
    expect(ifConf(conf(DR_ARP_SYSCTL), 'eth0')).toMatchObject({ arpIgnore: 1, arpAnnounce: 2 });
  });
});
