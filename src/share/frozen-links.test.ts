/**
 * Every link under e2e/links/ must keep opening what its "# opens" line says: links live in
 * chat logs and slides for years, so a format change that breaks an old one fails here.
 * Line grammar (see e2e/links/v1/presets.txt):
 *   # opens <preset id | custom> step <n> <en | zh> [| key=value]…
 *   <fragment>
 */
import { describe, expect, it } from 'vitest';
import { getPreset, type Scenario } from '../engine';
import { decodeLink, type DecodedLink } from './link-codec';

// Read through Vite, not node:fs: share stays free of Node built-ins, tests included.
const FILES = import.meta.glob<string>('../../e2e/links/**/*.txt', { query: '?raw', import: 'default', eager: true });

interface Frozen {
  file: string;
  line: number;
  fragment: string;
  from: string;
  step: number;
  lang: string;
  facts: Array<[key: string, value: string]>;
}

function parse(file: string, text: string): Frozen[] {
  const out: Frozen[] = [];
  let expect: Omit<Frozen, 'fragment' | 'line'> | undefined;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    const opens = /^# opens (\S+) step (\d+) (en|zh)((?: \| [^=|]+=?[^|]*)*)$/.exec(line);
    if (opens) {
      const facts = (opens[4] ?? '').split(' | ').slice(1).map((f): [string, string] => {
        const eq = f.indexOf('=');
        return eq < 0 ? [f.trim(), ''] : [f.slice(0, eq).trim(), f.slice(eq + 1).trim()];
      });
      expect = { file, from: opens[1] ?? '', step: Number(opens[2]), lang: opens[3] ?? '', facts };
    } else if (line.startsWith('# opens')) {
      throw new Error(`${file}:${i + 1}: cannot read this "# opens" line`);
    } else if (line && !line.startsWith('#')) {
      if (!expect) throw new Error(`${file}:${i + 1}: a link without an "# opens" line above it`);
      out.push({ ...expect, line: i + 1, fragment: line });
      expect = undefined;
    }
  });
  return out;
}

const director = (s: Scenario) => s.hosts.find((h) => h.ipvs?.services.length)?.ipvs?.services[0];

/** Checks one `key=value` fact about what the link opened. */
function checkFact(d: DecodedLink, key: string, value: string): void {
  const [head, host, ...rest] = key.split('.');
  const h = d.scenario.hosts.find((x) => x.id === host);
  switch (head) {
    case 'source': return void expect(d.source).toBe(value);
    case 'unchanged': return void expect(d.scenario).toEqual(getPreset(d.preset ?? ''));
    case 'depth': return void expect(d.depth).toBe(value);
    case 'select': return void expect(d.selection?.host).toBe(value);
    case 'event': return void expect(d.selection?.event).toBe(Number(value));
    case 'id': return void expect(d.scenario.id).toBe(value);
    case 'hosts': return void expect(d.scenario.hosts.length).toBe(Number(value));
    case 'dests': return void expect(director(d.scenario)?.dests.length).toBe(Number(value));
    case 'scheduler': return void expect(director(d.scenario)?.scheduler).toBe(value);
    case 'weights': return void expect(director(d.scenario)?.dests.map((x) => x.weight ?? 1).join(',')).toBe(value);
    case 'name': return void expect(h?.name?.en).toBe(value);
    case 'sysctl': return void expect(h?.sysctl?.[rest.join('.')]).toBe(Number(value));
    default: throw new Error(`unknown fact "${key}" (teach checkFact what it means)`);
  }
}

const LINKS = Object.entries(FILES).flatMap(([file, text]) => parse(file.replace(/^(\.\.\/)+/, ''), text));

describe('frozen links in e2e/links/', () => {
  it('has links for every released version, starting with v1', () => {
    expect(LINKS.some((l) => l.file.includes('/v1/'))).toBe(true);
  });

  it.each(LINKS.map((l) => [`${l.file}:${l.line}`, l] as const))('%s still opens what its comment says', (_where, l) => {
    const r = decodeLink(l.fragment);
    if (!r.ok) throw new Error(r.message);
    expect(r.value.step).toBe(l.step);
    expect(r.value.lang).toBe(l.lang);
    if (l.from === 'custom') expect(r.value.source).toBe('custom');
    else expect(r.value.preset).toBe(l.from);
    for (const [k, v] of l.facts) checkFact(r.value, k, v);
  });
});
