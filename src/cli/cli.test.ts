/**
 * The real CLI, run as a child process exactly as a teacher or CI would (contract:
 * docs/cli.md): its listings, its JSON trace, its pcapng as tshark decodes it, its
 * ipvsadm view, and its one-line errors with exit status 2. Every tsx start costs about a second,
 * so the runs start together (a few at a time) and each is shared by the tests that read it.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPreset, listPresets, simulate, type Scenario } from '../engine';
import { traceCsv, traceMarkdown } from '../ui/export/trace-text';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const MAIN = join(ROOT, 'src/cli/main.ts');
const TSHARK = '/usr/bin/tshark';
const HAS_TSHARK = existsSync(TSHARK);
const TMP = mkdtempSync(join(tmpdir(), 'lvs-flow-cli-'));
const PCAP_PRESETS = ['routed-basic', 'nat-lab', 'dr-lab', 'tun-course'] as const;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function exec(file: string, args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd: ROOT, maxBuffer: 64 << 20, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** At most `n` child processes at once (this machine has two cores). */
function pool(n: number): <T>(job: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (job) => {
    if (active >= n) await new Promise<void>((go) => waiting.push(go));
    active++;
    try {
      return await job();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

const limit = pool(3);
const runs = new Map<string, Promise<Run>>();

/** `npm run -s cli -- <args>`, started once and shared by every test that asks for it. */
function cli(...args: string[]): Promise<Run> {
  const key = JSON.stringify(args);
  let r = runs.get(key);
  if (!r) {
    r = limit(() => exec(TSX, [MAIN, ...args]));
    runs.set(key, r);
  }
  return r;
}

const file = (name: string, text: string): string => {
  const p = join(TMP, name);
  writeFileSync(p, text);
  return p;
};
const NOT_JSON = file('not-json.json', 'hosts: [C, D]\n');
const WRONG_SHAPE = file('wrong-shape.json', JSON.stringify({
  version: 1, id: 'x', title: { en: 'x', zh: 'x' }, summary: { en: 'x', zh: 'x' },
  hosts: [{ id: 'C', role: 'client', interfaces: 'eth0' }], segments: [],
}));
// ipvsadm: "illegal weight specified" (weights are 0-2147483647).
const BAD_RULES = file('bad.rules', '-A -t 20.20.20.11:80 -s wlc\n-a -t 20.20.20.11:80 -r 10.10.10.12:80 -m -w 2147483648\n');
const pcapPath = (id: string): string => join(TMP, `${id}.pcapng`);

const BAD_INPUT: ReadonlyArray<readonly [what: string, args: string[], stderr: RegExp]> = [
  ['an unknown preset', ['trace', 'no-such-preset'], /unknown preset "no-such-preset"/],
  ['a file that is not JSON', ['trace', NOT_JSON], /not-json\.json: not valid JSON/],
  ['a JSON file of the wrong shape, naming the JSON path', ['trace', WRONG_SHAPE], /wrong-shape\.json: hosts\[0\]\.interfaces: expected an array/],
  ['--requests abc', ['trace', 'nat-lab', '--requests', 'abc'], /--requests: .*"abc"/],
  ['--format xml', ['trace', 'nat-lab', '--format', 'xml'], /--format: .*"xml"/],
  ['a --rules line ipvsadm would reject', ['trace', 'nat-lab', '--rules', BAD_RULES], /bad\.rules:2: illegal weight specified/],
];

beforeAll(() => {
  // Start everything now; each test then waits only for its own run.
  void cli('scenarios');
  void cli('trace', 'nat-lab', '--format', 'json');
  void cli('trace', 'nat-lab', '--format', 'json');
  void cli('trace', 'tun-course', '--format', 'csv');
  void cli('trace', 'tun-course', '--format', 'md');
  void cli('ipvsadm', 'nat-lab', '--requests', '2', '--', '-L', '-n');
  for (const id of PCAP_PRESETS) void cli('pcap', id, '-o', pcapPath(id));
  for (const [, args] of BAD_INPUT) void cli(...args);
});

afterAll(() => rmSync(TMP, { recursive: true, force: true }));

describe('cli scenarios', () => {
  it('lists every preset id with its title, tab-separated, one a line', async () => {
    const r = await cli('scenarios');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(listPresets().map((p) => `${p.id}\t${p.title.en}\n`).join(''));
  });
});

describe('cli trace --format json', () => {
  it('prints one JSON document with the contract keys and events numbered 0, 1, 2, …', async () => {
    const r = await cli('trace', 'nat-lab', '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as { scenario: string; seed: number; hosts: object; events: Array<{ seq: number; t: number; kind: string; note: { key: string } }> };
    expect(Object.keys(doc)).toEqual(['scenario', 'seed', 'hosts', 'events']);
    expect(doc.scenario).toBe('nat-lab');
    expect(Object.keys(doc.hosts)).toEqual(['C', 'D', 'RS1', 'RS2']);
    expect(doc.events.length).toBeGreaterThan(20);
    expect(doc.events.map((e) => e.seq)).toEqual(doc.events.map((_, i) => i));
    for (const e of doc.events) {
      expect(['frame', 'action', 'drop']).toContain(e.kind);
      expect(typeof e.t).toBe('number');
      expect(typeof e.note.key).toBe('string');
    }
  });

  it('prints byte-identical output when run twice', async () => {
    const [a, b] = await Promise.all([cli('trace', 'nat-lab', '--format', 'json'), cli('trace', 'nat-lab', '--format', 'json')]);
    // The two calls share one run; run the command once more to compare two real processes.
    const c = await exec(TSX, [MAIN, 'trace', 'nat-lab', '--format', 'json']);
    expect(a).toBe(b);
    expect(c.stdout === a.stdout).toBe(true);
  });
});

describe('cli trace --format csv|md', () => {
  // The app's Export menu downloads traceCsv/traceMarkdown of its trace: the same bytes.
  it('prints a header row and one row per frame, the same bytes as the app\'s CSV', async () => {
    const r = await cli('trace', 'tun-course', '--format', 'csv');
    expect(r.code).toBe(0);
    const { trace } = simulate(getPreset('tun-course')!);
    expect(r.stdout.split('\n')[0]).toMatch(/^seq,t,segment,from,to,eth_src,eth_dst,/);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(trace.events.filter((e) => e.kind === 'frame').length + 1);
    expect(r.stdout).toBe(traceCsv(trace));
  });

  it('prints the same rows as a Markdown table, the same bytes as the app\'s', async () => {
    const r = await cli('trace', 'tun-course', '--format', 'md');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(traceMarkdown(simulate(getPreset('tun-course')!).trace));
  });
});

describe('cli ipvsadm', () => {
  it('prints the director\'s table under the real header', async () => {
    const r = await cli('ipvsadm', 'nat-lab', '--requests', '2', '--', '-L', '-n');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('IP Virtual Server version 1.2.1 (size=4096)');
    expect(r.stdout).toContain('TCP  20.20.20.11:80 rr\n');
  });
});

describe('cli pcap', () => {
  it.each(PCAP_PRESETS)('%s: writes the pcapng and prints nothing', async (id) => {
    const r = await cli('pcap', id, '-o', pcapPath(id));
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(existsSync(pcapPath(id))).toBe(true);
  });

  it.skipIf(!HAS_TSHARK).each(PCAP_PRESETS)('%s: tshark decodes every frame with no malformed packet, bad checksum or expert error', async (id) => {
    await cli('pcap', id, '-o', pcapPath(id));
    const r = await limit(() => exec(TSHARK, ['-r', pcapPath(id), '-V', '-o', 'tcp.check_checksum:TRUE', '-o', 'ip.check_checksum:TRUE']));
    expect(r.code).toBe(0);
    const bad = r.stdout.split('\n').filter((l) => /Malformed|\[Bad checksum|incorrect|Expert Info \(Error/.test(l));
    expect(bad).toEqual([]);
    const frames = r.stdout.split('\n').filter((l) => /^Frame \d+:/.test(l)).length;
    expect(frames).toBe(simulate(getPreset(id) as Scenario).stats.frames);
    expect(r.stdout).toMatch(/\[Checksum Status: Good\]/);
  });

  it.skipIf(!HAS_TSHARK)('tun-course: tshark sees IP-in-IP as two IPv4 layers, the outer and inner headers of the trace', async () => {
    await cli('pcap', 'tun-course', '-o', pcapPath('tun-course'));
    const r = await limit(() => exec(TSHARK, ['-r', pcapPath('tun-course'), '-Y', 'ip.proto == 4', '-T', 'fields', '-e', 'ip.src', '-e', 'ip.dst']));
    expect(r.code).toBe(0);
    // tshark lists both layers' values of a field, outer first: "outerSrc,innerSrc<TAB>outerDst,innerDst".
    const expected = simulate(getPreset('tun-course') as Scenario).trace.events.flatMap((e) =>
      e.kind === 'frame' && e.ip?.inner ? [`${e.ip.src},${e.ip.inner.ip.src}\t${e.ip.dst},${e.ip.inner.ip.dst}`] : []);
    expect(expected.length).toBeGreaterThan(0);
    expect(r.stdout.trim().split('\n')).toEqual(expected);
  });
});

describe('cli bad input', () => {
  it.each(BAD_INPUT)('exits 2 with one line on stderr for %s', async (_what, args, message) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^lvs-flow: [^\n]*\n$/);
    expect(r.stderr).toMatch(message);
  });
});
