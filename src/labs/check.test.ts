import { describe, expect, it } from 'vitest';
import { validateScenario } from '../engine';
import { buildDr } from './build-dr';
import { buildNat } from './build-nat';
import { buildTun } from './build-tun';
import { checkLab } from './check';
import { on } from './lines';
import { diagnosisText, reportText } from './messages';
import { solution } from './solution';
import type { BuildLab, TypedLine } from './types';

/** The lab's commands with `from` lines replaced by `to` (the same host), as a learner's slip would. */
function typedWith(lab: BuildLab, swaps: ReadonlyArray<[from: RegExp, to: string | null]>, extra: readonly TypedLine[] = []): TypedLine[] {
  const out: TypedLine[] = [];
  for (const t of solution(lab)) {
    const swap = swaps.find(([re]) => re.test(t.line));
    if (!swap) out.push(t);
    else if (swap[1] !== null) out.push({ host: t.host, line: t.line.replace(swap[0], swap[1]) });
  }
  return [...out, ...extra];
}

const en = (lab: BuildLab, typed: readonly TypedLine[]): { code: string | undefined; text: string } => {
  const r = checkLab(lab, typed);
  return { code: r.diagnosis?.code, text: reportText(lab, r, 'en') };
};

describe('a lab starts from bare machines', () => {
  it.each([buildDr, buildNat, buildTun])('$id: cabled, validated, with no address on any host the learner configures', (lab) => {
    expect(validateScenario(lab.start).ok).toBe(true);
    for (const h of lab.start.hosts.filter((x) => x.id !== 'R')) {
      expect(h.interfaces.flatMap((i) => i.addrs)).toEqual([]);
      expect(h.ipvs).toBeUndefined();
      expect(h.routes).toBeUndefined();
    }
  });

  it.each([buildDr, buildNat, buildTun])('$id: nothing typed, the check says the client has no address yet (step 1)', (lab) => {
    const r = en(lab, []);
    expect(r.code).toBe('client-silent');
    expect(r.text).toMatch(/\(step 1\)$/);
  });
});

describe('the course\'s commands pass, whatever the scheduler', () => {
  it.each([buildDr, buildNat, buildTun])('$id with rr: every request through the director, answered from the VIP, three each', (lab) => {
    const r = checkLab(lab, solution(lab));
    expect(r.diagnosis).toBeUndefined();
    expect(r.passed).toBe(true);
    expect(r.servedCounts).toEqual({ RS1: 3, RS2: 3 });
    expect(reportText(lab, r, 'en')).toBe(`Passed: 6 requests, every one through the director (rr) and answered from the VIP ${lab.vip}: RS1 ×3, RS2 ×3`);
  });

  it('DR with wrr and weights 2:1 passes with the load shared 2:1', () => {
    const r = checkLab(buildDr, typedWith(buildDr, [[/-s rr/, '-s wrr'], [/-r 10\.10\.10\.12 -g/, '-r 10.10.10.12 -g -w 2']]));
    expect(r.passed).toBe(true);
    expect(r.scheduler).toBe('wrr');
    expect(r.servedCounts).toEqual({ RS1: 4, RS2: 2 });
  });

  it('DR and NAT with wlc pass, sharing the load', () => {
    for (const lab of [buildDr, buildNat]) {
      const r = checkLab(lab, typedWith(lab, [[/-s rr/, '-s wlc']]));
      expect(r.passed).toBe(true);
      expect(r.scheduler).toBe('wlc');
      expect((r.servedCounts['RS1'] ?? 0) + (r.servedCounts['RS2'] ?? 0)).toBe(6);
    }
  });
});

describe('each broken variant\'s mistake, typed, gets its own diagnosis', () => {
  it('DR without the four arp lines (dr-lab-no-arp-sysctl): the client took a real server\'s ARP reply', () => {
    const r = en(buildDr, solution(buildDr, ['arp']));
    expect(r.code).toBe('arp-answered-by-real-server');
    expect(r.text).toMatch(/^every request went straight to RS\d and the director saw none: C took RS\d's ARP reply for the VIP 10\.10\.10\.100 — set arp_ignore and arp_announce on the real servers \(step 3\)$/);
  });

  it('DR without the VIP on lo (dr-lab-no-vip-on-lo): the real server drops what the director passes it', () => {
    const r = en(buildDr, solution(buildDr, ['vip-on-lo']));
    expect(r.code).toBe('vip-not-on-real-server');
    expect(r.text).toMatch(/^RS\d dropped the requests the director passed it: .* put the VIP on lo:0 \(step 4\)$/);
  });

  it('DR with a mapped port (dr-lab-port-mapping): the real server refuses the VIP\'s port', () => {
    const typed = typedWith(buildDr, [[/-r 10\.10\.10\.12 -g/, '-r 10.10.10.12:8080 -g']], on('RS1', 'service apache2 stop', 'python3 -m http.server 8080 &'));
    const r = en(buildDr, typed);
    expect(r.code).toBe('port-mapping');
    expect(r.text).toContain('RS1 refused the connection to port 80: its web server listens on 8080.');
    expect(r.text).toMatch(/\(step 5\)$/);
  });

  it('DR whose director holds only the VIP (dr-course-no-dip): the director cannot reach the real servers', () => {
    const r = en(buildDr, typedWith(buildDr, [[/^ifconfig eth0 10\.10\.10\.11 .*/, null]]));
    expect(r.code).toBe('director-cannot-reach');
    expect(r.text).toMatch(/^the director scheduled RS\d \(10\.10\.10\.1[23]\) but could not reach it .*not only the VIP \(step 1\)$/);
  });

  it('NAT with a real server\'s gateway that no host holds (nat-lab-bad-gateway)', () => {
    const typed = solution(buildNat).map((t) => (t.host === 'RS1' && t.line.startsWith('route') ? { ...t, line: 'route add default gw 10.10.10.1' } : t));
    const r = en(buildNat, typed);
    expect(r.code).toBe('gateway-unreachable');
    expect(r.text).toBe('the SYN-ACK never left RS1: its gateway 10.10.10.1 does not answer ARP — the default gateway must be the director (step 3)');
  });

  it('NAT without the real servers\' default route: no route back to the client', () => {
    const r = en(buildNat, solution(buildNat, ['gateway']));
    expect(r.code).toBe('real-server-no-route');
    expect(r.text).toMatch(/^the SYN-ACK never left RS\d: it has no route to 20\.20\.20\.22 — its default gateway must be the director \(step 3\)$/);
  });

  it('NAT without ip_forward: the director drops the replies', () => {
    const r = en(buildNat, solution(buildNat, ['forward']));
    expect(r.code).toBe('director-not-forwarding');
    expect(r.text).toMatch(/ip_forward=0.*\(step 2\)$/);
  });

  it('NAT built with -g: the wrong forwarding method is named', () => {
    const r = en(buildNat, typedWith(buildNat, [[/:80 -m$/, ':80 -g']]));
    expect(r.code).toBe('wrong-forwarding-method');
    expect(r.text).toContain('by direct routing (-g), but this lab is built on masquerading (-m)');
  });

  it('TUN without tunl0 (tun-course-no-tunl0): protocol unreachable from the real server', () => {
    const r = en(buildTun, solution(buildTun, ['tunnel']));
    expect(r.code).toBe('no-tunnel');
    expect(r.text).toMatch(/^RS\d cannot unwrap IP-in-IP .*modprobe ipip.* \(step 3\)$/);
  });

  it('TUN without accept_local (tun-course-no-accept-local): dropped as martians', () => {
    const r = en(buildTun, solution(buildTun, ['accept-local']));
    expect(r.code).toBe('martian-source');
    expect(r.text).toMatch(/^RS\d dropped the tunnelled packets as martians: their outer source 11\.22\.33\.44 .* \(step 4\)$/);
  });

  it('TUN with a strict reverse-path filter (tun-course-rp-filter)', () => {
    const r = en(buildTun, [...solution(buildTun), ...on('RS1', 'echo 1 > /proc/sys/net/ipv4/conf/all/rp_filter'), ...on('RS2', 'echo 1 > /proc/sys/net/ipv4/conf/all/rp_filter')]);
    expect(r.code).toBe('rp-filter');
    expect(r.text).toMatch(/reverse-path filter dropped .* set rp_filter to 0 on all and tunl0 \(step 3\)$/);
  });
});

describe('the other steps a learner skips', () => {
  it('no VIP on the director: nobody answers the client\'s ARP (step 2)', () => {
    const r = en(buildDr, solution(buildDr, ['vip']));
    expect(r.code).toBe('vip-unanswered');
    expect(r.text).toMatch(/put it on the director \(step 2\)$/);
  });

  it('no ipvsadm rules: the director refuses (step 5)', () => {
    const r = en(buildDr, solution(buildDr, ['ipvs']));
    expect(r.code).toBe('no-virtual-service');
    expect(r.text).toMatch(/\(step 5\)$/);
  });

  it('one real server left out: it answered none', () => {
    const r = en(buildDr, typedWith(buildDr, [[/-r 10\.10\.10\.13 -g/, null]]));
    expect(r.code).toBe('server-unused');
    expect(r.text).toMatch(/^RS2 answered none of the 6 requests/);
  });

  it('a real server\'s web server stopped: refused, and no step claims it', () => {
    const r = en(buildDr, [...solution(buildDr), ...on('RS2', 'service apache2 stop')]);
    expect(r.code).toBe('web-server-stopped');
    expect(r.text).toBe('RS2 refused the connection to port 80: no web server runs there — start it (service apache2 start)');
  });
});

describe('every diagnosis reads in Chinese too', () => {
  it('with the step as 第 N 步', () => {
    const r = checkLab(buildDr, solution(buildDr, ['arp']));
    expect(r.diagnosis).toBeDefined();
    if (r.diagnosis) expect(diagnosisText(buildDr, r.diagnosis, 'zh')).toMatch(/arp_ignore 和 arp_announce（第 3 步）$/);
  });
});
