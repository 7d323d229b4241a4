/**
 * 10,000 malformed links, each of which must end in { ok: false, message } and never escape as
 * an exception: random text, cut and altered links, unknown versions, base64 of bytes that are
 * not deflate, deflate of text that is not JSON, JSON of the wrong shape, decompression bombs.
 * Seeded, so a failure names a case that can be replayed.
 */
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { encodeBase64url } from './base64url';
import { decodeLink, encodeLink, MAX_FRAGMENT_CHARS } from './link-codec';
import { linkStateFor } from './link-for';
import { makeLinkState } from './link-state';
import { drLabEdited, natLabTen, packBytes, packText, tinyCustom } from './test-fixtures';

const SEED = 6;
const sample = <T>(arb: fc.Arbitrary<T>, n: number, salt: number): T[] => fc.sample(arb, { numRuns: n, seed: SEED * 1000 + salt });

/** Packed (compressed) links: every one of their characters is covered by the checksum. */
const PACKED = [
  encodeLink(linkStateFor(natLabTen(), { step: 9, lang: 'zh' })),
  encodeLink(linkStateFor(drLabEdited(), { depth: 'full', selection: { host: 'RS1' } })),
  encodeLink(linkStateFor(tinyCustom())),
  encodeLink(makeLinkState({ preset: 'nat-lab' }, { selection: { event: 2 } })),
];
const PLAIN = ['v1.p.nat-lab.5.zh', 'v1.p.dr-lab.0.en', 'v1.p.tun-course-no-accept-local.123.en'];
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A valid wire state with one part made wrong: each stays invalid whatever else it holds. */
const WRONG_SHAPES: ReadonlyArray<(x: unknown) => unknown> = [
  (x) => ({ v: 1, scenario: { preset: 'nat-lab' }, step: x === null ? 'x' : [x] }),
  (x) => ({ v: 1, scenario: { preset: 'nat-lab' }, lang: { x } }),
  (x) => ({ v: 1, scenario: { custom: x } }),
  (x) => ({ v: 1, scenario: { preset: 'nat-lab', patch: [['r', '/hosts/99', x]] } }),
  (x) => ({ v: 1, scenario: { preset: 'nat-lab', custom: x } }),
  (x) => ({ v: 2, scenario: x }),
  (x) => ({ scenario: { preset: 'nat-lab' }, x }),
  (x) => ({ v: 1, scenario: { preset: 'nat-lab' }, selection: { host: [x] } }),
  (x) => [x],
  (x) => ({ v: 1, scenario: { preset: 'nat-lab' }, extra: x }),
];

function malformed(): Array<[kind: string, fragment: string]> {
  const out: Array<[string, string]> = [];
  const add = (kind: string, xs: readonly string[]): void => {
    for (const x of xs) out.push([kind, x]);
  };
  add('random text', sample(fc.string({ unit: 'binary', maxLength: 300 }), 1000, 1));
  add('random v1. text', sample(fc.string({ maxLength: 300 }), 700, 2).map((s) => `v1.${s}`));
  add('random base64url', sample(fc.string({ unit: fc.constantFrom(...B64), minLength: 1, maxLength: 400 }), 800, 3).map((s) => `v1.${s}`));
  // Every cut of each link, keeping at least the "v1." so it still claims to be one.
  // A plain link cut before a dot is a short hand-typed form (v1.p.<preset>[.<step>]), not a broken
  // one; cut after that dot it is broken again (an empty step or language).
  const shortForm = (x: string) => /^v1\.p\.[^.]+(\.[^.]+)?$/.test(x);
  for (const link of [...PACKED, ...PLAIN]) add('truncated', Array.from({ length: link.length - 3 }, (_, i) => link.slice(0, i + 3)).map((x) => (shortForm(x) ? `${x}.` : x)));
  add('one character changed', sample(fc.tuple(fc.constantFrom(...PACKED), fc.nat(), fc.constantFrom(...B64, '.', '+', '/', '=', '%', ' ', 'é')), 1400, 4).flatMap(([link, at, c]) => {
    const i = at % link.length;
    return link[i] === c ? [] : [`${link.slice(0, i)}${c}${link.slice(i + 1)}`];
  }));
  add('unknown version', sample(fc.tuple(fc.oneof(fc.constantFrom(0, 2, 3, 9, 10, 99), fc.nat({ max: 999_999 }).filter((n) => n !== 1)), fc.constantFrom(...PACKED, 'v1.p.nat-lab.0.en')), 500, 5).map(([v, link]) => `v${v}.${link.slice(3)}`));
  add('bytes that are not deflate', sample(fc.uint8Array({ minLength: 1, maxLength: 600 }), 700, 6).map((b) => packBytes(b)));
  add('bytes without a valid checksum', sample(fc.uint8Array({ minLength: 5, maxLength: 600 }), 300, 7).map((b) => `v1.${encodeBase64url(b)}`));
  add('deflate of text that is not JSON', sample(fc.string({ unit: 'binary', minLength: 1, maxLength: 400 }).filter((s) => { try { JSON.parse(s); return false; } catch { return true; } }), 700, 8).map((s) => packText(s)));
  add('deflate of bytes that are not UTF-8', sample(fc.uint8Array({ minLength: 1, maxLength: 200 }), 300, 9).map((b) => packBytes(deflateSync(new Uint8Array([0x7b, 0xff, ...b])))));
  add('JSON of the wrong shape', sample(fc.jsonValue({ maxDepth: 3 }), 700, 10).map((j) => packText(JSON.stringify(j))));
  add('a valid link state with one part wrong', sample(fc.tuple(fc.constantFrom(...WRONG_SHAPES), fc.jsonValue({ maxDepth: 2 })), 900, 11).map(([wrong, x]) => packText(JSON.stringify(wrong(x)))));
  add('a scenario that fails validation', sample(fc.jsonValue({ maxDepth: 3 }), 300, 12).map((x) => packText(JSON.stringify({ v: 1, scenario: { custom: { version: 1, id: 'x', title: x, summary: x, hosts: [x], segments: x } } }))));
  add('oversized', sample(fc.integer({ min: MAX_FRAGMENT_CHARS + 1, max: 200_000 }), 30, 13).map((n) => `v1.${'A'.repeat(n)}`));
  return out;
}

describe('decodeLink on malformed input', () => {
  it('refuses 10,000 malformed links with a one-line message, never an exception', () => {
    const cases = malformed().slice(0, 9_997);
    // Decompression bombs: 50 MB of zeros is refused by size; 8 MB and 2 MB fit under the cap and reach the inflater.
    cases.push(['bomb (50 MB of zeros)', packBytes(deflateSync(new Uint8Array(50 * 1024 * 1024), { level: 9 }))]);
    cases.push(['bomb (8 MB of zeros)', packBytes(deflateSync(new Uint8Array(8 * 1024 * 1024), { level: 9 }))]);
    cases.push(['bomb (2 MB of zeros)', packBytes(deflateSync(new Uint8Array(2 * 1024 * 1024), { level: 9 }))]);
    expect(cases.length).toBe(10_000);

    const byKind = new Map<string, number>();
    const started = performance.now();
    for (const [kind, fragment] of cases) {
      let r: ReturnType<typeof decodeLink>;
      expect(() => (r = decodeLink(fragment)), `${kind}: ${fragment.slice(0, 80)}`).not.toThrow();
      if (r!.ok) throw new Error(`${kind} opened: ${JSON.stringify(fragment.slice(0, 200))}`);
      expect(r!.message, kind).toMatch(/^[^\n]{10,}$/);
      byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    }
    const ms = Math.round(performance.now() - started);
    console.log(`fuzz: ${cases.length} malformed links refused in ${ms} ms\n${[...byKind].map(([k, n]) => `  ${k}: ${n}`).join('\n')}`);
    expect(decodeLink(cases[9_997]![1])).toMatchObject({ ok: false, message: expect.stringMatching(/^link too large \(\d+ > 16384 characters\)$/) });
    expect(decodeLink(cases[9_998]![1])).toMatchObject({ ok: false, message: 'decoded link exceeds 1 MB (1048576 bytes)' });
    expect(decodeLink(cases[9_999]![1])).toMatchObject({ ok: false, message: 'decoded link exceeds 1 MB (1048576 bytes)' });
  });

  it('opens an edited plain link only as another plain link, and never throws on one', () => {
    // Plain links carry no checksum on purpose (a teacher may type the step by hand), so a
    // changed digit may be another valid link; anything else must still be refused cleanly.
    for (const link of PLAIN) {
      for (let i = 0; i < link.length; i++) {
        for (const c of ['0', '9', 'a', '.', '-', 'z', '#', ' ']) {
          const changed = `${link.slice(0, i)}${c}${link.slice(i + 1)}`;
          const r = decodeLink(changed);
          if (r.ok) expect(changed.trim().replace(/^.*#/, '')).toMatch(/^v1\.p\.[a-z0-9-]+\.\d+\.(en|zh)$/);
          else expect(r.message).toMatch(/^[^\n]{10,}$/);
        }
      }
    }
  });
});
