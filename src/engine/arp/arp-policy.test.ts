/**
 * arp_ignore and arp_announce as Linux implements them (net/ipv4/arp.c arp_ignore() and
 * arp_solicit(); net/ipv4/devinet.c confirm_addr_indev() and inet_select_addr();
 * Documentation/networking/ip-sysctl.rst), tested on hand-built interfaces, then in the DR lab.
 */
import { describe, expect, it } from 'vitest';
import { getPreset, simulate } from '../index';
import { SCOPE_HOST, SCOPE_LINK, type Iface } from '../host/iface';
import { inetSelectAddr } from '../route/source-select';
import { actionsOf, arpFramesFrom, ip, testIface } from '../../test/builders';
import { arpAnnounceSource, arpIgnoreDecision, confirmAddrOnDev, type ArpAnnounceInput } from './arp-policy';

// The course's DR lab: RS1 holds its RIP on eth0 and the VIP on lo:0; the director holds the VIP on eth0:0.
const VIP = ip('10.10.10.100');
const RIP = ip('10.10.10.12');
const CLIENT = ip('10.10.10.240');
const rsEth0 = testIface('eth0', ['10.10.10.12/24']);
const rsLo = testIface('lo', [['10.10.10.100/32', 'lo:0']]);
const rs = [rsLo, rsEth0];
const dEth0 = testIface('eth0', ['10.10.10.11/24', ['10.10.10.100/32', 'eth0:0']]);
// A router with two subnets, for the "which interface" and "which subnet" questions.
const rEth0 = testIface('eth0', ['10.0.0.1/24']);
const rEth1 = testIface('eth1', ['192.168.1.1/24']);
const router = [testIface('lo'), rEth0, rEth1];

describe('confirmAddrOnDev (devinet.c confirm_addr_indev)', () => {
  it('confirms an address configured on the device within the scope asked', () => {
    expect(confirmAddrOnDev(rsEth0, 0, RIP, SCOPE_HOST)).toBe(RIP);
    expect(confirmAddrOnDev(rsLo, 0, VIP, SCOPE_LINK)).toBe(VIP);
  });

  it('does not confirm an address that lives on another device', () => {
    expect(confirmAddrOnDev(rsEth0, 0, VIP, SCOPE_HOST)).toBe(0);
  });

  it('does not confirm a host-scope address (127.0.0.1) when asked for link scope', () => {
    expect(confirmAddrOnDev(rsLo, 0, ip('127.0.0.1'), SCOPE_LINK)).toBe(0);
    expect(confirmAddrOnDev(rsLo, 0, ip('127.0.0.1'), SCOPE_HOST)).toBe(ip('127.0.0.1'));
  });

  it('with a peer, confirms only when one subnet of the device holds both the address and the peer', () => {
    expect(confirmAddrOnDev(rsEth0, CLIENT, RIP, SCOPE_HOST)).toBe(RIP);
    expect(confirmAddrOnDev(rsEth0, ip('192.168.9.9'), RIP, SCOPE_HOST)).toBe(0);
  });

  it('with no local address given, picks the device address in the peer\'s subnet', () => {
    const two = testIface('eth0', ['10.0.0.1/24', '192.168.1.1/24']);
    expect(confirmAddrOnDev(two, ip('192.168.1.50'), 0, SCOPE_LINK)).toBe(ip('192.168.1.1'));
  });
});

describe('arpIgnoreDecision (arp.c arp_ignore)', () => {
  // arp_ignore runs only once the target is known to be local (ip_route_input says RTN_LOCAL).
  const decide = (level: number, arrival: Iface, all: readonly Iface[], sip: string, tip: string) =>
    arpIgnoreDecision(level, arrival, all, ip(sip), ip(tip));

  describe('arp_ignore=0', () => {
    it('replies for a local address on the arrival interface', () => {
      expect(decide(0, rsEth0, rs, '10.10.10.240', '10.10.10.12')).toEqual({ reply: true, level: 0 });
    });

    it('replies for any local address, even the VIP held on lo:0 (why a DR real server must change it)', () => {
      expect(decide(0, rsEth0, rs, '10.10.10.240', '10.10.10.100')).toEqual({ reply: true, level: 0 });
    });

    it('replies on eth1 for the address of eth0 (Linux addresses belong to the host, not the NIC)', () => {
      expect(decide(0, rEth1, router, '192.168.1.7', '10.0.0.1').reply).toBe(true);
    });
  });

  describe('arp_ignore=1', () => {
    it('replies to ARP only when the target address is on the arrival interface', () => {
      expect(decide(1, rsEth0, rs, '10.10.10.240', '10.10.10.12')).toEqual({ reply: true, level: 1 });
    });

    it('keeps the DR real server silent for the VIP on lo:0 (the target is not on eth0)', () => {
      expect(decide(1, rsEth0, rs, '10.10.10.240', '10.10.10.100')).toEqual({ reply: false, level: 1, why: 'not-on-arrival-if' });
    });

    it('lets the director answer for the VIP on eth0:0 (an alias is an address of eth0)', () => {
      expect(decide(1, dEth0, [testIface('lo'), dEth0], '10.10.10.240', '10.10.10.100').reply).toBe(true);
    });

    it('stays silent on eth1 for the address of eth0', () => {
      expect(decide(1, rEth1, router, '192.168.1.7', '10.0.0.1')).toMatchObject({ reply: false, why: 'not-on-arrival-if' });
    });
  });

  describe('arp_ignore=2', () => {
    it('replies when the sender is in a subnet of the arrival interface that also holds the target', () => {
      expect(decide(2, rsEth0, rs, '10.10.10.240', '10.10.10.12')).toEqual({ reply: true, level: 2 });
    });

    it('stays silent when the sender is in another subnet', () => {
      expect(decide(2, rsEth0, rs, '172.16.0.9', '10.10.10.12')).toEqual({ reply: false, level: 2, why: 'not-in-sender-subnet' });
    });

    it('stays silent when the target is not on the arrival interface at all', () => {
      expect(decide(2, rsEth0, rs, '10.10.10.240', '10.10.10.100')).toMatchObject({ reply: false, why: 'not-on-arrival-if' });
    });

    it('counts the VIP on eth0:0 as in the sender\'s subnet when eth0\'s /24 covers both (any address of the device may match)', () => {
      expect(decide(2, dEth0, [dEth0], '10.10.10.240', '10.10.10.100').reply).toBe(true);
    });
  });

  describe('arp_ignore=3', () => {
    it('replies for a global-scope address on any interface, even the VIP on lo:0', () => {
      expect(decide(3, rsEth0, rs, '10.10.10.240', '10.10.10.100')).toEqual({ reply: true, level: 3 });
    });

    it('does not reply for host-scope addresses such as 127.0.0.1', () => {
      expect(decide(3, rsEth0, rs, '10.10.10.240', '127.0.0.1')).toEqual({ reply: false, level: 3, why: 'host-scope' });
    });
  });

  describe('arp_ignore=4 to 7 (reserved) and 8', () => {
    it.each([4, 5, 6, 7])('replies with the reserved level %i, as the kernel\'s switch returns 0', (level) => {
      expect(decide(level, rsEth0, rs, '10.10.10.240', '10.10.10.100')).toEqual({ reply: true, level });
    });

    it('never replies with 8, not even for the arrival interface\'s own address', () => {
      expect(decide(8, rsEth0, rs, '10.10.10.240', '10.10.10.12')).toEqual({ reply: false, level: 8, why: 'never-reply' });
    });
  });
});

describe('arpAnnounceSource (arp.c arp_solicit)', () => {
  // The kernel falls back to inet_select_addr(dev, target, RT_SCOPE_LINK) whenever it drops the packet's source.
  const select = (all: readonly Iface[]) => (d: Iface, target: typeof VIP) => inetSelectAddr(d, target, SCOPE_LINK, all);
  const announce = (inp: Omit<ArpAnnounceInput, 'allIfaces'>, all: readonly Iface[]) => arpAnnounceSource({ ...inp, allIfaces: all }, select(all));

  describe('arp_announce=0', () => {
    it('uses the waiting packet\'s local source, even the VIP: the DR real server asks "who has the client, tell VIP"', () => {
      expect(announce({ level: 0, dev: rsEth0, packetSrc: VIP, packetSrcIsLocal: true, target: CLIENT }, rs)).toEqual({ saddr: VIP, from: 'packet-source' });
    });

    it('uses the interface\'s address when the waiting packet is forwarded (its source is not ours)', () => {
      expect(announce({ level: 0, dev: rEth0, packetSrc: ip('192.168.1.7'), packetSrcIsLocal: false, target: ip('10.0.0.9') }, router))
        .toEqual({ saddr: ip('10.0.0.1'), from: 'selected' });
    });

    it('uses the interface\'s address when no packet is waiting (a probe)', () => {
      expect(announce({ level: 0, dev: rsEth0, packetSrcIsLocal: false, target: CLIENT }, rs)).toEqual({ saddr: RIP, from: 'selected' });
    });
  });

  describe('arp_announce=1', () => {
    it('keeps the packet\'s source when it is in the target\'s subnet on this interface', () => {
      expect(announce({ level: 1, dev: rEth0, packetSrc: ip('10.0.0.1'), packetSrcIsLocal: true, target: ip('10.0.0.9') }, router))
        .toEqual({ saddr: ip('10.0.0.1'), from: 'packet-source' });
    });

    it('drops the packet\'s source when it is outside the target\'s subnet on this interface', () => {
      expect(announce({ level: 1, dev: rEth0, packetSrc: ip('192.168.1.1'), packetSrcIsLocal: true, target: ip('10.0.0.9') }, router))
        .toEqual({ saddr: ip('10.0.0.1'), from: 'selected' });
    });

    it('still announces the VIP when the VIP falls inside eth0\'s subnet (why DR real servers need 2, not 1)', () => {
      // inet_addr_onlink(eth0, client, VIP): 10.10.10.12/24 holds both.
      expect(announce({ level: 1, dev: rsEth0, packetSrc: VIP, packetSrcIsLocal: true, target: CLIENT }, rs)).toEqual({ saddr: VIP, from: 'packet-source' });
    });
  });

  describe('arp_announce=2', () => {
    it('always uses the interface\'s primary address in the target\'s subnet: the DR real server asks from its RIP, not the VIP', () => {
      expect(announce({ level: 2, dev: rsEth0, packetSrc: VIP, packetSrcIsLocal: true, target: CLIENT }, rs)).toEqual({ saddr: RIP, from: 'selected' });
    });

    it('avoids a secondary address even when the packet came from it', () => {
      const dev = testIface('eth0', ['10.0.0.1/24', '10.0.0.2/24']);
      expect(dev.addrs[1]?.secondary).toBe(true);
      expect(announce({ level: 2, dev, packetSrc: ip('10.0.0.2'), packetSrcIsLocal: true, target: ip('10.0.0.9') }, [dev]))
        .toEqual({ saddr: ip('10.0.0.1'), from: 'selected' });
    });
  });
});

describe('ARP policy in the DR lab', () => {
  // dr-lab sets arp_ignore=1/arp_announce=2 on all and lo; dr-lab-no-arp-sysctl leaves them at 0.
  const run = (id: string) => simulate(getPreset(id)!, { requests: 2 }).trace;

  it('has only the director answer the client\'s ARP for the VIP when the real servers set arp_ignore=1', () => {
    const t = run('dr-lab');
    const repliesForVip = ['D', 'RS1', 'RS2'].filter((h) => arpFramesFrom(t, h, 'reply').some((f) => f.arp?.senderIp === '10.10.10.100'));
    expect(repliesForVip).toEqual(['D']);
    expect(actionsOf(t, 'arp-ignore').filter((a) => a.detail.target === '10.10.10.100').map((a) => [a.host, a.detail.why]))
      .toEqual(expect.arrayContaining([['RS1', 'not-on-arrival-if'], ['RS2', 'not-on-arrival-if']]));
  });

  it('has the real servers ask for the client\'s MAC from their RIP, never the VIP, with arp_announce=2', () => {
    const t = run('dr-lab');
    const senders = ['RS1', 'RS2'].flatMap((h) => arpFramesFrom(t, h).filter((f) => f.arp?.targetIp === '10.10.10.240').map((f) => f.arp?.senderIp));
    expect(senders.length).toBeGreaterThan(0);
    expect(senders).not.toContain('10.10.10.100');
  });

  it('has the director and both real servers answer for the VIP without the sysctls', () => {
    const t = run('dr-lab-no-arp-sysctl');
    const answered = ['D', 'RS1', 'RS2'].filter((h) => arpFramesFrom(t, h, 'reply').some((f) => f.arp?.senderIp === '10.10.10.100'));
    expect(answered).toEqual(['D', 'RS1', 'RS2']);
  });
});
