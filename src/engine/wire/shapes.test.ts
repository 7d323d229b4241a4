/**
 * The seeds keep hot records' fields tagged only if each lists exactly the keys, in the same
 * order, of the records built after it (see shapes.ts). A run of every preset builds every kind
 * of packet the engine makes; each record must match its seed key for key.
 */
import { describe, expect, it } from 'vitest';
import { attachDirector } from '../ipvs/attach';
import { PRESETS } from '../scenarios';
import { runScenario } from '../sim/run';
import { ipRewrite, tcpRepr, tcpWith, type Ipv4Repr, type TcpRepr } from './repr';
import { prepareRecordShapes } from './shapes';
import type { Ipv4 } from '../addr/ipv4';

const seeds = prepareRecordShapes();
const keys = (o: object): string => Object.keys(o).join(',');

/** Every record of the seeded kinds a run built, by kind, as key lists (with a count each). */
function recordKeysOf(presetIds: readonly string[]): Record<'ipv4' | 'tcp' | 'tcpTimestamps', Map<string, number>> {
  const out = { ipv4: new Map<string, number>(), tcp: new Map<string, number>(), tcpTimestamps: new Map<string, number>() };
  const note = (kind: keyof typeof out, o: object): void => {
    const k = keys(o);
    out[kind].set(k, (out[kind].get(k) ?? 0) + 1);
  };
  const visit = (ip: Ipv4Repr): void => {
    note('ipv4', ip);
    const p = ip.payload;
    if (p.proto === 'tcp') {
      note('tcp', p);
      if (p.ts) note('tcpTimestamps', p.ts);
    } else if (p.proto === 'ipip') visit(p.inner);
    else if (p.proto === 'icmp' && p.quote) visit(p.quote);
  };
  for (const id of presetIds) {
    const s = PRESETS.find((p) => p.id === id)?.scenario;
    if (!s) throw new Error(`no preset ${id}`);
    const { trace } = runScenario(s, { requests: 3 }, { attachDirector });
    for (const e of trace.events) {
      if (e.kind === 'frame' && e.frame.type === 'ipv4') visit(e.frame.ip);
      else if (e.kind === 'drop' && e.ip) visit(e.ip);
    }
  }
  return out;
}

describe('record seeds', () => {
  const seen = recordKeysOf(PRESETS.map((p) => p.id));

  it('match every IPv4 packet a run of every preset builds (with or without pid)', () => {
    expect(seen.ipv4.size).toBeGreaterThan(0);
    for (const k of seen.ipv4.keys()) expect([keys(seeds.ipv4WithPid), keys(seeds.ipv4)]).toContain(k);
  });

  it('match every TCP segment and timestamps option those runs build', () => {
    expect([...seen.tcp.keys()]).toEqual([keys(seeds.tcp)]);
    expect([...seen.tcpTimestamps.keys()]).toEqual([keys(seeds.tcpTimestamps)]);
  });

  it('match what the constructors build', () => {
    const seg: TcpRepr = tcpRepr(1, 2, 3, 4, 0, 5, '');
    expect(keys(seg)).toBe(keys(seeds.tcp));
    expect(keys(tcpWith(seg, 6, 7, 8))).toBe(keys(seeds.tcp));
    const a = 1 as Ipv4;
    const withPid: Ipv4Repr = { src: a, dst: a, ttl: 64, id: 0, df: true, tos: 0, payload: seg, pid: 1 };
    const { pid: _pid, ...noPid } = withPid;
    expect(keys(ipRewrite(withPid, a, a, 63, seg))).toBe(keys(seeds.ipv4WithPid));
    expect(keys(ipRewrite(noPid, a, a, 63, seg))).toBe(keys(seeds.ipv4));
  });
});
