import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { getPreset, PRESETS, type Scenario } from '../engine';
import { decodeLink, encodeLink, MAX_FRAGMENT_CHARS, type DecodedLink } from './link-codec';
import { linkStateFor } from './link-for';
import { makeLinkState, type LinkView } from './link-state';
import { drLabEdited, MARKUP, natLabTen, packBytes, packText, tinyCustom } from './test-fixtures';

function open(fragment: string): DecodedLink {
  const r = decodeLink(fragment);
  if (!r.ok) throw new Error(`expected ${fragment.slice(0, 40)}… to open, got: ${r.message}`);
  return r.value;
}

function failure(fragment: string): string {
  const r = decodeLink(fragment);
  if (r.ok) throw new Error(`expected ${fragment.slice(0, 40)}… to be refused`);
  return r.message;
}

const roundTrip = (s: Scenario, view: LinkView = {}): DecodedLink => open(encodeLink(linkStateFor(s, view)));

describe('encodeLink', () => {
  it('names an unchanged preset in a short readable form', () => {
    expect(encodeLink(linkStateFor(getPreset('nat-lab') as Scenario, { step: 5, lang: 'zh' }))).toBe('v1.p.nat-lab.5.zh');
    expect(encodeLink(makeLinkState({ preset: 'dr-lab' }))).toBe('v1.p.dr-lab.0.en');
  });

  it('packs a preset shown at full depth or with a selection', () => {
    const f = encodeLink(makeLinkState({ preset: 'dr-lab' }, { depth: 'full', selection: { host: 'RS1', event: 4 } }));
    expect(f).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(open(f)).toMatchObject({ depth: 'full', selection: { host: 'RS1', event: 4 }, step: 0, lang: 'en', source: 'preset' });
  });
});

describe('decodeLink on short hand-typed links', () => {
  it('opens v1.p.<preset> at step 0 in the reader\'s language', () => {
    expect(open('v1.p.dr-lab')).toMatchObject({ step: 0, depth: 'course', source: 'preset', preset: 'dr-lab', readerLang: true });
  });

  it('opens v1.p.<preset>.<step> at that step in the reader\'s language', () => {
    expect(open('#v1.p.dr-lab.7')).toMatchObject({ step: 7, preset: 'dr-lab', readerLang: true });
  });

  it('keeps the language of a full plain link and of every packed link', () => {
    expect(open('v1.p.dr-lab.7.zh')).not.toHaveProperty('readerLang');
    expect(open('v1.p.dr-lab.7.en')).not.toHaveProperty('readerLang');
    expect(open(encodeLink(makeLinkState({ preset: 'dr-lab' }, { depth: 'full' })))).not.toHaveProperty('readerLang');
  });

  it('opens the same scenario as the full form', () => {
    expect(open('v1.p.dr-lab.7').scenario).toEqual(open('v1.p.dr-lab.7.zh').scenario);
  });

  it.each([
    ['v1.p.', 'link is malformed: "" is not a preset id'],
    ['v1.p.dr-lab.', 'step "" is not a whole number'],
    ['v1.p.dr-lab.7.', 'language "" is not en or zh'],
    ['v1.p.dr-lab.7.zh.x', 'link is malformed (expected v1.p.<preset>[.<step>[.<lang>]], e.g. v1.p.nat-lab.0.en)'],
  ])('refuses %s', (fragment, message) => {
    expect(failure(fragment)).toContain(message);
  });
});

describe('linkStateFor', () => {
  it('picks the preset id for an unchanged preset, a patch for an edit and the whole scenario for a new one', () => {
    expect(linkStateFor(getPreset('tun-course') as Scenario).scenario).toEqual({ preset: 'tun-course' });
    expect(Object.keys(linkStateFor(drLabEdited()).scenario)).toEqual(['preset', 'patch']);
    expect(Object.keys(linkStateFor(tinyCustom()).scenario)).toEqual(['custom']);
  });

  it('does not count fields that JSON drops as changes', () => {
    const s = { ...(getPreset('lan-arp') as Scenario), seed: undefined } as unknown as Scenario;
    expect(linkStateFor(s).scenario).toEqual({ preset: 'lan-arp' });
  });
});

describe('decodeLink round trips', () => {
  it.each(PRESETS.map((p) => p.id))('opens %s unchanged at the step and language it was made with', (id) => {
    const preset = getPreset(id) as Scenario;
    const d = roundTrip(preset, { step: 7, lang: 'zh' });
    expect(d).toMatchObject({ step: 7, lang: 'zh', depth: 'course', source: 'preset', preset: id });
    expect(d.scenario).toEqual(preset);
    // Key for key as `export` prints it, so `link decode` and `export` agree byte for byte.
    expect(JSON.stringify(d.scenario)).toBe(JSON.stringify(preset));
  });

  it('opens an edited nat-lab with 10 weighted real servers and wlc as it was', () => {
    const s = natLabTen();
    const d = roundTrip(s, { step: 12 });
    expect(d.source).toBe('patch');
    expect(d.scenario).toEqual(s);
    expect(d.scenario.hosts.find((h) => h.id === 'D')?.ipvs?.services[0]?.dests.map((x) => x.weight)).toEqual([5, 3, 8, 1, 10, 2, 7, 4, 9, 6]);
  });

  it('opens an edited dr-lab and a custom scenario as they were', () => {
    expect(roundTrip(drLabEdited()).scenario).toEqual(drLabEdited());
    expect(roundTrip(tinyCustom(), { lang: 'zh' })).toMatchObject({ scenario: tinyCustom(), source: 'custom', lang: 'zh' });
  });

  it('keeps markup in names as plain text', () => {
    const d = roundTrip(drLabEdited());
    expect(d.scenario.hosts.find((h) => h.id === 'RS2')?.name).toEqual({ en: MARKUP, zh: MARKUP });
    expect(roundTrip(tinyCustom()).scenario.summary.en).toContain(MARKUP);
  });

  it('accepts the fragment with its #, a whole URL and surrounding spaces', () => {
    const f = encodeLink(linkStateFor(natLabTen(), { step: 2 }));
    for (const text of [`#${f}`, `https://example.org/lvs-flow/#${f}`, `  ${f}\n`]) expect(open(text).step).toBe(2);
    expect(open('https://example.org/?x=1#v1.p.dr-lab.3.zh')).toMatchObject({ step: 3, lang: 'zh' });
  });

  it('drops a selected host the scenario does not have, keeping the rest of the view', () => {
    const f = encodeLink(makeLinkState({ preset: 'nat-lab' }, { selection: { host: 'RS9', event: 3 }, step: 1 }));
    expect(open(f)).toMatchObject({ step: 1, selection: { event: 3 } });
    expect(open(f).selection).not.toHaveProperty('host');
  });
});

describe('console lines in a link', () => {
  const LINES = [{ host: 'RS1', line: 'ifconfig lo:0 10.10.10.100 netmask 255.255.255.255 up' }, { host: 'C', line: 'curl -s http://10.10.10.100/' }];

  it('packs a preset with lines (the short form has no room for them) and opens them in order', () => {
    const f = encodeLink(linkStateFor(getPreset('dr-lab') as Scenario, { step: 3, lines: LINES }));
    expect(f.startsWith('v1.p.')).toBe(false);
    const opened = open(f);
    expect(opened).toMatchObject({ source: 'preset', preset: 'dr-lab', step: 3, lines: LINES });
  });

  it('leaves lines out of a link that has none, so links made before them are unchanged', () => {
    expect(encodeLink(linkStateFor(getPreset('dr-lab') as Scenario, { lines: [] }))).toBe('v1.p.dr-lab.0.en');
    expect(open('v1.p.dr-lab.0.en')).not.toHaveProperty('lines');
  });

  it('refuses a line typed on a host the scenario does not have, naming the line', () => {
    const f = packText('{"v":1,"scenario":{"preset":"dr-lab"},"lines":[["C","true"],["X9","ip a"]]}');
    expect(failure(f)).toBe('link.lines[1][0]: line 1 was typed on host "X9", which the scenario does not have (hosts: C, D, RS1, RS2)');
  });

  it.each([
    ['a line that is not a pair', '[["C"]]', 'link.lines[0][1]: expected ["host", "command line"]'],
    ['a line with a newline', '[["C","a\\nb"]]', 'link.lines[0][1]: expected ["host", "command line"]'],
    ['lines that are an object', '{"C":"true"}', 'link.lines: expected at most 500 console lines'],
  ])('refuses %s', (_what, lines, message) => {
    expect(failure(packText(`{"v":1,"scenario":{"preset":"dr-lab"},"lines":${lines}}`))).toContain(message);
  });
});

describe('link lengths', () => {
  it('keeps every preset under 200 characters and the 10-server nat-lab under 2,000', () => {
    const rows = PRESETS.map((p) => [p.id, encodeLink(linkStateFor(p.scenario, { step: 5, lang: 'zh' })).length] as const);
    const edited = encodeLink(linkStateFor(natLabTen(), { step: 5, lang: 'zh' })).length;
    const custom = encodeLink(linkStateFor(tinyCustom())).length;
    const packedPreset = encodeLink(makeLinkState({ preset: 'tun-course-no-accept-local' }, { depth: 'full', selection: { host: 'RS1', event: 12 }, step: 40 })).length;
    console.log(
      ['link lengths (characters of fragment):', ...rows.map(([id, n]) => `  ${id}: ${n}`),
        `  nat-lab edited (10 real servers, custom weights, wlc): ${edited}`,
        `  longest preset id, full depth, host and event selected: ${packedPreset}`,
        `  small custom scenario (2 hosts): ${custom}`].join('\n'),
    );
    for (const [, n] of rows) expect(n).toBeLessThanOrEqual(200);
    expect(packedPreset).toBeLessThanOrEqual(200);
    expect(edited).toBeLessThanOrEqual(2000);
  });
});

describe('decodeLink refusals', () => {
  const cases: Array<[string, string, string]> = [
    ['an empty fragment', '#', 'link is empty (expected a fragment such as v1.p.nat-lab.0.en)'],
    ['text that is no link', 'hello', 'not an lvs-flow link (expected it to start with v1., found "hello")'],
    ['an unknown version', 'v9.AAAA', 'unknown link version v9 (this app opens v1)'],
    ['a version spelled with a leading zero', 'v01.p.nat-lab.0.en', 'unknown link version v01 (this app opens v1)'],
    ['an oversized fragment', `v1.${'A'.repeat(20_000)}`, `link too large (20003 > ${MAX_FRAGMENT_CHARS} characters)`],
    ['a character outside base64url', 'v1.abc+def', 'link is truncated or corrupted (character "+" at 3 is not base64url (A-Z a-z 0-9 - _))'],
    ['an impossible length', 'v1.abcde', 'link is truncated or corrupted (5 characters cannot be base64url)'],
    ['a changed checksum', `${packText('{}').slice(0, -2)}AA`, 'link is truncated or corrupted (checksum mismatch)'],
    ['an unknown preset', 'v1.p.nope.0.en', 'unknown preset "nope" in link (this app has routed-basic, lan-arp'],
    ['a plain link with a bad language', 'v1.p.nat-lab.0.fr', 'link is malformed: language "fr" is not en or zh'],
    ['a plain link with a bad step', 'v1.p.nat-lab.-1.en', 'link is malformed: step "-1" is not a whole number 0-100000000'],
    ['deflate of text that is not JSON', packText('hosts: [C, D]'), 'link content is not JSON text'],
    ['bytes that are not deflate', packBytes(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff])), 'link is truncated or corrupted (deflate data invalid'],
    ['JSON of the wrong shape', packText('[1,2,3]'), 'link: expected an object, found an array'],
    ['JSON without its version', packText('{"scenario":{"preset":"nat-lab"}}'), 'link.v: missing (every link has v and scenario)'],
    ['a step out of range', packText('{"v":1,"scenario":{"preset":"nat-lab"},"step":-3}'), 'link.step: expected a whole number 0-100000000, found -3'],
    ['an unknown field', packText('{"v":1,"scenario":{"preset":"nat-lab"},"zoom":2}'), 'link.zoom: unknown field, expected one of v, scenario, step, depth, selection, lang'],
    ['a selection that is a list', packText('{"v":1,"scenario":{"preset":"nat-lab"},"selection":[]}'), 'link.selection: expected an object, found an array'],
    ['a selected host that is a number', packText('{"v":1,"scenario":{"preset":"nat-lab"},"selection":{"host":3}}'), 'link.selection.host: expected a host id, found 3'],
    ['a bad patch op', packText('{"v":1,"scenario":{"preset":"nat-lab","patch":[["x","/id"]]}}'), 'link.scenario.patch[0]: expected a change'],
    ['a patch that does not apply', packText('{"v":1,"scenario":{"preset":"nat-lab","patch":[["r","/hosts/9/id","X"]]}}'), 'link\'s changes do not apply to preset nat-lab: change 0: no "9" on the way to /hosts/9/id'],
    ['a patch through __proto__', packText('{"v":1,"scenario":{"preset":"nat-lab","patch":[["a","/__proto__/x",1]]}}'), 'names __proto__'],
  ];
  it.each(cases)('refuses %s with a message saying what is expected', (_what, fragment, message) => {
    expect(failure(fragment)).toContain(message);
  });

  it('names the JSON path of a bad address in a linked scenario', () => {
    const s = natLabTen();
    const rs1 = s.hosts[2];
    if (rs1?.interfaces[0]?.addrs[0]) rs1.interfaces[0].addrs[0].cidr = '10.10.10.300/24';
    expect(failure(encodeLink(linkStateFor(s)))).toMatch(/^scenario\.hosts\[2\]\.interfaces\[0\]\.addrs\[0\]\.cidr: /);
    expect(failure(packText('{"v":1,"scenario":{"custom":{"version":7}}}'))).toMatch(/^scenario: version 7 is newer/);
  });

  it('refuses a decompression bomb that fits under the size cap before inflating all of it', () => {
    const bomb = packBytes(deflateSync(new Uint8Array(8 * 1024 * 1024), { level: 9 }));
    expect(bomb.length).toBeLessThan(MAX_FRAGMENT_CHARS);
    expect(failure(bomb)).toBe('decoded link exceeds 1 MB (1048576 bytes)');
  });
});
