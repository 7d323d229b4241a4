/**
 * Round trips of random edits: take a preset, change it the way the editor can (weights, real
 * servers, sysctls, scheduler, names with any text, request counts, positions), then check the
 * link opens exactly that scenario and view.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRESETS, validateScenario, type Scenario, SCHEDULER_NAMES } from '../engine';
import { decodeLink, encodeLink } from './link-codec';
import { linkStateFor } from './link-for';
import type { LinkView } from './link-state';
import { MARKUP } from './test-fixtures';

const SYSCTLS: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['net.ipv4.ip_forward', [0, 1]],
  ['net.ipv4.conf.all.arp_ignore', [0, 1, 2, 3, 8]],
  ['net.ipv4.conf.all.arp_announce', [0, 1, 2]],
  ['net.ipv4.conf.all.rp_filter', [0, 1, 2]],
];

type Edit =
  | { kind: 'weight'; dest: number; weight: number }
  | { kind: 'add-dest'; n: number }
  | { kind: 'sysctl'; host: number; key: number; value: number }
  | { kind: 'scheduler'; name: string }
  | { kind: 'rename'; host: number; text: string }
  | { kind: 'requests'; n: number }
  | { kind: 'move'; host: number; x: number; y: number };

const nat = fc.nat({ max: 1000 });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('weight' as const), dest: nat, weight: fc.integer({ min: 0, max: 65535 }) }),
  fc.record({ kind: fc.constant('add-dest' as const), n: fc.nat({ max: 60_000 }) }),
  fc.record({ kind: fc.constant('sysctl' as const), host: nat, key: nat, value: nat }),
  fc.record({ kind: fc.constant('scheduler' as const), name: fc.constantFrom(...SCHEDULER_NAMES) }),
  fc.record({ kind: fc.constant('rename' as const), host: nat, text: fc.oneof(fc.constant(MARKUP), fc.string({ unit: 'binary', maxLength: 40 })) }),
  fc.record({ kind: fc.constant('requests' as const), n: fc.integer({ min: 0, max: 50 }) }),
  fc.record({ kind: fc.constant('move' as const), host: nat, x: fc.integer({ min: 0, max: 1000 }), y: fc.integer({ min: 0, max: 600 }) }),
);

const pick = <T>(xs: readonly T[], n: number): T | undefined => xs[n % Math.max(1, xs.length)];

function applyEdit(s: Scenario, e: Edit): void {
  const svc = s.hosts.find((h) => h.ipvs?.services.length)?.ipvs?.services[0];
  const host = 'host' in e ? pick(s.hosts, e.host) : undefined;
  switch (e.kind) {
    case 'weight': {
      const d = svc ? pick(svc.dests, e.dest) : undefined;
      if (d) d.weight = e.weight;
      return;
    }
    case 'add-dest': {
      const addr = `10.250.${e.n >> 8}.${e.n & 255}`;
      if (svc && !svc.dests.some((d) => d.addr === addr)) svc.dests.push({ addr, port: svc.port || 80, method: svc.dests[0]?.method ?? 'masq', weight: 1 });
      return;
    }
    case 'sysctl': {
      const [name, values] = pick(SYSCTLS, e.key) ?? SYSCTLS[0]!;
      if (host) host.sysctl = { ...host.sysctl, [name]: pick(values, e.value) ?? 0 };
      return;
    }
    case 'scheduler':
      if (svc) svc.scheduler = e.name;
      return;
    case 'rename':
      if (host) host.name = { en: e.text, zh: `${e.text} 主机` };
      return;
    case 'requests':
      for (const h of s.hosts) for (const a of h.apps ?? []) if (a.kind === 'http-client') a.requests = e.n;
      return;
    case 'move':
      if (host) host.position = { x: e.x, y: e.y };
      return;
    default: {
      const never: never = e;
      throw new Error(`unknown edit ${JSON.stringify(never)}`);
    }
  }
}

const view: fc.Arbitrary<LinkView> = fc.record(
  {
    step: fc.integer({ min: 0, max: 100_000_000 }),
    depth: fc.constantFrom('course' as const, 'full' as const),
    lang: fc.constantFrom('en' as const, 'zh' as const),
    selection: fc.record({ host: fc.constantFrom('C', 'D', 'RS1'), event: fc.nat({ max: 5000 }) }, { requiredKeys: [] }),
  },
  { requiredKeys: ['step', 'lang'] },
);

describe('decodeLink(encodeLink(linkStateFor(edited preset)))', () => {
  it('opens exactly the edited scenario, step, depth, selection and language', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PRESETS.map((p) => p.id)), fc.array(edit, { maxLength: 12 }), view, (id, edits, v) => {
        const s = structuredClone(PRESETS.find((p) => p.id === id)!.scenario);
        for (const e of edits) applyEdit(s, e);
        const valid = validateScenario(s);
        fc.pre(valid.ok);
        const r = decodeLink(encodeLink(linkStateFor(s, v)));
        if (!r.ok) throw new Error(r.message);
        expect(r.value.scenario).toEqual(JSON.parse(JSON.stringify(s)));
        expect(r.value.step).toBe(v.step);
        expect(r.value.lang).toBe(v.lang);
        expect(r.value.depth).toBe(v.depth ?? 'course');
        const selHost = v.selection?.host !== undefined && s.hosts.some((h) => h.id === v.selection?.host) ? v.selection.host : undefined;
        expect(r.value.selection?.host).toBe(selHost);
        expect(r.value.selection?.event).toBe(v.selection?.event);
      }),
      { numRuns: 300, seed: 20240611 },
    );
  });
});
