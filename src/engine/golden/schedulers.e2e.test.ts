/**
 * The IPVS schedulers end to end: packets through the whole engine (client TCP, ARP, the
 * director's hooks, the connection table's states, the real servers' replies), no mocks.
 *
 * Topology: the course's NAT lab (getPreset('nat-lab'): client C 20.20.20.22, director D
 * 20.20.20.11 / 10.10.10.11, RS1 10.10.10.12, RS2 10.10.10.13) with a third real server added
 * on the private LAN, RS3 10.10.10.14, gateway 10.10.10.11, an http server on port 80, as the
 * course's "Schedulers, measured" lab has it: real servers added RS1, RS2, RS3, 12 connections.
 * The kernel adds each new dest at the head of the service's list (list_add_rcu in
 * __ip_vs_update_dest), so every scheduler sees the list RS3, RS2, RS1.
 *
 * Every expected sequence below is worked out by hand from net/netfilter/ipvs/ip_vs_*.c
 * (Linux 6.1), not from running the engine. The counters a scheduler reads:
 * - a new TCP entry is bound inactive (IP_VS_CONN_F_INACTIVE), and its SYN moves it to
 *   SYN_RECV at once, an active state since 4.7 (tcp_state_active_table); it stays active
 *   through ESTABLISHED and turns inactive when it closes (NAT: CLOSE_WAIT then TIME_WAIT,
 *   2 minutes), until it expires;
 * - lc/wlc weigh (activeconns << 8) + inactconns (ip_vs_dest_conn_overhead), sed/nq
 *   activeconns + 1 and ignore inactive entries, ovf compares activeconns with the weight.
 * "Sequential" = one client making 12 requests one after another (gap 100 ms): each
 * connection has closed (TIME_WAIT, inactive) before the next SYN. "Held" = 12 clients on C
 * starting 50 ms apart, each holding its connection 5 s after the response, so all 12 are
 * open (ESTABLISHED, active) at once; listings "while held" stop the run at 3 s.
 */
import { describe, expect, it } from 'vitest';
import { ip } from '../addr/ipv4';
import { getPreset, ipvsadmAtEnd, simulate, validateScenario, type AppSpec, type DestSpec, type Scenario, type ServiceSpec } from '../index';
import { attachDirector } from '../ipvs/attach';
import { IpvsDirector } from '../ipvs/ipvs-director';
import { runScenario } from '../sim/run';
import { schedule } from '../sim/world';

const VIP = '20.20.20.11';
const RIP = { RS1: '10.10.10.12', RS2: '10.10.10.13', RS3: '10.10.10.14' } as const;
type Rs = keyof typeof RIP;
const NAME_OF = new Map(Object.entries(RIP).map(([name, addr]) => [`${addr}:80`, name]));

const STAGGER_MS = 50;
const HOLD_MS = 5_000;
/** All 12 held connections are open at this time (the last starts at 550 ms, the first closes after 5 s). */
const WHILE_HELD = { maxTimeMs: 3_000 };

interface Lab {
  scheduler: string;
  /** RS1, RS2, RS3; default 1/1/1. */
  weights?: readonly [number, number, number];
  /** -x per real server, RS1, RS2, RS3. */
  upper?: readonly [number, number, number];
  persistenceS?: number;
  /** 12 clients holding their connections open at once, instead of one client's 12 in a row. */
  held?: boolean;
}

function natLab3(lab: Lab): Scenario {
  const s = structuredClone(getPreset('nat-lab') ?? expect.unreachable('no nat-lab preset'));
  const rs2 = s.hosts.find((h) => h.id === 'RS2') ?? expect.unreachable('no RS2');
  s.hosts.push({
    ...structuredClone(rs2),
    id: 'RS3',
    name: { en: 'RS3 real server', zh: 'RS3 真实服务器' },
    position: { x: 860, y: 540 },
    interfaces: [{ name: 'eth0', addrs: [{ cidr: `${RIP.RS3}/24` }] }],
  });
  (s.segments.find((g) => g.id === 'lan-private') ?? expect.unreachable('no lan-private')).ports.push({ host: 'RS3', if: 'eth0' });
  const w = lab.weights ?? [1, 1, 1];
  const dests: DestSpec[] = (['RS1', 'RS2', 'RS3'] as const).map((rs, i) => ({
    addr: RIP[rs], port: 80, method: 'masq', weight: w[i] as number,
    ...(lab.upper ? { uThreshold: lab.upper[i] as number } : {}),
  }));
  const svc: ServiceSpec = {
    proto: 'tcp', vip: VIP, port: 80, scheduler: lab.scheduler, dests,
    ...(lab.persistenceS !== undefined ? { persistence: { timeoutS: lab.persistenceS } } : {}),
  };
  (s.hosts.find((h) => h.id === 'D') ?? expect.unreachable('no D')).ipvs = { services: [svc] };
  const apps: AppSpec[] = lab.held
    ? Array.from({ length: 12 }, (_, i): AppSpec => ({ kind: 'http-client', target: `${VIP}:80`, requests: 1, startMs: i * STAGGER_MS, holdMs: HOLD_MS }))
    : [{ kind: 'http-client', target: `${VIP}:80`, requests: 12 }];
  (s.hosts.find((h) => h.id === 'C') ?? expect.unreachable('no C')).apps = apps;
  return s;
}

/** Per client connection, in the order they were opened: the real server IPVS chose, or how the request failed. */
function outcomes(s: Scenario): string[] {
  const byConn = new Map<number, string>();
  for (const e of simulate(s).trace.events) {
    if (e.kind !== 'action' || e.conn === undefined) continue;
    if (e.action === 'ipvs-schedule') byConn.set(e.conn, NAME_OF.get(String(e.detail.dest)) ?? String(e.detail.dest));
    else if (e.action === 'request-failed') byConn.set(e.conn, `failed:${String(e.detail.answer)}`);
  }
  return [...byConn.keys()].sort((a, b) => a - b).map((c) => byConn.get(c) as string);
}

const cycle = (pattern: readonly string[], n = 12): string[] => Array.from({ length: n }, (_, i) => pattern[i % pattern.length] as string);
const ROUND = cycle(['RS3', 'RS2', 'RS1']);

function listing(s: Scenario, opts: { maxTimeMs?: number } = {}, argv: string[] = ['-L', '-n']): string {
  const r = ipvsadmAtEnd(s, opts, argv);
  if (!r.ok) throw new Error(r.stderr);
  return r.stdout;
}

const HEAD = [
  'IP Virtual Server version 1.2.1 (size=4096)',
  'Prot LocalAddress:Port Scheduler Flags',
  '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
];

/** `ipvsadm -L -n` for the service: "  -> %-28s %-7s %-6d %-10u %-10u" per server (ipvsadm.c print_service_entry), sorted by address. */
function expectedList(svcLine: string, rows: Record<Rs, readonly [weight: number, active: number, inactive: number]>): string {
  const row = (rs: Rs): string => {
    const [w, a, i] = rows[rs];
    return `  -> ${`${RIP[rs]}:80`.padEnd(28)} ${'Masq'.padEnd(7)} ${String(w).padEnd(6)} ${String(a).padEnd(10)} ${String(i).padEnd(10)}`;
  };
  return [...HEAD, svcLine, row('RS1'), row('RS2'), row('RS3'), ''].join('\n');
}

describe('the three-server NAT lab is a valid scenario', () => {
  it('validates, and serves every request with rr', () => {
    const s = natLab3({ scheduler: 'rr' });
    expect(validateScenario(JSON.parse(JSON.stringify(s))).ok).toBe(true);
    const r = simulate(s);
    expect(r.stopReason).toBe('done');
    expect(r.stats.requestsOk).toBe(12);
  });
});

describe('weights 1/1/1, as the course measured (ties go to the last server added)', () => {
  it.each(['rr', 'wrr', 'lc', 'wlc'])('%s, 12 connections in a row, goes round from RS3', (scheduler) => {
    // lc/wlc count the TIME_WAIT entries (inactive), so the least-loaded is the next one round.
    expect(outcomes(natLab3({ scheduler }))).toEqual(ROUND);
  });

  it.each(['sed', 'nq'])('%s, 12 connections in a row, picks RS3 every time: closed entries are not counted', (scheduler) => {
    // Every dest has activeconns 0 when the next SYN comes: sed's (0 + 1) / 1 ties and the first
    // in the list wins; nq takes the first idle dest. (The course's "behave like rr" needs the
    // connections to overlap: see the held case.)
    expect(outcomes(natLab3({ scheduler }))).toEqual(cycle(['RS3']));
  });

  it.each(['rr', 'wrr', 'lc', 'wlc', 'sed', 'nq'])('%s with 12 connections open at once goes round from RS3', (scheduler) => {
    expect(outcomes(natLab3({ scheduler, held: true }))).toEqual(ROUND);
  });

  it.each(['fo', 'sh'])('%s picks RS3 every time for client 20.20.20.22', (scheduler) => {
    // fo: the first dest with the highest weight (weight > hw, strict). sh: bucket
    // hash_32(ntohl(20.20.20.22) = 0x14141416, 8) = (0x14141416 * 0x61C88647 mod 2^32) >> 24 = 27;
    // ip_vs_sh_reassign deals buckets RS3, RS2, RS1, RS3, … so bucket 27 (27 % 3 = 0) is RS3.
    expect(outcomes(natLab3({ scheduler }))).toEqual(cycle(['RS3']));
    expect(outcomes(natLab3({ scheduler, held: true }))).toEqual(cycle(['RS3']));
  });

  it('ipvsadm -L -n: 4 connections each, in TIME_WAIT (inactive) at the end of the run', () => {
    expect(listing(natLab3({ scheduler: 'rr' }))).toBe(expectedList(`TCP  ${VIP}:80 rr`, { RS1: [1, 0, 4], RS2: [1, 0, 4], RS3: [1, 0, 4] }));
  });

  it('ipvsadm -L -n: sed in a row leaves all 12 on RS3', () => {
    expect(listing(natLab3({ scheduler: 'sed' }))).toBe(expectedList(`TCP  ${VIP}:80 sed`, { RS1: [1, 0, 0], RS2: [1, 0, 0], RS3: [1, 0, 12] }));
  });

  it('ipvsadm -L -n while 12 connections are held open: 4 active each', () => {
    expect(listing(natLab3({ scheduler: 'wlc', held: true }), WHILE_HELD)).toBe(
      expectedList(`TCP  ${VIP}:80 wlc`, { RS1: [1, 4, 0], RS2: [1, 4, 0], RS3: [1, 4, 0] }),
    );
  });

  it('ipvsadm -L -n -c while held: 12 entries ESTABLISHED', () => {
    const states = listing(natLab3({ scheduler: 'wlc', held: true }), WHILE_HELD, ['-L', '-n', '-c'])
      .split('\n').slice(2, -1).map((l) => l.slice(11, 22).trim());
    expect(states).toEqual(cycle(['ESTABLISHED']));
  });

  it('ipvsadm -L -n once the held connections have closed: all inactive', () => {
    expect(listing(natLab3({ scheduler: 'wlc', held: true }))).toBe(
      expectedList(`TCP  ${VIP}:80 wlc`, { RS1: [1, 0, 4], RS2: [1, 0, 4], RS3: [1, 0, 4] }),
    );
  });
});

describe('weights 3/2/1 (RS1 3, RS2 2, RS3 1; list RS3(1) RS2(2) RS1(3))', () => {
  const W321 = [3, 2, 1] as const;
  // wrr, added one by one: after RS1 alone di = 3, mw = 1, cw = 0 → cw = mw = 1; RS2 and RS3
  // make di = 1, mw = 3 and keep cw = 1. So cw runs 1, 3, 2, 1, 3, 2, … from the head:
  // cw 1: RS3 RS2 RS1 | cw 3: RS1 | cw 2: RS2 RS1 | cw 1: RS3 RS2 RS1 | …
  const WRR = ['RS3', 'RS2', 'RS1', 'RS1', 'RS2', 'RS1', 'RS3', 'RS2', 'RS1', 'RS1', 'RS2', 'RS1'];
  // wlc: seed RS3, replace when loh * dw > doh * lw (strict). The counts (inactive in a row,
  // active when held) grow the same way: (RS3, RS2, RS1) = (0,0,0) → RS3, (1,0,0) → RS2,
  // (1,1,0) → RS1, (1,1,1) → RS1, (1,1,2) → RS2, (1,2,2) → RS1, (1,2,3) → RS3,
  // (2,2,3) → RS2, (2,3,3) → RS1, (2,3,4) → RS1, (2,3,5) → RS2, (2,4,5) → RS1.
  const WLC = ['RS3', 'RS2', 'RS1', 'RS1', 'RS2', 'RS1', 'RS3', 'RS2', 'RS1', 'RS1', 'RS2', 'RS1'];

  it('wrr does not depend on the counters: the same in a row and held', () => {
    expect(outcomes(natLab3({ scheduler: 'wrr', weights: W321 }))).toEqual(WRR);
    expect(outcomes(natLab3({ scheduler: 'wrr', weights: W321, held: true }))).toEqual(WRR);
  });

  it('wlc in a row (inactive counts) and held (active counts) make the same choices', () => {
    expect(outcomes(natLab3({ scheduler: 'wlc', weights: W321 }))).toEqual(WLC);
    expect(outcomes(natLab3({ scheduler: 'wlc', weights: W321, held: true }))).toEqual(WLC);
  });

  it('lc ignores weights: round from RS3 either way', () => {
    expect(outcomes(natLab3({ scheduler: 'lc', weights: W321 }))).toEqual(ROUND);
    expect(outcomes(natLab3({ scheduler: 'lc', weights: W321, held: true }))).toEqual(ROUND);
  });

  it('sed in a row: (0 + 1) / weight is least on the heaviest, RS1, every time', () => {
    expect(outcomes(natLab3({ scheduler: 'sed', weights: W321 }))).toEqual(cycle(['RS1']));
  });

  it('sed held: minimises (active + 1) / weight, ties to the earlier in the list', () => {
    // (active RS3, RS2, RS1), overheads a + 1: (0,0,0) → RS1, (0,0,1) → RS2, (0,1,1) → RS1,
    // (0,1,2) → RS3 (1/1 = 2/2 = 3/3), (1,1,2) → RS2, (1,2,2) → RS1, (1,2,3) → RS1,
    // (1,2,4) → RS2, (1,3,4) → RS1, (1,3,5) → RS3, (2,3,5) → RS2, (2,4,5) → RS1.
    expect(outcomes(natLab3({ scheduler: 'sed', weights: W321, held: true }))).toEqual([
      'RS1', 'RS2', 'RS1', 'RS3', 'RS2', 'RS1', 'RS1', 'RS2', 'RS1', 'RS3', 'RS2', 'RS1',
    ]);
  });

  it('nq in a row: the first idle server, RS3, every time', () => {
    expect(outcomes(natLab3({ scheduler: 'nq', weights: W321 }))).toEqual(cycle(['RS3']));
  });

  it('nq held: idle servers first (RS3, RS2, RS1), then as sed', () => {
    // then (1,1,1) → RS1, (1,1,2) → RS2, (1,2,2) → RS1, (1,2,3) → RS1, (1,2,4) → RS2,
    // (1,3,4) → RS1, (1,3,5) → RS3, (2,3,5) → RS2, (2,4,5) → RS1.
    expect(outcomes(natLab3({ scheduler: 'nq', weights: W321, held: true }))).toEqual([
      'RS3', 'RS2', 'RS1', 'RS1', 'RS2', 'RS1', 'RS1', 'RS2', 'RS1', 'RS3', 'RS2', 'RS1',
    ]);
  });

  it('fo picks the heaviest, RS1; sh bucket 27 of RS3, RS2, RS2, RS1, RS1, RS1, … is RS1', () => {
    expect(outcomes(natLab3({ scheduler: 'fo', weights: W321 }))).toEqual(cycle(['RS1']));
    expect(outcomes(natLab3({ scheduler: 'sh', weights: W321 }))).toEqual(cycle(['RS1']));
  });

  it('ipvsadm -L -n: wlc in a row leaves 6/4/2 inactive; held, 6/4/2 active', () => {
    expect(listing(natLab3({ scheduler: 'wlc', weights: W321 }))).toBe(
      expectedList(`TCP  ${VIP}:80 wlc`, { RS1: [3, 0, 6], RS2: [2, 0, 4], RS3: [1, 0, 2] }),
    );
    expect(listing(natLab3({ scheduler: 'wlc', weights: W321, held: true }), WHILE_HELD)).toBe(
      expectedList(`TCP  ${VIP}:80 wlc`, { RS1: [3, 6, 0], RS2: [2, 4, 0], RS3: [1, 2, 0] }),
    );
  });
});

describe('weight 0: quiesced', () => {
  it('a server with weight 0 from the start is never chosen (rr, wlc)', () => {
    const ALT = cycle(['RS3', 'RS1']);
    expect(outcomes(natLab3({ scheduler: 'rr', weights: [1, 0, 1] }))).toEqual(ALT);
    // wlc: a weight-0 dest is never strictly lighter (loh * 0 > doh * lw is false).
    expect(outcomes(natLab3({ scheduler: 'wlc', weights: [1, 0, 1] }))).toEqual(ALT);
  });

  it('ipvsadm -e -w 0 mid-run: no new connections, the open one carries on', () => {
    // rr, 12 held connections: conns 1-4 (SYNs at ~1, 51, 101, 151 ms) go RS3, RS2, RS1, RS3.
    // At 175 ms RS2 is set to weight 0 (rr has no upd_dest: the cursor stays on RS3), so
    // conns 5-12 alternate RS1, RS3. RS2's connection is left alone and completes.
    const s = natLab3({ scheduler: 'rr', held: true });
    let director: IpvsDirector | undefined;
    const hooks = {
      attachDirector(w: Parameters<typeof attachDirector>[0], host: Parameters<typeof attachDirector>[1], spec: Parameters<typeof attachDirector>[2]) {
        attachDirector(w, host, spec);
        const d = host.director;
        if (!(d instanceof IpvsDirector)) throw new Error('no IPVS director');
        director = d;
        schedule(w, 175, () => {
          const r = d.services.editDest({ proto: 'tcp', vip: ip(VIP), port: 80, fwmark: 0 },
            { addr: ip(RIP.RS2), port: 80, method: 'masq', weight: 0, uThreshold: 0, lThreshold: 0 });
          if (!r.ok) throw new Error(r.error.message);
        });
      },
    };
    const run = runScenario(s, WHILE_HELD, hooks);
    const picks = run.trace.events.flatMap((e) => (e.kind === 'action' && e.action === 'ipvs-schedule' ? [NAME_OF.get(String(e.detail.dest))] : []));
    expect(picks).toEqual(['RS3', 'RS2', 'RS1', 'RS3', ...cycle(['RS1', 'RS3'], 8)]);
    const out = director?.runIpvsadm(run.world, ['-L', '-n']);
    expect(out?.ok && out.stdout).toBe(expectedList(`TCP  ${VIP}:80 rr`, { RS1: [1, 5, 0], RS2: [0, 1, 0], RS3: [1, 6, 0] }));

    const whole = runScenario(s, {}, hooks);
    const done = whole.trace.events.filter((e) => e.kind === 'action' && e.action === 'request-done');
    expect(done).toHaveLength(12);
    const toRs2 = done.filter((e) => e.kind === 'action' && String(e.detail.answer).includes(RIP.RS2));
    expect(toRs2).toHaveLength(1);
    const end = director?.runIpvsadm(whole.world, ['-L', '-n']);
    expect(end?.ok && end.stdout).toBe(expectedList(`TCP  ${VIP}:80 rr`, { RS1: [1, 0, 5], RS2: [0, 0, 1], RS3: [1, 0, 6] }));
  });
});

describe('ovf', () => {
  it('with every server at its limit schedules nothing: ICMP port unreachable, the connect is refused', () => {
    // A dest qualifies while activeconns <= weight (ip_vs_ovf.c skips activeconns > w):
    // RS3 takes 2, then RS2 2, RS1 2; the 7th SYN finds none, ip_vs_leave() sends ICMP
    // port unreachable and the client's SYN_SENT socket fails with ECONNREFUSED.
    expect(outcomes(natLab3({ scheduler: 'ovf', held: true }))).toEqual([
      'RS3', 'RS3', 'RS2', 'RS2', 'RS1', 'RS1', ...cycle(['failed:refused'], 6),
    ]);
    expect(listing(natLab3({ scheduler: 'ovf', held: true }), WHILE_HELD)).toBe(
      expectedList(`TCP  ${VIP}:80 ovf`, { RS1: [1, 2, 0], RS2: [1, 2, 0], RS3: [1, 2, 0] }),
    );
  });

  it('the director answers the refused SYNs itself with ICMP port unreachable', () => {
    const { trace } = simulate(natLab3({ scheduler: 'ovf', held: true }));
    const icmp = trace.events.filter((e) => e.kind === 'frame' && e.ip?.proto === 'icmp' && e.from.host === 'D');
    expect(icmp).toHaveLength(6);
    for (const e of icmp) if (e.kind === 'frame') expect([e.ip?.src, e.ip?.dst, e.ip?.icmp]).toEqual([VIP, '20.20.20.22', { type: 3, code: 3 }]);
  });

  it('connections in a row never fill a server (closed ones are inactive): RS3 every time', () => {
    expect(outcomes(natLab3({ scheduler: 'ovf' }))).toEqual(cycle(['RS3']));
  });
});

describe('thresholds (-x upper)', () => {
  // RS3 -x 2: binding its 2nd connection makes ActiveConn + InActConn reach 2, which sets
  // IP_VS_DEST_F_OVERLOAD (ip_vs_bind_dest); rr then skips it. Closed entries still count
  // until they expire (2 min), so the sequence is the same in a row and held.
  const EXPECTED = ['RS3', 'RS2', 'RS1', 'RS3', 'RS2', 'RS1', 'RS2', 'RS1', 'RS2', 'RS1', 'RS2', 'RS1'];

  it('rr stops sending to a server once it reaches its upper threshold', () => {
    expect(outcomes(natLab3({ scheduler: 'rr', upper: [0, 0, 2] }))).toEqual(EXPECTED);
    expect(outcomes(natLab3({ scheduler: 'rr', upper: [0, 0, 2], held: true }))).toEqual(EXPECTED);
  });

  it('ipvsadm -L -n shows the counts it stopped at', () => {
    expect(listing(natLab3({ scheduler: 'rr', upper: [0, 0, 2] }))).toBe(
      expectedList(`TCP  ${VIP}:80 rr`, { RS1: [1, 0, 5], RS2: [1, 0, 5], RS3: [1, 0, 2] }),
    );
  });

  it('every server at its threshold: nothing is scheduled and the connect is refused', () => {
    expect(outcomes(natLab3({ scheduler: 'rr', upper: [1, 1, 1], held: true }))).toEqual([
      'RS3', 'RS2', 'RS1', ...cycle(['failed:refused'], 9),
    ]);
  });
});

describe('persistence (-p 300)', () => {
  it('keeps the one client on the server rr chose first, across all its connections', () => {
    expect(outcomes(natLab3({ scheduler: 'rr', persistenceS: 300 }))).toEqual(cycle(['RS3']));
    expect(outcomes(natLab3({ scheduler: 'rr', persistenceS: 300, held: true }))).toEqual(cycle(['RS3']));
  });

  it('ipvsadm -L -n: "persistent 300" and all 12 on RS3', () => {
    expect(listing(natLab3({ scheduler: 'rr', persistenceS: 300 }))).toBe(
      expectedList(`TCP  ${VIP}:80 rr persistent 300`, { RS1: [1, 0, 0], RS2: [1, 0, 0], RS3: [1, 0, 12] }),
    );
  });

  const connLines = (): string[] => listing(natLab3({ scheduler: 'rr', persistenceS: 300 }), {}, ['-L', '-n', '-c']).split('\n');

  it('ipvsadm -L -n -c: 12 entries in TIME_WAIT and the template <CIP, 0, VIP, 80> → RS3, 300 s from its last use', () => {
    // The template's timer is re-armed with svc->timeout at each use (ip_vs_conn_put); the
    // run ends ~0.1 s after the 12th connection: 299 whole seconds left.
    const lines = connLines();
    expect(lines.slice(0, 2)).toEqual(['IPVS connection entries', 'pro expire state       source             virtual            destination']);
    expect(lines.filter((l) => l.includes('TIME_WAIT'))).toHaveLength(12);
    const tpl = lines.filter((l) => l.includes(':0 '));
    expect(tpl).toHaveLength(1);
    expect(tpl[0]?.slice(0, 11)).toBe('TCP 04:59  ');
    expect(tpl[0]?.slice(23)).toBe(`20.20.20.22:0      ${VIP}:80     ${RIP.RS3}:80`);
  });

  // Linux 6.1 set_tcp_state() calls ip_vs_control_assure_ct() when a connection made from the
  // template reaches ESTABLISHED (IP_VS_CTPL_S_ASSURED), and ip_vs_conn_seq_show() prints
  // ip_vs_state_name(), which for a template is "ASSURED". ipvsadm -L -c copies the /proc string.
  it('ipvsadm -L -n -c: the template turns ASSURED once one of its connections is ESTABLISHED', () => {
    expect(connLines().filter((l) => l.includes(':0 '))).toEqual([`TCP 04:59  ASSURED     20.20.20.22:0      ${VIP}:80     ${RIP.RS3}:80`]);
  });
});
