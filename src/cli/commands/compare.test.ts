/**
 * `compare` as docs/cli.md words it, and its director counts held against the real kernel's:
 * the oracle's labs ran four curls and then `ipvsadm -Ln --stats` (src/shell/fixtures/oracle).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getPreset, simulate } from '../../engine';
import type { CommonOptions } from '../args';
import { CliError } from '../cli-error';
import { compareCommand } from './compare';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const ORACLE = join(ROOT, 'src/shell/fixtures/oracle/results');
const opts = (o: Partial<CommonOptions> = {}): CommonOptions => ({ format: 'json', all: false, course: false, ...o });
const json = (ids: string[], requests: number) =>
  (JSON.parse(compareCommand(ids, opts({ requests }))) as { scenarios: Array<Record<string, unknown> & { director: Record<string, number> }> }).scenarios;

/** The service line of the first `ipvsadm -Ln --stats` in a lab's transcript. */
function kernelStats(lab: string): { inPkts: number; outPkts: number; inBytes: number; outBytes: number } {
  const text = readFileSync(join(ORACLE, lab, 'transcript.txt'), 'utf8');
  const m = /ipvsadm -Ln --stats\n(?:.*\n){3}TCP\s+\S+\s+\d+\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)/.exec(text);
  if (!m) throw new Error(`${lab}: no --stats block`);
  const [inPkts, outPkts, inBytes, outBytes] = m.slice(1).map(Number) as [number, number, number, number];
  return { inPkts, outPkts, inBytes, outBytes };
}

/** The kernel's frames before that --stats line: those reaching D for VIP:80, those D sends from it. */
function kernelFrames(lab: string, vip: string): { toVip: number; fromVip: number } {
  const text = readFileSync(join(ORACLE, lab, 'hops.txt'), 'utf8');
  const lines = text.slice(0, text.indexOf('>> D# ipvsadm -Ln --stats')).split('\n');
  const toVip = lines.filter((l) => new RegExp(`> \\S+ \\(D\\.eth\\d\\)  IP \\S+ > ${vip.replace(/\./g, '\\.')}:80 `).test(l)).length;
  const fromVip = lines.filter((l) => new RegExp(`\\(D\\.eth\\d\\) > \\S+ \\(\\S+\\)  IP ${vip.replace(/\./g, '\\.')}:80 > `).test(l)).length;
  return { toVip, fromVip };
}

describe('compare --format json', () => {
  it('prints one row per scenario with the contract\'s fields, in the order given', () => {
    const rows = json(['nat-lab', 'dr-lab', 'tun-course'], 2);
    expect(rows.map((r) => r.id)).toEqual(['nat-lab', 'dr-lab', 'tun-course']);
    for (const r of rows) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['id', 'requests', 'hops_per_request', 'director', 'reply_via_director', 'ports_rewritten', 'one_broadcast_domain', 'hosts_touched']));
      expect(Object.keys(r.director)).toEqual(['in_packets', 'out_packets', 'in_bytes', 'out_bytes']);
      expect(r.requests).toBe(2);
    }
  });

  it('reads a scenario from a lab folder like every other command', () => {
    const [lab] = json([join(ROOT, 'src/shell/fixtures/oracle/exports/dr-lab/lab'), 'dr-lab'], 2);
    expect(lab?.one_broadcast_domain).toBe(true);
  });
});

describe('the director\'s counts against the kernel\'s (four curls, then ipvsadm -Ln --stats)', () => {
  const [nat, dr, tun] = json(['nat-lab', 'dr-lab', 'tun-separate-vip'], 4);

  it('counts, as the kernel does, every request packet reaching the director in InPkts and every reply it relays in OutPkts', () => {
    // What the kernel's counters mean, read off its own capture.
    for (const [lab, vip] of [['nat-lab', '20.20.20.11'], ['dr-course', '10.10.10.100'], ['tun-vip', '11.22.33.100']] as const) {
      const k = kernelStats(lab);
      expect(kernelFrames(lab, vip), lab).toEqual({ toVip: k.inPkts, fromVip: k.outPkts });
    }
    // The same reading of our trace gives our counts.
    for (const [id, vip, row] of [['nat-lab', '20.20.20.11', nat], ['dr-lab', '10.10.10.100', dr], ['tun-separate-vip', '11.22.33.100', tun]] as const) {
      const frames = simulate(getPreset(id)!, { requests: 4 }).trace.events.flatMap((e) => (e.kind === 'frame' && e.ip?.tcp ? [{ e, ip: e.ip, tcp: e.ip.tcp }] : []));
      const toVip = frames.filter(({ e, ip, tcp }) => e.to.some((t) => t.host === 'D') && e.from.host !== 'D' && ip.dst === vip && tcp.dport === 80).length;
      const fromVip = frames.filter(({ e, ip, tcp }) => e.from.host === 'D' && ip.src === vip && tcp.sport === 80).length;
      expect({ toVip, fromVip }, id).toEqual({ toVip: row?.director.in_packets, fromVip: row?.director.out_packets });
    }
  });

  it('gives NAT and DR the kernel\'s inbound packets and bytes, to the byte', () => {
    expect(nat?.director).toMatchObject({ in_packets: kernelStats('nat-lab').inPkts, in_bytes: kernelStats('nat-lab').inBytes });
    expect(dr?.director).toMatchObject({ in_packets: kernelStats('dr-course').inPkts, in_bytes: kernelStats('dr-course').inBytes });
  });

  it('gives DR and TUN no outbound packets, as the kernel, and NAT some', () => {
    expect(kernelStats('dr-course').outPkts).toBe(0);
    expect(kernelStats('tun-vip').outPkts).toBe(0);
    expect(kernelStats('nat-lab').outPkts).toBeGreaterThan(0);
    expect([dr?.director.out_packets, tun?.director.out_packets]).toEqual([0, 0]);
    expect(nat?.director.out_packets).toBeGreaterThan(0);
  });
});

describe('compare errors', () => {
  const refusal = (positional: string[], o: Partial<CommonOptions> = {}): string => {
    try {
      compareCommand(positional, opts(o));
    } catch (e) {
      expect(e).toBeInstanceOf(CliError);
      return (e as CliError).message;
    }
    throw new Error('expected a refusal');
  };

  it('wants two or three scenarios', () => {
    expect(refusal(['nat-lab'])).toBe('compare: expected two or three scenarios, found 1');
    expect(refusal(['nat-lab', 'dr-lab', 'tun-course', 'l7-overview'])).toBe('compare: expected two or three scenarios, found 4');
  });

  it('names an unknown preset', () => {
    expect(refusal(['nat-lab', 'no-such'])).toMatch(/^unknown preset "no-such"/);
  });

  it('prints one line on stderr and exits 2 when run', () => {
    const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src/cli/main.ts'), 'compare', 'nat-lab'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('lvs-flow: compare: expected two or three scenarios, found 1\n');
  });
});
